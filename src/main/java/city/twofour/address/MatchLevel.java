package city.twofour.address;

/** How specific a matched standard address is, finest first; {@link #NONE} when nothing was matched. */
public enum MatchLevel {
    ROOM,
    BUILDING,
    DOOR,
    ROAD,
    VILLAGE,
    NONE
}
