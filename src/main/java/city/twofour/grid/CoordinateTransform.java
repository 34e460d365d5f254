package city.twofour.grid;

/**
 * Converts longitude / latitude between {@link CoordinateSystem}s, above all from the web-map
 * systems GCJ-02 and BD-09 into CGCS2000.
 * <p>
 * Rules:
 * <ul>
 * <li>WGS84 and CGCS2000 are treated as the same system (they agree within about a metre); a
 * conversion between them returns the input unchanged.</li>
 * <li>WGS84 → GCJ-02 is the published forward obfuscation; GCJ-02 → BD-09 is Baidu's published
 * forward transform.</li>
 * <li>The reverse directions have no closed form. They are computed by iterative inversion of the
 * forward transform: starting from the input, the estimate is corrected by the residual of the
 * forward transform until the residual is below {@link #INVERSION_TOLERANCE_DEGREES} (about
 * 0.1 mm) or {@link #MAX_INVERSION_ITERATIONS} steps are taken. Round trips agree within
 * millimetres, far better than the naive one-step inverse (which errs by up to several metres).</li>
 * <li>Points outside China (the customary bounding box {@link #isOutsideChina}) are not offset
 * by GCJ-02; BD-09 is applied everywhere, as Baidu does.</li>
 * </ul>
 * Instances are stateless; use the static methods.
 */
public final class CoordinateTransform {

    /** Residual (degrees) below which an iterative inversion stops: about 0.1 mm on the ground. */
    public static final double INVERSION_TOLERANCE_DEGREES = 1e-9;

    /** Upper bound on inversion steps; convergence normally takes three to five. */
    public static final int MAX_INVERSION_ITERATIONS = 30;

    /** Semi-major axis of the Krasovsky 1940 ellipsoid used by the GCJ-02 obfuscation. */
    private static final double KRASOVSKY_A = 6378245.0;

    /** First eccentricity squared of the Krasovsky 1940 ellipsoid. */
    private static final double KRASOVSKY_EE = 0.00669342162296594323;

    private static final double BD_X_PI = Math.PI * 3000.0 / 180.0;

    private CoordinateTransform() {
    }

    /** Converts a point in {@code from} to CGCS2000. */
    public static LonLat toCgcs2000(LonLat p, CoordinateSystem from) {
        return switch (from) {
            case WGS84, CGCS2000 -> p;
            case GCJ02 -> gcj02ToWgs84(p);
            case BD09 -> gcj02ToWgs84(bd09ToGcj02(p));
        };
    }

    /** Converts a CGCS2000 point to {@code to}. */
    public static LonLat fromCgcs2000(LonLat p, CoordinateSystem to) {
        return switch (to) {
            case WGS84, CGCS2000 -> p;
            case GCJ02 -> wgs84ToGcj02(p);
            case BD09 -> gcj02ToBd09(wgs84ToGcj02(p));
        };
    }

    /** Converts a point from one system to another (through CGCS2000). */
    public static LonLat transform(LonLat p, CoordinateSystem from, CoordinateSystem to) {
        if (from == to) {
            return p;
        }
        return fromCgcs2000(toCgcs2000(p, from), to);
    }

    /**
     * True if the point lies outside the customary bounding box of China
     * (lon 72.004–137.8347, lat 0.8293–55.8271), where GCJ-02 applies no offset.
     */
    public static boolean isOutsideChina(LonLat p) {
        return p.lon() < 72.004 || p.lon() > 137.8347 || p.lat() < 0.8293 || p.lat() > 55.8271;
    }

    /** WGS84 → GCJ-02 (forward obfuscation). Points outside China are returned unchanged. */
    public static LonLat wgs84ToGcj02(LonLat p) {
        if (isOutsideChina(p)) {
            return p;
        }
        double x = p.lon() - 105.0;
        double y = p.lat() - 35.0;
        double dLat = offsetLat(x, y);
        double dLon = offsetLon(x, y);
        double radLat = Math.toRadians(p.lat());
        double magic = Math.sin(radLat);
        magic = 1 - KRASOVSKY_EE * magic * magic;
        double sqrtMagic = Math.sqrt(magic);
        dLat = (dLat * 180.0) / ((KRASOVSKY_A * (1 - KRASOVSKY_EE)) / (magic * sqrtMagic) * Math.PI);
        dLon = (dLon * 180.0) / (KRASOVSKY_A / sqrtMagic * Math.cos(radLat) * Math.PI);
        return new LonLat(p.lon() + dLon, p.lat() + dLat);
    }

    /** GCJ-02 → WGS84 by iterative inversion of {@link #wgs84ToGcj02}. */
    public static LonLat gcj02ToWgs84(LonLat gcj) {
        if (isOutsideChina(gcj)) {
            return gcj;
        }
        return invert(gcj, CoordinateTransform::wgs84ToGcj02);
    }

    /** GCJ-02 → BD-09 (Baidu's forward transform). */
    public static LonLat gcj02ToBd09(LonLat p) {
        double x = p.lon();
        double y = p.lat();
        double z = Math.sqrt(x * x + y * y) + 0.00002 * Math.sin(y * BD_X_PI);
        double theta = Math.atan2(y, x) + 0.000003 * Math.cos(x * BD_X_PI);
        return new LonLat(z * Math.cos(theta) + 0.0065, z * Math.sin(theta) + 0.006);
    }

    /** BD-09 → GCJ-02 by iterative inversion of {@link #gcj02ToBd09}. */
    public static LonLat bd09ToGcj02(LonLat bd) {
        return invert(bd, CoordinateTransform::gcj02ToBd09);
    }

    private static LonLat invert(LonLat target, java.util.function.UnaryOperator<LonLat> forward) {
        double lon = target.lon();
        double lat = target.lat();
        for (int i = 0; i < MAX_INVERSION_ITERATIONS; i++) {
            LonLat image = forward.apply(new LonLat(lon, lat));
            double dLon = target.lon() - image.lon();
            double dLat = target.lat() - image.lat();
            lon += dLon;
            lat += dLat;
            if (Math.abs(dLon) < INVERSION_TOLERANCE_DEGREES && Math.abs(dLat) < INVERSION_TOLERANCE_DEGREES) {
                break;
            }
        }
        return new LonLat(lon, lat);
    }

    private static double offsetLat(double x, double y) {
        double ret = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
        ret += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
        ret += (20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin(y / 3.0 * Math.PI)) * 2.0 / 3.0;
        ret += (160.0 * Math.sin(y / 12.0 * Math.PI) + 320.0 * Math.sin(y * Math.PI / 30.0)) * 2.0 / 3.0;
        return ret;
    }

    private static double offsetLon(double x, double y) {
        double ret = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
        ret += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
        ret += (20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin(x / 3.0 * Math.PI)) * 2.0 / 3.0;
        ret += (150.0 * Math.sin(x / 12.0 * Math.PI) + 300.0 * Math.sin(x / 30.0 * Math.PI)) * 2.0 / 3.0;
        return ret;
    }
}
