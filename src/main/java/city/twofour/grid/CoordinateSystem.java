package city.twofour.grid;

/**
 * Geographic coordinate systems in which department feeds deliver longitude / latitude.
 * <p>
 * The master data is held in {@link #CGCS2000} (EPSG:4490). {@link #WGS84} is treated as identical
 * to it (the two differ by well under a metre). {@link #GCJ02} (Amap, Tencent) and {@link #BD09}
 * (Baidu) are the obfuscated web-map systems, offset from the true position by hundreds of metres
 * inside China; see {@link CoordinateTransform}.
 */
public enum CoordinateSystem {
    WGS84,
    CGCS2000,
    GCJ02,
    BD09;

    /**
     * Parses a system name as written in feeds and configuration, ignoring case, hyphens and
     * underscores ({@code "gcj-02"}, {@code "BD09"}, {@code "EPSG:4490"}, {@code "4326"}).
     *
     * @throws IllegalArgumentException if the name is not recognised
     */
    public static CoordinateSystem parse(String name) {
        String key = name.trim().toUpperCase().replace("-", "").replace("_", "").replace("EPSG:", "");
        return switch (key) {
            case "WGS84", "4326" -> WGS84;
            case "CGCS2000", "4490" -> CGCS2000;
            case "GCJ02", "AMAP", "GAODE", "TENCENT" -> GCJ02;
            case "BD09", "BD09LL", "BAIDU" -> BD09;
            default -> throw new IllegalArgumentException("unknown coordinate system: " + name);
        };
    }
}
