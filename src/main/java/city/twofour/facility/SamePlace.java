package city.twofour.facility;

import city.twofour.grid.LonLat;

/**
 * Whether two facilities delivered by different departments are the same one: the same type and points within
 * {@value #MAX_DISTANCE_METRES} m (surveys of one hydrant by two departments differ by GPS error). The score falls
 * linearly from 1 at the same point to {@value #SCORE_AT_MAX_DISTANCE} at the limit. Within one department, code
 * decides alone: two codes are two facilities, however close.
 */
public final class SamePlace {

    public static final double MAX_DISTANCE_METRES = 3;
    public static final double SCORE_AT_MAX_DISTANCE = 0.5;

    private SamePlace() {
    }

    /** True if points this far apart may be one facility. */
    public static boolean isWithinReach(double distanceMetres) {
        return distanceMetres <= MAX_DISTANCE_METRES;
    }

    /** The match score of two points of the same type this far apart, in [0.5, 1]; 0 beyond reach. */
    public static double score(double distanceMetres) {
        if (!isWithinReach(distanceMetres)) {
            return 0;
        }
        return 1 - (1 - SCORE_AT_MAX_DISTANCE) * distanceMetres / MAX_DISTANCE_METRES;
    }

    /** The match score of two points. */
    public static double score(LonLat a, LonLat b) {
        return score(a.distanceMetres(b));
    }
}
