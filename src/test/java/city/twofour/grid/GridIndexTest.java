package city.twofour.grid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;

import city.twofour.common.Geometries;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

/**
 * Four unit squares meeting at (1 1):
 * <pre>
 *  2 +------+------+
 *    |  G03 |  G04 |
 *  1 +------+------+
 *    |  G02 |  G01 |
 *  0 +------+------+
 *    0      1      2
 * </pre>
 */
class GridIndexTest {

    private final WKTReader wkt = new WKTReader(Geometries.FACTORY);

    private final GridIndex index = new GridIndex(List.of(
            grid("G04", "MULTIPOLYGON (((1 1, 2 1, 2 2, 1 2, 1 1)))"),
            grid("G02", "MULTIPOLYGON (((0 0, 1 0, 1 1, 0 1, 0 0)))"),
            grid("G01", "MULTIPOLYGON (((1 0, 2 0, 2 1, 1 1, 1 0)))"),
            grid("G03", "MULTIPOLYGON (((0 1, 1 1, 1 2, 0 2, 0 1)))")));

    @Test
    void pointInsideAGrid() {
        assertThat(index.locate(point("POINT (0.5 0.5)"))).contains("G02");
        assertThat(index.locate(point("POINT (1.5 1.5)"))).contains("G04");
    }

    @Test
    void pointOnASharedEdgeGoesToTheLowestCode() {
        assertThat(index.locate(point("POINT (1 0.5)"))).contains("G01");
        assertThat(index.locate(point("POINT (0.5 1)"))).contains("G02");
        assertThat(index.locate(point("POINT (1.5 1)"))).contains("G01");
    }

    @Test
    void pointOnTheVertexSharedByFourGridsGoesToTheLowestCode() {
        assertThat(index.locate(point("POINT (1 1)"))).contains("G01");
    }

    @Test
    void pointOnTheOuterBoundaryIsCovered() {
        assertThat(index.locate(point("POINT (0 0.5)"))).contains("G02");
        assertThat(index.locate(point("POINT (2 2)"))).contains("G04");
    }

    @Test
    void pointOutsideAllGrids() {
        assertThat(index.locate(point("POINT (3 3)"))).isEmpty();
        assertThat(index.locate(point("POINT (-0.000001 0.5)"))).isEmpty();
    }

    @Test
    void footprintGoesToTheLargestOverlap() {
        Optional<GridAssignment> a = index.locateFootprint(polygon("POLYGON ((0.9 0.1, 1.3 0.1, 1.3 0.4, 0.9 0.4, 0.9 0.1))"));
        assertThat(a).contains(new GridAssignment("G01", AssignmentMethod.FOOTPRINT_LARGEST_OVERLAP));
    }

    @Test
    void footprintSplitEvenlyGoesToTheLowestCode() {
        Optional<GridAssignment> a = index.locateFootprint(polygon("POLYGON ((0.8 1.2, 1.2 1.2, 1.2 1.6, 0.8 1.6, 0.8 1.2))"));
        assertThat(a).contains(new GridAssignment("G03", AssignmentMethod.FOOTPRINT_LARGEST_OVERLAP));
    }

    @Test
    void footprintInsideOneGrid() {
        assertThat(index.locateFootprint(polygon("POLYGON ((1.2 1.2, 1.4 1.2, 1.4 1.4, 1.2 1.2))")))
                .contains(new GridAssignment("G04", AssignmentMethod.FOOTPRINT_LARGEST_OVERLAP));
    }

    @Test
    void footprintOutsideAllGrids() {
        assertThat(index.locateFootprint(polygon("POLYGON ((3 3, 4 3, 4 4, 3 3))"))).isEmpty();
    }

    @Test
    void assignFallsBackFromFootprintToOwnPointToAddressPoint() {
        Polygon outside = polygon("POLYGON ((3 3, 4 3, 4 4, 3 3))");
        assertThat(index.assign(outside, point("POINT (0.5 0.5)"), null))
                .contains(new GridAssignment("G02", AssignmentMethod.POINT_IN_GRID));
        assertThat(index.assign(null, point("POINT (5 5)"), point("POINT (0.5 1.5)")))
                .contains(new GridAssignment("G03", AssignmentMethod.ADDRESS_POINT));
        assertThat(index.assign(null, null, null)).isEmpty();
    }

    @Test
    void rejectsDuplicateCodes() {
        assertThatThrownBy(() -> new GridIndex(List.of(
                grid("G01", "MULTIPOLYGON (((0 0, 1 0, 1 1, 0 0)))"),
                grid("G01", "MULTIPOLYGON (((1 0, 2 0, 2 1, 1 0)))"))))
                .hasMessage("duplicate grid code: G01");
    }

    private Grid grid(String code, String text) {
        return new Grid(code, code, "441900006001", "441900006", (MultiPolygon) read(text), 0, 0);
    }

    private Point point(String text) {
        return (Point) read(text);
    }

    private Polygon polygon(String text) {
        return (Polygon) read(text);
    }

    private Geometry read(String text) {
        try {
            return wkt.read(text);
        } catch (ParseException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
