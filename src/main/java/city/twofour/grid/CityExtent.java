package city.twofour.grid;

import java.util.Optional;

/**
 * The envelope (longitude / latitude box, CGCS2000) that a city's points must fall in. Points
 * outside it are rejected with a reason a data officer can act on: missing, not a number, swapped
 * longitude and latitude, still in a web-map system (checked by the caller), or simply elsewhere.
 *
 * @param name   the city, for messages
 * @param minLon western bound, inclusive
 * @param minLat southern bound, inclusive
 * @param maxLon eastern bound, inclusive
 * @param maxLat northern bound, inclusive
 */
public record CityExtent(String name, double minLon, double minLat, double maxLon, double maxLat) {

    /** Dongguan's envelope, with a margin of about 1 km around the city boundary. */
    public static final CityExtent DONGGUAN = new CityExtent("东莞市", 113.51, 22.64, 114.27, 23.16);

    public CityExtent {
        if (!(minLon < maxLon) || !(minLat < maxLat)) {
            throw new IllegalArgumentException("empty extent: " + minLon + "," + minLat + " " + maxLon + "," + maxLat);
        }
    }

    /** True if the point is inside the envelope (bounds inclusive). */
    public boolean contains(LonLat p) {
        return check(p).isEmpty();
    }

    /**
     * Checks a point. Returns empty if it lies inside the envelope, otherwise the reason it was
     * rejected, in one line:
     * <ul>
     * <li>{@code "missing coordinates"} for {@code null};</li>
     * <li>{@code "coordinates are not numbers"} for NaN or infinite values;</li>
     * <li>{@code "coordinates are 0,0"} for the usual placeholder;</li>
     * <li>{@code "longitude and latitude look swapped"} if the swapped point would be inside;</li>
     * <li>otherwise {@code "outside 东莞市 extent: lon 120.1 not in [113.51, 114.27]"} naming the
     * coordinate that is out of range.</li>
     * </ul>
     */
    public Optional<String> check(LonLat p) {
        if (p == null) {
            return Optional.of("missing coordinates");
        }
        if (!Double.isFinite(p.lon()) || !Double.isFinite(p.lat())) {
            return Optional.of("coordinates are not numbers");
        }
        if (p.lon() == 0 && p.lat() == 0) {
            return Optional.of("coordinates are 0,0");
        }
        boolean lonIn = p.lon() >= minLon && p.lon() <= maxLon;
        boolean latIn = p.lat() >= minLat && p.lat() <= maxLat;
        if (lonIn && latIn) {
            return Optional.empty();
        }
        if (p.lat() >= minLon && p.lat() <= maxLon && p.lon() >= minLat && p.lon() <= maxLat) {
            return Optional.of("longitude and latitude look swapped");
        }
        StringBuilder reason = new StringBuilder("outside ").append(name).append(" extent:");
        if (!lonIn) {
            reason.append(" lon ").append(p.lon()).append(" not in [").append(minLon).append(", ").append(maxLon).append(']');
        }
        if (!latIn) {
            reason.append(" lat ").append(p.lat()).append(" not in [").append(minLat).append(", ").append(maxLat).append(']');
        }
        return Optional.of(reason.toString());
    }
}
