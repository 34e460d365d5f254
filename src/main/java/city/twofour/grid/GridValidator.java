package city.twofour.grid;

import java.util.Map;
import java.util.Set;

import city.twofour.common.Geometries;
import city.twofour.feed.RejectReason;
import city.twofour.feed.RejectedRecordException;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Checks a delivered grid feature: required properties present, code not repeated in the file, a valid
 * polygon in CGCS2000 longitude/latitude inside the city, and a known village in the stated town.
 */
public class GridValidator implements ItemProcessor<GridFeature, Grid> {

    /** Names by which a file declares CGCS2000 or WGS84 longitude/latitude (within a metre of each other). */
    private static final Set<String> ACCEPTED_CRS = Set.of(
            "EPSG:4490", "URN:OGC:DEF:CRS:EPSG::4490",
            "EPSG:4326", "URN:OGC:DEF:CRS:EPSG::4326", "URN:OGC:DEF:CRS:OGC:1.3:CRS84", "CRS84");

    private final Map<String, String> townOfVillage;
    private final Envelope cityBounds;
    private final GeoJsonReader geoJson = new GeoJsonReader(Geometries.FACTORY);

    /**
     * @param townOfVillage the town code of each known village code
     * @param cityBounds    longitude/latitude box a grid must lie in
     */
    public GridValidator(Map<String, String> townOfVillage, Envelope cityBounds) {
        this.townOfVillage = townOfVillage;
        this.cityBounds = cityBounds;
    }

    @Override
    public Grid process(GridFeature feature) {
        String code = required(feature.code(), "code");
        if (feature.firstRecordNo() != feature.recordNo()) {
            throw new RejectedRecordException("code", RejectReason.DUPLICATE_CODE,
                    code + " first appears at feature " + feature.firstRecordNo());
        }
        String name = required(feature.name(), "name");
        String villageCode = required(feature.villageCode(), "village_code");
        if (feature.crs() != null && !ACCEPTED_CRS.contains(feature.crs().strip().toUpperCase())) {
            throw new RejectedRecordException("crs", RejectReason.WRONG_SRID,
                    "declared " + feature.crs() + ", expected EPSG:4490");
        }
        MultiPolygon geometry = geometry(feature.geometryJson());
        String townCode = townOfVillage.get(villageCode);
        if (townCode == null) {
            throw new RejectedRecordException("village_code", RejectReason.UNKNOWN_VILLAGE, villageCode);
        }
        if (feature.townCode() != null && !feature.townCode().equals(townCode)) {
            throw new RejectedRecordException("town_code", RejectReason.TOWN_MISMATCH,
                    "village " + villageCode + " is in town " + townCode + ", not " + feature.townCode());
        }
        return new Grid(code, name, villageCode, townCode, geometry, feature.fileId(), feature.recordNo());
    }

    private MultiPolygon geometry(String json) {
        if (json == null) {
            throw new RejectedRecordException("geometry", RejectReason.GEOMETRY_MISSING, null);
        }
        Geometry geometry;
        try {
            geometry = geoJson.read(json);
        } catch (ParseException | RuntimeException e) {
            throw new RejectedRecordException("geometry", RejectReason.GEOMETRY_UNPARSABLE, e.getMessage());
        }
        MultiPolygon multiPolygon;
        if (geometry instanceof MultiPolygon m) {
            multiPolygon = m;
        } else if (geometry instanceof Polygon p) {
            multiPolygon = Geometries.FACTORY.createMultiPolygon(new Polygon[] {p});
        } else {
            throw new RejectedRecordException("geometry", RejectReason.GEOMETRY_NOT_POLYGONAL,
                    geometry.getGeometryType());
        }
        multiPolygon.setSRID(Geometries.CGCS2000);
        if (multiPolygon.isEmpty()) {
            throw new RejectedRecordException("geometry", RejectReason.GEOMETRY_MISSING, "empty geometry");
        }
        if (!cityBounds.contains(multiPolygon.getEnvelopeInternal())) {
            throw new RejectedRecordException("geometry", RejectReason.COORDINATE_OUTSIDE_CITY,
                    "extent " + multiPolygon.getEnvelopeInternal() + " is not within " + cityBounds
                            + " (longitude/latitude expected)");
        }
        TopologyValidationError error = new IsValidOp(multiPolygon).getValidationError();
        if (error != null) {
            throw new RejectedRecordException("geometry", RejectReason.GEOMETRY_INVALID, error.toString());
        }
        return multiPolygon;
    }

    private static String required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new RejectedRecordException(field, RejectReason.MISSING_REQUIRED_FIELD, null);
        }
        return value.strip();
    }
}
