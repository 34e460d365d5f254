package city.twofour.facility;

import city.twofour.feed.FromDeliveredRow;
import city.twofour.feed.PendingRecord;
import city.twofour.grid.AssignmentMethod;
import city.twofour.grid.LonLat;

/**
 * A delivered row about a facility, checked and placed in its grid, before it is matched to a golden record.
 *
 * @param sourceCode the department's code of the facility (设备编码, 消防栓编号, 部件标识码)
 * @param point      CGCS2000 longitude/latitude
 * @param gridCode   the grid covering the point, or null outside every grid
 * @param gridMethod how the grid was found; null without a grid
 * @param department the delivering department
 * @param priority   the feed's rank as a source, 1 = most trusted
 */
public record DeliveredFacility(PendingRecord source, String sourceCode, FacilityType type, String name, String location,
                                LonLat point, String gridCode, AssignmentMethod gridMethod, boolean damaged,
                                String department, int priority) implements FromDeliveredRow {
}
