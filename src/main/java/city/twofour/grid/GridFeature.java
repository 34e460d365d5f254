package city.twofour.grid;

import city.twofour.feed.SourceRecord;

/**
 * A feature of a delivered grid GeoJSON file, as delivered and not yet checked.
 * Property values are null when the feature lacks them.
 *
 * @param geometryJson  the geometry as GeoJSON text, or null when the feature has none
 * @param crs           the coordinate system the file or feature declares, or null when none
 * @param firstRecordNo the first feature of the file with the same code (equal to recordNo when none earlier)
 */
public record GridFeature(long fileId, int recordNo, String code, String name, String villageCode, String townCode,
                          String geometryJson, String crs, int firstRecordNo, String propertiesJson)
        implements SourceRecord {

    @Override
    public String original() {
        return propertiesJson;
    }
}
