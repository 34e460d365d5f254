package city.twofour.address;

import city.twofour.feed.PendingRecord;
import city.twofour.grid.AssignmentMethod;

/**
 * A row of the standard address list, parsed into the library's levels and placed in its grid.
 *
 * @param gridMethod how the grid was found; null when the address has no point
 */
public record DeliveredAddress(StandardAddress address, AssignmentMethod gridMethod, PendingRecord source) {
}
