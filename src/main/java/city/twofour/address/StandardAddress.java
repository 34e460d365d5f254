package city.twofour.address;

import java.util.Objects;

/**
 * An entry of the standard address library (标准地址库). Finer components are null for an entry
 * of a coarser level: a door address has no building, a building address no unit or room.
 *
 * @param code        the standard address code
 * @param townCode    9-digit town code
 * @param villageCode 12-digit village code
 * @param road        road or lane name with its suffix
 * @param doorNumber  door number without 号
 * @param building    building number without 栋
 * @param unit        unit number without 单元
 * @param floor       floor number without 层
 * @param room        room number without 室
 * @param canonical   standard full text
 * @param lon         CGCS2000 longitude, or null if not surveyed
 * @param lat         CGCS2000 latitude, or null if not surveyed
 * @param gridCode    basic grid containing the address, or null
 * @param status      active or retired
 */
public record StandardAddress(
        String code, String townCode, String villageCode,
        String road, String doorNumber, String building, String unit, String floor, String room,
        String canonical, Double lon, Double lat, String gridCode, AddressStatus status) {

    public StandardAddress {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(status, "status");
    }

    /** The level of this entry: that of its finest component (a unit counts as a building). */
    public MatchLevel level() {
        if (room != null) {
            return MatchLevel.ROOM;
        }
        if (building != null || unit != null) {
            return MatchLevel.BUILDING;
        }
        if (doorNumber != null) {
            return MatchLevel.DOOR;
        }
        if (road != null) {
            return MatchLevel.ROAD;
        }
        return MatchLevel.VILLAGE;
    }

    /** True if the entry is in use. */
    public boolean isActive() {
        return status == AddressStatus.ACTIVE;
    }
}
