package city.twofour.samples.internal;

/**
 * Forward transforms from CGCS2000 / WGS84 into the obfuscated coordinate systems of Chinese web
 * maps, using the well-known public formulas: GCJ-02 ("Mars" coordinates of Amap and Tencent,
 * Krasovsky ellipsoid a = 6378245.0, ee = 0.00669342162296594323) and BD-09 (Baidu, a further
 * shift of GCJ-02). {@link StrictMath} keeps the results identical on every JVM.
 */
public final class ChinaCoordinates {

    private static final double A = 6378245.0;
    private static final double EE = 0.00669342162296594323;
    private static final double PI = Math.PI;
    private static final double X_PI = Math.PI * 3000.0 / 180.0;

    private ChinaCoordinates() {
    }

    /** {lon, lat} in GCJ-02 for a point in WGS84 / CGCS2000. */
    public static double[] wgs84ToGcj02(double lon, double lat) {
        double dLat = transformLat(lon - 105.0, lat - 35.0);
        double dLon = transformLon(lon - 105.0, lat - 35.0);
        double radLat = lat / 180.0 * PI;
        double magic = StrictMath.sin(radLat);
        magic = 1 - EE * magic * magic;
        double sqrtMagic = StrictMath.sqrt(magic);
        dLat = (dLat * 180.0) / ((A * (1 - EE)) / (magic * sqrtMagic) * PI);
        dLon = (dLon * 180.0) / (A / sqrtMagic * StrictMath.cos(radLat) * PI);
        return new double[] {lon + dLon, lat + dLat};
    }

    /** {lon, lat} in BD-09 for a point in GCJ-02. */
    public static double[] gcj02ToBd09(double lon, double lat) {
        double z = StrictMath.sqrt(lon * lon + lat * lat) + 0.00002 * StrictMath.sin(lat * X_PI);
        double theta = StrictMath.atan2(lat, lon) + 0.000003 * StrictMath.cos(lon * X_PI);
        return new double[] {z * StrictMath.cos(theta) + 0.0065, z * StrictMath.sin(theta) + 0.006};
    }

    /** {lon, lat} in BD-09 for a point in WGS84 / CGCS2000. */
    public static double[] wgs84ToBd09(double lon, double lat) {
        double[] gcj = wgs84ToGcj02(lon, lat);
        return gcj02ToBd09(gcj[0], gcj[1]);
    }

    private static double transformLat(double x, double y) {
        double ret = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * StrictMath.sqrt(Math.abs(x));
        ret += (20.0 * StrictMath.sin(6.0 * x * PI) + 20.0 * StrictMath.sin(2.0 * x * PI)) * 2.0 / 3.0;
        ret += (20.0 * StrictMath.sin(y * PI) + 40.0 * StrictMath.sin(y / 3.0 * PI)) * 2.0 / 3.0;
        ret += (160.0 * StrictMath.sin(y / 12.0 * PI) + 320 * StrictMath.sin(y * PI / 30.0)) * 2.0 / 3.0;
        return ret;
    }

    private static double transformLon(double x, double y) {
        double ret = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * StrictMath.sqrt(Math.abs(x));
        ret += (20.0 * StrictMath.sin(6.0 * x * PI) + 20.0 * StrictMath.sin(2.0 * x * PI)) * 2.0 / 3.0;
        ret += (20.0 * StrictMath.sin(x * PI) + 40.0 * StrictMath.sin(x / 3.0 * PI)) * 2.0 / 3.0;
        ret += (150.0 * StrictMath.sin(x / 12.0 * PI) + 300.0 * StrictMath.sin(x / 30.0 * PI)) * 2.0 / 3.0;
        return ret;
    }
}
