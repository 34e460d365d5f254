package city.twofour.grid.internal;

/**
 * A feature as read from a GeoJSON FeatureCollection or an ESRI Shapefile, its parts as GeoJSON text.
 *
 * @param geometryJson null when the feature has no geometry
 * @param crs          the coordinate system the feature, the collection or the shapefile's .prj declares, null when
 *                     none
 */
public record GeoJsonFeature(int recordNo, String propertiesJson, String geometryJson, String crs) {
}
