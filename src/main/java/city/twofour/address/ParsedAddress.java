package city.twofour.address;

/**
 * A free-text address split into the levels of the standard address library. Every component
 * may be null when the text did not give it.
 *
 * @param townCode    9-digit code of the town, if it was named or inferred from the village
 * @param town        the town's official name ({@code 东城街道}), or the name as written if unknown
 * @param villageCode 12-digit code of the village or community, if it was recognised
 * @param village     the village's standard short name ({@code 岗贝社区}), or as written if unknown
 * @param road        road or lane with its suffix ({@code 岗贝路}, {@code 东纵大道}, {@code 岗贝路3巷})
 * @param doorNumber  door number without 号 ({@code 18}, {@code 18-2})
 * @param building    building number without 栋 ({@code 3}, {@code A})
 * @param unit        unit number without 单元
 * @param floor       floor number without 层; derived from the room when not written (501 → 5)
 * @param room        room number without 室
 * @param unparsed    text that could not be placed at any level, fragments separated by a space;
 *                    empty if everything was placed
 * @param normalized  the whole text after {@link AddressNormalizer#normalize}
 * @param canonical   the standard full text, {@code 东莞市东城街道岗贝社区岗贝路18号3栋2单元501室}
 */
public record ParsedAddress(
        String townCode, String town,
        String villageCode, String village,
        String road, String doorNumber, String building, String unit, String floor, String room,
        String unparsed, String normalized, String canonical) {

    /** The component at a level, or null. */
    public String component(AddressLevel level) {
        return switch (level) {
            case TOWN -> town;
            case VILLAGE -> village;
            case ROAD -> road;
            case DOOR -> doorNumber;
            case BUILDING -> building;
            case UNIT -> unit;
            case FLOOR -> floor;
            case ROOM -> room;
        };
    }

    /** The finest level the text gave, or null if it gave none. */
    public AddressLevel finestLevel() {
        AddressLevel[] levels = AddressLevel.values();
        for (int i = levels.length - 1; i >= 0; i--) {
            if (component(levels[i]) != null) {
                return levels[i];
            }
        }
        return null;
    }

    /** True if the floor was not written but read from the room number. */
    public boolean floorImpliedByRoom() {
        return floor != null && room != null && floor.equals(AddressParser.floorOfRoom(room));
    }
}
