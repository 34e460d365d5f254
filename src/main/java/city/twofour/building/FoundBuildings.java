package city.twofour.building;

import java.util.Optional;

import city.twofour.building.BuildingAddresses.Nearby;
import city.twofour.grid.LonLat;

/** The buildings the field found at no standard address: the one near a point, and codes for new ones. */
public interface FoundBuildings {

    /** The found building nearest the point within {@code maxMetres}, by its code. */
    Optional<Nearby> nearest(LonLat point, double maxMetres);

    /** A code for a newly found building, never given before. */
    String newCode();
}
