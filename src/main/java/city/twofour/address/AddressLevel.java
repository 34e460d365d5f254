package city.twofour.address;

/** The levels of the standard address library, coarsest first. */
public enum AddressLevel {
    TOWN,
    VILLAGE,
    ROAD,
    DOOR,
    BUILDING,
    UNIT,
    FLOOR,
    ROOM
}
