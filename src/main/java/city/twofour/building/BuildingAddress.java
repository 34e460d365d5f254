package city.twofour.building;

import city.twofour.grid.LonLat;

/**
 * A standard address at building level (楼栋), as the building merge uses it.
 *
 * @param code     standard address code
 * @param village  its village code
 * @param road     its road (街路巷), or null
 * @param doorCode the door-number address above it, or null
 * @param door     its door number (门牌号) as the library writes it, or null
 * @param building its building number (楼栋号) as the library writes it
 * @param point    the address point, or null
 * @param gridCode the grid the address point lies in, or null
 */
public record BuildingAddress(String code, String village, String road, String doorCode, String door, String building, LonLat point,
                              String gridCode) {

    /** What the address says: two addresses saying the same are told apart only by their points. */
    String text() {
        return village + "|" + road + "|" + door + "|" + building;
    }
}
