package city.twofour.facility;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import city.twofour.common.Geometries;
import city.twofour.feed.EntityType;
import city.twofour.feed.FeedDefinition;
import city.twofour.feed.FieldDefinition;
import city.twofour.feed.PendingRecord;
import city.twofour.feed.RejectedRecordException;
import city.twofour.grid.AssignmentMethod;
import city.twofour.grid.Grid;
import city.twofour.grid.GridIndex;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FacilityRecordBuilderTests {

    /** Two grids sharing the boundary x = 114.0. */
    private final GridIndex grids = new GridIndex(List.of(
            grid("441900006002001", "MULTIPOLYGON (((113.99 23.0, 114.0 23.0, 114.0 23.01, 113.99 23.01, 113.99 23.0)))"),
            grid("441900006001002", "MULTIPOLYGON (((114.0 23.0, 114.01 23.0, 114.01 23.01, 114.0 23.01, 114.0 23.0)))")));

    private final FacilityRecordBuilder builder = new FacilityRecordBuilder(grids, Map.of(
            "cameras", feed("cameras", "CGCS2000"), "parts", feed("parts", "BD09")),
            Map.of("cameras", FacilityType.CAMERA));

    @Test
    void aPointOnASharedBoundaryGoesToTheLowestGridCode() {
        DeliveredFacility camera = builder.process(row("cameras", null, 114.0, 23.005));
        assertThat(camera.gridCode()).isEqualTo("441900006001002");
        assertThat(camera.gridMethod()).isEqualTo(AssignmentMethod.POINT_IN_GRID);
        assertThat(camera.type()).isEqualTo(FacilityType.CAMERA);
    }

    @Test
    void aConvertedPointAFewCentimetresFromABoundaryCountsAsOnIt() {
        assertThat(builder.process(row("parts", "street_lamp", 113.9999995, 23.005)).gridCode()).isEqualTo("441900006001002");
        assertThat(builder.process(row("cameras", null, 113.9999995, 23.005)).gridCode()).isEqualTo("441900006002001");
    }

    @Test
    void aPointOutsideEveryGridHasNoGrid() {
        DeliveredFacility lamp = builder.process(row("parts", "street_lamp", 114.5, 23.5));
        assertThat(lamp.gridCode()).isNull();
        assertThat(lamp.gridMethod()).isNull();
    }

    @Test
    void aRowOfAFeedOfManyTypesWithoutItsTypeIsRejected() {
        assertThatThrownBy(() -> builder.process(row("parts", null, 114.005, 23.005)))
                .isInstanceOf(RejectedRecordException.class).hasMessageContaining("kind");
    }

    private static PendingRecord row(String feed, String kind, double lon, double lat) {
        Map<String, String> values = new HashMap<>(Map.of("code", "C1", "longitude", Double.toString(lon), "latitude", Double.toString(lat),
                "status", "damaged"));
        if (kind != null) {
            values.put("kind", kind);
        }
        return new PendingRecord(1, 2, feed, values, "C1");
    }

    private static FeedDefinition feed(String name, String coordinates) {
        return new FeedDefinition(name, "市城市管理局", EntityType.FACILITY, "x/*.csv", "UTF-8", ",",
                coordinates, 2, Map.of("code", new FieldDefinition("编码", null, true, null, null, null)));
    }

    private static Grid grid(String code, String wkt) {
        try {
            MultiPolygon polygon = (MultiPolygon) new WKTReader(Geometries.FACTORY).read(wkt);
            return new Grid(code, code, code.substring(0, 12), code.substring(0, 9), polygon, 0, 0);
        } catch (ParseException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
