package city.twofour.grid;

import java.util.Arrays;
import java.util.List;

import city.twofour.common.Geometries;
import city.twofour.grid.internal.ShapefilePolygonBuilder;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

import static org.assertj.core.api.Assertions.assertThat;

class ShapefilePolygonBuilderTests {

    private static final String SHELL_A = "LINEARRING (0 0, 0 10, 10 10, 10 0, 0 0)";
    private static final String HOLE_IN_A = "LINEARRING (2 2, 4 2, 4 4, 2 4, 2 2)";
    private static final String SHELL_B = "LINEARRING (20 0, 20 10, 30 10, 30 0, 20 0)";
    private static final String HOLE_IN_B = "LINEARRING (22 2, 24 2, 24 4, 22 4, 22 2)";

    @Test
    void eachHoleGoesToTheShellThatContainsIt() throws ParseException {
        assertThat(build(SHELL_A, SHELL_B, HOLE_IN_B, HOLE_IN_A)).isEqualTo(wkt("""
                MULTIPOLYGON (((0 0, 0 10, 10 10, 10 0, 0 0), (2 2, 4 2, 4 4, 2 4, 2 2)),
                              ((20 0, 20 10, 30 10, 30 0, 20 0), (22 2, 24 2, 24 4, 22 4, 22 2)))"""));
    }

    @Test
    void aHoleGoesToTheSmallestShellAroundItWhenAnIslandLiesInAnotherHole() throws ParseException {
        assertThat(build("LINEARRING (0 0, 0 30, 30 30, 30 0, 0 0)", "LINEARRING (5 5, 25 5, 25 25, 5 25, 5 5)",
                "LINEARRING (8 8, 8 22, 22 22, 22 8, 8 8)", "LINEARRING (10 10, 20 10, 20 20, 10 20, 10 10)"))
                .isEqualTo(wkt("""
                        MULTIPOLYGON (((0 0, 0 30, 30 30, 30 0, 0 0), (5 5, 25 5, 25 25, 5 25, 5 5)),
                                      ((8 8, 8 22, 22 22, 22 8, 8 8), (10 10, 20 10, 20 20, 10 20, 10 10)))"""));
    }

    @Test
    void aHoleNoShellContainsIsAShellOfItsOwn() throws ParseException {
        assertThat(build(SHELL_A, HOLE_IN_B)).isEqualTo(wkt("""
                MULTIPOLYGON (((0 0, 0 10, 10 10, 10 0, 0 0)), ((22 2, 24 2, 24 4, 22 4, 22 2)))"""));
    }

    @Test
    void oneShellIsAPolygonAndNoRingIsAnEmptyPolygon() throws ParseException {
        assertThat(build(SHELL_A)).isEqualTo(wkt("POLYGON ((0 0, 0 10, 10 10, 10 0, 0 0))"));
        assertThat(build()).isEqualTo(wkt("POLYGON EMPTY"));
    }

    private static Geometry build(String... rings) throws ParseException {
        List<Coordinate[]> coordinates = Arrays.stream(rings).map(ShapefilePolygonBuilderTests::coordinates).toList();
        return ShapefilePolygonBuilder.build(coordinates);
    }

    private static Coordinate[] coordinates(String ring) {
        try {
            return wkt(ring).getCoordinates();
        } catch (ParseException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static Geometry wkt(String wkt) throws ParseException {
        return new WKTReader(Geometries.FACTORY).read(wkt);
    }
}
