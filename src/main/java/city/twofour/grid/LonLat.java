package city.twofour.grid;

/**
 * A longitude / latitude pair in decimal degrees. The coordinate system is not part of the value;
 * callers keep track of it (see {@link CoordinateSystem}).
 */
public record LonLat(double lon, double lat) {

    private static final double EARTH_RADIUS_METRES = 6_371_008.8;

    /**
     * Great-circle distance in metres between this point and another, by the haversine formula on
     * a sphere of mean Earth radius (error below 0.5 % against the ellipsoid, which is ample for
     * comparing and bounding offsets).
     */
    public double distanceMetres(LonLat other) {
        return haversineMetres(this, other);
    }

    /** Great-circle distance in metres between two points (haversine, mean Earth radius). */
    public static double haversineMetres(LonLat a, LonLat b) {
        double phi1 = Math.toRadians(a.lat);
        double phi2 = Math.toRadians(b.lat);
        double dPhi = phi2 - phi1;
        double dLambda = Math.toRadians(b.lon - a.lon);
        double h = Math.sin(dPhi / 2) * Math.sin(dPhi / 2)
                + Math.cos(phi1) * Math.cos(phi2) * Math.sin(dLambda / 2) * Math.sin(dLambda / 2);
        return 2 * EARTH_RADIUS_METRES * Math.asin(Math.min(1.0, Math.sqrt(h)));
    }
}
