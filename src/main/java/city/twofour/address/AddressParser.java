package city.twofour.address;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a free-text address into the levels of the standard address library.
 * <p>
 * The text is first normalised ({@link AddressNormalizer}); then read left to right. At each
 * position the parser tries the levels not yet passed, coarsest first, and takes the first that
 * fits:
 * <ul>
 * <li><b>town</b>: the longest town alias ({@link DivisionAliases}) or an unknown name ending in
 * 镇 or 街道 (not followed by a road suffix);</li>
 * <li><b>village</b>: the longest village alias, preferring one in the town already read, or an
 * unknown name ending in 社区 or 村 (not followed by a road suffix: {@code 花园新村路} is a road). A village alias that names several villages and no town
 * decides between them is kept as written, without a code; so is a village alias of another town
 * than the one written;</li>
 * <li>a bare stem alias ({@code 岗贝}, {@code 东城}) followed by a road suffix or a numbered lane is not a
 * division but the start of a road ({@code 岗贝路}, {@code 东城中路}, {@code 温塘1巷}); so is any alias of a
 * division already read ({@code 松山湖虚拟社区松山湖2巷}: the road 松山湖2巷, not the town 松山湖 again);</li>
 * <li><b>road</b>: up to {@link #MAX_ROAD_NAME_LENGTH} characters ending in 大道, 大街, 路, 街, 巷
 * or 道, with a following numbered lane ({@code 3巷}) kept as part of it, or a name followed by a numbered lane
 * ({@code 温塘一巷}, read {@code 温塘1巷});</li>
 * <li><b>door</b> {@code 18号}, <b>building</b> {@code 3栋}, <b>unit</b> {@code 2单元},
 * <b>floor</b> {@code 5层}, <b>room</b> {@code 501室}; after a building, unit or floor a bare
 * number or {@code 501号} is the room; after a road a bare number is the door.</li>
 * </ul>
 * A level written again with the same value ({@code 岗贝路岗贝路18号}) is dropped. Text that fits no
 * level goes to {@link ParsedAddress#unparsed}. The town is inferred from the village when not
 * written. A room of {@link #MIN_ROOM_DIGITS_FOR_FLOOR} or more digits implies the floor when no
 * floor was written: its digits before the last two ({@code 501} → 5, {@code 1203} → 12).
 */
public final class AddressParser {

    /** Longest road name the parser accepts, suffix included. */
    public static final int MAX_ROAD_NAME_LENGTH = 16;

    /** Shortest room number from which the floor is read (501 → 5; 12 implies nothing). */
    public static final int MIN_ROOM_DIGITS_FOR_FLOOR = 3;

    private static final AddressParser DEFAULT = new AddressParser(DivisionAliases.dongguan());

    /** A character that can be part of a name: not a digit, not a level word. */
    private static final String NAME_CHAR = "(?:(?!单元)[^\\d号栋层室%s])";
    private static final String NOT_BEFORE_ROAD_SUFFIX = "(?![东南西北中]?(?:路|街|巷|道|大道|大街)|\\d+巷)";
    private static final Pattern UNKNOWN_TOWN = Pattern.compile(
            String.format(NAME_CHAR, "路街巷社村区") + "{2,6}?(?:镇|街道)" + NOT_BEFORE_ROAD_SUFFIX);
    private static final Pattern UNKNOWN_VILLAGE = Pattern.compile(
            String.format(NAME_CHAR, "路街巷道") + "{2,8}?(?:社区|村)" + NOT_BEFORE_ROAD_SUFFIX);
    private static final Pattern ROAD = Pattern.compile(
            String.format(NAME_CHAR, "") + "{1," + (MAX_ROAD_NAME_LENGTH - 1) + "}?(?:(?:大道|大街|路|街|巷|道)(?:\\d+巷)?|\\d+巷)");
    private static final Pattern ROAD_AFTER_STEM = Pattern.compile("(?:[东南西北中新一二三四五六七八九]|\\d+)?(?:路|街|巷|道|大道|大街)");
    /** The rest of a road named off a village: its suffix, ending the road where a number or a level word follows. */
    private static final Pattern ROAD_SUFFIX_ENDING_IT = Pattern.compile(ROAD_AFTER_STEM.pattern() + "(?=[\\d号栋单层室]|$)");
    private static final Pattern DOOR = Pattern.compile("(\\d+(?:-\\d+)?)号");
    private static final Pattern BUILDING = Pattern.compile("([0-9A-Z]+(?:-\\d+)?)栋");
    private static final Pattern UNIT = Pattern.compile("([0-9A-Z]+)单元");
    private static final Pattern FLOOR = Pattern.compile("(-?\\d+)层");
    private static final Pattern ROOM = Pattern.compile("([A-Z]?\\d+)室");
    private static final Pattern ROOM_AFTER_BUILDING = Pattern.compile("([A-Z]?\\d+)号?(?![0-9号栋单元层室巷])");
    private static final Pattern BARE_NUMBER = Pattern.compile("(\\d+(?:-\\d+)?)(?![0-9号栋单元层室巷])");

    private final DivisionAliases aliases;

    /** A parser that recognises towns and villages by the given aliases. */
    public AddressParser(DivisionAliases aliases) {
        this.aliases = aliases;
    }

    /** The aliases this parser recognises towns and villages by. */
    public DivisionAliases aliases() {
        return aliases;
    }

    /** Parses with Dongguan's division aliases. */
    public static ParsedAddress parse(String text) {
        return DEFAULT.parseAddress(text);
    }

    /** Parses a free-text address. Never fails: what cannot be placed goes to {@code unparsed}. */
    public ParsedAddress parseAddress(String text) {
        String s = AddressNormalizer.normalize(text);
        State st = new State();
        int pos = 0;
        List<String> unparsed = new ArrayList<>();
        StringBuilder junk = new StringBuilder();
        while (pos < s.length()) {
            int end = readRepeat(s, pos, st);
            if (end < 0) {
                end = readNextLevel(s, pos, st);
            }
            if (end > pos) {
                if (junk.length() > 0) {
                    unparsed.add(junk.toString());
                    junk.setLength(0);
                }
                pos = end;
            } else {
                junk.append(s.charAt(pos));
                pos++;
            }
        }
        if (junk.length() > 0) {
            unparsed.add(junk.toString());
        }
        if (st.townCode == null && st.villageCode != null) {
            st.townCode = st.villageCode.substring(0, Division.TOWN_CODE_LENGTH);
            st.town = aliases.byCode(st.townCode).map(Division::shortName).orElse(null);
        }
        if (st.floor == null && st.room != null) {
            st.floor = floorOfRoom(st.room);
        }
        String canonical = canonical(st);
        return new ParsedAddress(st.townCode, st.town, st.villageCode, st.village, st.road, st.door, st.building,
                st.unit, st.floor, st.room, String.join(" ", unparsed), s, canonical);
    }

    /** The floor a room number implies (501 → 5, 1203 → 12), or null if it implies none. */
    public static String floorOfRoom(String room) {
        if (room == null || room.length() < MIN_ROOM_DIGITS_FOR_FLOOR || !room.chars().allMatch(Character::isDigit)) {
            return null;
        }
        String floor = room.substring(0, room.length() - 2).replaceFirst("^0+", "");
        return floor.isEmpty() ? null : floor;
    }

    /** Reads a level not yet passed at {@code pos}; returns the end, or -1. */
    private int readNextLevel(String s, int pos, State st) {
        for (AddressLevel level : AddressLevel.values()) {
            if (level.ordinal() < st.next) {
                continue;
            }
            int end = read(level, s, pos, st, true);
            if (end > pos) {
                st.next = level.ordinal() + 1;
                return end;
            }
        }
        return -1;
    }

    /** Reads a level already passed whose value repeats; returns the end, or -1. */
    private int readRepeat(String s, int pos, State st) {
        for (AddressLevel level : AddressLevel.values()) {
            if (level.ordinal() >= st.next) {
                break;
            }
            State probe = st.copy();
            int end = read(level, s, pos, probe, false);
            if (end > pos && probe.sameAs(st, level)) {
                return end;
            }
            if (end > pos && level == AddressLevel.TOWN && st.townCode == null && st.villageCode != null
                    && probe.townCode != null && st.villageCode.startsWith(probe.townCode)) {
                // the town written after its village: consistent, nothing new
                return end;
            }
        }
        return -1;
    }

    private int read(AddressLevel level, String s, int pos, State st, boolean fresh) {
        switch (level) {
            case TOWN -> {
                int end = readDivision(s, pos, st, false, fresh);
                if (end < 0) {
                    Matcher m = region(UNKNOWN_TOWN, s, pos);
                    if (m.lookingAt()) {
                        st.town = m.group();
                        st.townCode = null;
                        end = m.end();
                    }
                }
                return end;
            }
            case VILLAGE -> {
                int end = readDivision(s, pos, st, true, fresh);
                if (end < 0) {
                    Matcher m = region(UNKNOWN_VILLAGE, s, pos);
                    if (m.lookingAt()) {
                        st.village = m.group();
                        st.villageCode = null;
                        end = m.end();
                    }
                }
                return end;
            }
            case ROAD -> {
                int end = readRoadNamedOffVillage(s, pos, st);
                if (end > pos) {
                    return end;
                }
                Matcher m = region(ROAD, s, pos);
                if (m.lookingAt()) {
                    st.road = m.group();
                    return m.end();
                }
                return -1;
            }
            case DOOR -> {
                Matcher m = region(DOOR, s, pos);
                if (m.lookingAt()) {
                    st.door = m.group(1);
                    return m.end();
                }
                if (fresh && st.road != null && st.door == null) {
                    Matcher bare = region(BARE_NUMBER, s, pos);
                    if (bare.lookingAt()) {
                        st.door = bare.group(1);
                        return bare.end();
                    }
                }
                return -1;
            }
            case BUILDING -> {
                return group(BUILDING, s, pos, v -> st.building = v);
            }
            case UNIT -> {
                return group(UNIT, s, pos, v -> st.unit = v);
            }
            case FLOOR -> {
                return group(FLOOR, s, pos, v -> st.floor = v);
            }
            case ROOM -> {
                int end = group(ROOM, s, pos, v -> st.room = v);
                if (end < 0 && (st.building != null || st.unit != null || st.floor != null)) {
                    end = group(ROOM_AFTER_BUILDING, s, pos, v -> st.room = v);
                }
                return end;
            }
            default -> {
                return -1;
            }
        }
    }

    /**
     * A road named off the village's name (唐洪村六巷, 深巷村大道), right after the village or repeating its name;
     * returns the end, or -1. Read as a road of its own, the village's name would be taken for the village again.
     */
    private static int readRoadNamedOffVillage(String s, int pos, State st) {
        if (st.village == null) {
            return -1;
        }
        int from = s.startsWith(st.village, pos) ? pos + st.village.length()
                : pos >= st.village.length() && s.startsWith(st.village, pos - st.village.length()) ? pos : -1;
        if (from < 0) {
            return -1;
        }
        Matcher suffix = region(ROAD_SUFFIX_ENDING_IT, s, from);
        if (!suffix.lookingAt()) {
            return -1;
        }
        st.road = st.village + suffix.group();
        return suffix.end();
    }

    private static int group(Pattern p, String s, int pos, java.util.function.Consumer<String> set) {
        Matcher m = region(p, s, pos);
        if (m.lookingAt()) {
            set.accept(m.group(1));
            return m.end();
        }
        return -1;
    }

    private int readDivision(String s, int pos, State st, boolean village, boolean fresh) {
        int max = Math.min(aliases.maxAliasLength(), s.length() - pos);
        for (int len = max; len >= DivisionAliases.MIN_STEM_LENGTH; len--) {
            String alias = s.substring(pos, pos + len);
            List<Division> found = aliases.lookup(alias).stream().filter(d -> d.isVillage() == village).toList();
            if (found.isEmpty()) {
                continue;
            }
            boolean roadFollows = region(ROAD_AFTER_STEM, s, pos + len).lookingAt();
            if (aliases.isBareStem(alias) && (!fresh || roadFollows) || !fresh && roadFollows) {
                continue;
            }
            if (!village && villageNamedAt(s, pos, len + 1)) {
                return -1; // 万江墟 is the village 万江墟社区, not the town 万江 followed by 墟
            }
            Division chosen = choose(found, st);
            if (village) {
                st.villageCode = chosen == null ? null : chosen.code();
                st.village = chosen == null ? alias : chosen.shortName();
            } else {
                st.townCode = chosen == null ? null : chosen.code();
                st.town = chosen == null ? alias : chosen.shortName();
            }
            return pos + len;
        }
        return -1;
    }

    /** Whether a village's name or alias of at least {@code minLength} characters begins at {@code pos}. */
    private boolean villageNamedAt(String s, int pos, int minLength) {
        for (int len = Math.min(aliases.maxAliasLength(), s.length() - pos); len >= minLength; len--) {
            if (aliases.lookup(s.substring(pos, pos + len)).stream().anyMatch(Division::isVillage)) {
                return true;
            }
        }
        return false;
    }

    /** The one division meant: the only one in the town already read, or the only one at all; else null. */
    private static Division choose(List<Division> found, State st) {
        if (st.townCode != null && found.get(0).isVillage()) {
            List<Division> inTown = found.stream().filter(d -> d.townCode().equals(st.townCode)).toList();
            return inTown.size() == 1 ? inTown.get(0) : null;
        }
        return found.size() == 1 ? found.get(0) : null;
    }

    private static Matcher region(Pattern p, String s, int pos) {
        Matcher m = p.matcher(s);
        m.region(pos, s.length());
        return m;
    }

    private String canonical(State st) {
        return canonicalText(aliases.cityName(), st.town, st.village, st.road, st.door, st.building, st.unit,
                st.floor, st.room);
    }

    /**
     * The standard full text of an address from its components (any may be null):
     * city, town, village, road, door + 号, building + 栋, unit + 单元, floor + 层 (left out when the
     * room implies it), room + 室. Empty if every component below the city is null.
     */
    public static String canonicalText(String city, String town, String village, String road, String door,
            String building, String unit, String floor, String room) {
        if (town == null && village == null && road == null && door == null && building == null && unit == null
                && floor == null && room == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(city == null ? "" : city);
        append(sb, town, "");
        append(sb, village, "");
        append(sb, road, "");
        append(sb, door, "号");
        append(sb, building, "栋");
        append(sb, unit, "单元");
        if (floor != null && !floor.equals(floorOfRoom(room))) {
            append(sb, floor, "层");
        }
        append(sb, room, "室");
        return sb.toString();
    }

    private static void append(StringBuilder sb, String value, String suffix) {
        if (value != null) {
            sb.append(value).append(suffix);
        }
    }

    private static final class State {
        int next;
        String townCode, town, villageCode, village, road, door, building, unit, floor, room;

        State copy() {
            State c = new State();
            c.next = next;
            c.townCode = townCode;
            c.town = town;
            c.villageCode = villageCode;
            c.village = village;
            c.road = road;
            c.door = door;
            c.building = building;
            c.unit = unit;
            c.floor = floor;
            c.room = room;
            return c;
        }

        boolean sameAs(State other, AddressLevel level) {
            return switch (level) {
                case TOWN -> java.util.Objects.equals(town, other.town);
                case VILLAGE -> java.util.Objects.equals(village, other.village);
                case ROAD -> java.util.Objects.equals(road, other.road);
                case DOOR -> java.util.Objects.equals(door, other.door);
                case BUILDING -> java.util.Objects.equals(building, other.building);
                case UNIT -> java.util.Objects.equals(unit, other.unit);
                case FLOOR -> java.util.Objects.equals(floor, other.floor);
                case ROOM -> java.util.Objects.equals(room, other.room);
            };
        }
    }
}
