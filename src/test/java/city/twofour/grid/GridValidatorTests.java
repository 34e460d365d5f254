package city.twofour.grid;

import java.util.Map;

import city.twofour.feed.RejectReason;
import city.twofour.feed.RejectedRecordException;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class GridValidatorTests {

    private static final String SQUARE = """
            {"type":"Polygon","coordinates":[[[113.74,23.04],[113.75,23.04],[113.75,23.05],[113.74,23.05],[113.74,23.04]]]}
            """;

    private final GridValidator validator = new GridValidator(Map.of("441900006001", "441900006"),
            new Envelope(113.45, 114.35, 22.55, 23.25));

    @Test
    void aValidPolygonBecomesAMultiPolygonGridInCgcs2000() {
        Grid grid = validator.process(feature("441900006001001", "441900006001", null, SQUARE, "EPSG:4490", 3));

        assertThat(grid.geometry().getGeometryType()).isEqualTo("MultiPolygon");
        assertThat(grid.geometry().getSRID()).isEqualTo(4490);
        assertThat(grid.townCode()).isEqualTo("441900006");
        assertThat(grid.sourceRecord()).isEqualTo(3);
    }

    @Test
    void wgs84AndNoDeclaredCrsAreAcceptedAsLongitudeLatitude() {
        assertThat(validator.process(feature("g1", "441900006001", null, SQUARE, "urn:ogc:def:crs:OGC:1.3:CRS84", 3)))
                .isNotNull();
        assertThat(validator.process(feature("g1", "441900006001", null, SQUARE, null, 3))).isNotNull();
    }

    @Test
    void aProjectedCrsIsRejected() {
        assertThat(reason(feature("g1", "441900006001", null, SQUARE, "EPSG:4547", 3))).isEqualTo(RejectReason.WRONG_SRID);
    }

    @Test
    void aRepeatedCodeIsRejectedPointingAtItsFirstFeature() {
        RejectedRecordException e = rejection(feature("g1", "441900006001", null, SQUARE, null, 1));

        assertThat(e.reason()).isEqualTo(RejectReason.DUPLICATE_CODE);
        assertThat(e.messageEn()).contains("feature 1");
    }

    @Test
    void aSelfIntersectingPolygonIsRejectedWithTheLocation() {
        String bowTie = """
                {"type":"Polygon","coordinates":[[[113.74,23.04],[113.75,23.05],[113.75,23.04],[113.74,23.05],[113.74,23.04]]]}
                """;
        RejectedRecordException e = rejection(feature("g1", "441900006001", null, bowTie, null, 3));

        assertThat(e.reason()).isEqualTo(RejectReason.GEOMETRY_INVALID);
        assertThat(e.messageEn()).contains("Self-intersection");
    }

    @Test
    void unreadableGeometryIsRejected() {
        assertThat(reason(feature("g1", "441900006001", null, "{\"type\":\"Polygon\",\"coordinates\":[[1]]}", null, 3)))
                .isEqualTo(RejectReason.GEOMETRY_UNPARSABLE);
    }

    @Test
    void aVillageOfAnotherTownIsRejected() {
        assertThat(reason(feature("g1", "441900006001", "441900003", SQUARE, null, 3)))
                .isEqualTo(RejectReason.TOWN_MISMATCH);
        assertThat(reason(feature("g1", "441900006077", null, SQUARE, null, 3)))
                .isEqualTo(RejectReason.UNKNOWN_VILLAGE);
    }

    @Test
    void missingPropertiesAreRejectedNamingTheField() {
        RejectedRecordException e = rejection(feature(null, "441900006001", null, SQUARE, null, 3));

        assertThat(e.reason()).isEqualTo(RejectReason.MISSING_REQUIRED_FIELD);
        assertThat(e.field()).isEqualTo("code");
    }

    private static GridFeature feature(String code, String village, String town, String geometry, String crs, int first) {
        return new GridFeature(1, 3, code, "网格", village, town, geometry, crs, code == null ? 3 : first, "{}");
    }

    private RejectReason reason(GridFeature feature) {
        return rejection(feature).reason();
    }

    private RejectedRecordException rejection(GridFeature feature) {
        return catchThrowableOfType(RejectedRecordException.class, () -> validator.process(feature));
    }
}
