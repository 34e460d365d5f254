package city.twofour.grid.internal;

/**
 * A feature as read from a GeoJSON FeatureCollection or an ESRI Shapefile, its parts as GeoJSON text.
 *
 * @param geometryJson null when the feature has no geometry
 * @param crs          the feature's or the collection's declared coordinate system, null when none
 */
public record GeoJsonFeature(int recordNo, String propertiesJson, String geometryJson, String crs) {
}
