package city.twofour.building;

import city.twofour.grid.LonLat;

/**
 * A standard address at building level (楼栋), as the building merge uses it.
 *
 * @param code     standard address code
 * @param doorCode the door-number address above it, or null
 * @param point    the address point, or null
 * @param gridCode the grid the address point lies in, or null
 */
public record BuildingAddress(String code, String doorCode, LonLat point, String gridCode) {
}
