package city.twofour.address;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;

import city.twofour.address.internal.CharArray;
import city.twofour.address.internal.IntArray;
import city.twofour.address.internal.StringPool;
import city.twofour.grid.LonLat;

/**
 * The standard address library held in memory for matching. Built once from a stream of entries
 * and read-only afterwards (safe for concurrent readers).
 * <p>
 * Entries are packed, not kept as objects: codes in one byte arena; town, village, road and grid
 * as int ids of interned strings (each distinct value is stored once); door, building, unit, floor
 * and room as 16-bit ids of interned numbers (the rare id beyond 16 bits goes to a side table);
 * coordinates as integers of 10⁻⁷ degree (about 1 cm). One open-addressing hash table finds,
 * for every prefix of the hierarchy village → road → door → building → unit → room, the entry of
 * exactly that level (or, if the library has none, some entry below it). {@link #estimatedBytes()}
 * reports the memory held.
 * <p>
 * Entries of the same key: an active entry is preferred over a retired one, and otherwise the
 * first one read is kept.
 */
public final class AddressIndex {

    /** Key depths: the prefix of {@code village, road, door, building, unit, room} a key covers. */
    static final int ROAD_DEPTH = 1, DOOR_DEPTH = 2, BUILDING_DEPTH = 3, UNIT_DEPTH = 4, ROOM_DEPTH = 5;

    /** Coordinates are stored as integers of this many units per degree (1e-7° ≈ 1 cm). */
    public static final double COORDINATE_UNITS_PER_DEGREE = 1e7;

    /** The hash table is grown when this share of its slots is used. */
    public static final double MAX_LOAD_FACTOR = 0.6;

    private static final int VILLAGE = 0, TOWN = 1, ROAD = 2, DOOR = 3, BUILDING = 4, UNIT = 5, FLOOR = 6,
            ROOM = 7, LON = 8, LAT = 9, GRID_STATUS = 10;
    /** Fields held as ints per entry (village, town, road, lon, lat, grid and status). */
    private static final int INT_FIELDS = 6;
    /** Fields held as 16-bit ids per entry (door, building, unit, floor, room). */
    private static final int NUMBER_FIELDS = 5;
    private static final char NULL_NUMBER = '\uFFFF';
    private static final char WIDE_NUMBER = '\uFFFE';
    private static final int[] KEY_FIELDS = {VILLAGE, ROAD, DOOR, BUILDING, UNIT, ROOM};
    private static final int NO_COORDINATE = Integer.MIN_VALUE;
    private static final int DEPTH_BITS = 3;

    private final DivisionAliases aliases;
    private final StringPool divisions = new StringPool();
    private final StringPool roads = new StringPool();
    private final StringPool numbers = new StringPool();
    private final StringPool grids = new StringPool();
    private final IntArray fields = new IntArray(1024 * INT_FIELDS);
    private final CharArray numberFields = new CharArray(1024 * NUMBER_FIELDS);
    private final Map<Long, Integer> wideNumbers = new HashMap<>();
    private final IntArray codeOffsets = new IntArray(1024);
    private byte[] codeBytes = new byte[16 * 1024];
    private int codeLength;
    private int size;

    private int[] slots = new int[1024];
    private int used;

    private final BitSet ambiguous = new BitSet();
    private final Map<Integer, IntArray> villagesByRoad = new HashMap<>();
    private final Map<Integer, IntArray> roadsByVillage = new HashMap<>();

    private AddressIndex(DivisionAliases aliases) {
        this.aliases = aliases;
        codeOffsets.add(0);
    }

    /** Builds the index, naming towns and villages in canonical texts by Dongguan's divisions. */
    public static AddressIndex build(Iterable<StandardAddress> addresses) {
        return build(addresses, DivisionAliases.dongguan());
    }

    /** Builds the index from a stream of entries, read once. */
    public static AddressIndex build(Iterable<StandardAddress> addresses, DivisionAliases aliases) {
        AddressIndex index = new AddressIndex(aliases);
        for (StandardAddress a : addresses) {
            index.add(a);
        }
        index.fields.trim();
        index.numberFields.trim();
        index.codeOffsets.trim();
        index.codeBytes = Arrays.copyOf(index.codeBytes, index.codeLength);
        return index;
    }

    /** Number of entries. */
    public int size() {
        return size;
    }

    /** Number of distinct road names. */
    public int roadCount() {
        return roads.size();
    }

    /** Estimated heap bytes held by the index (arrays and interned strings). */
    public long estimatedBytes() {
        long bytes = fields.estimatedBytes() + numberFields.estimatedBytes() + 80L * wideNumbers.size()
                + codeOffsets.estimatedBytes() + 16 + codeBytes.length
                + 16 + 4L * slots.length;
        bytes += divisions.estimatedBytes() + roads.estimatedBytes() + numbers.estimatedBytes() + grids.estimatedBytes();
        for (IntArray a : villagesByRoad.values()) {
            bytes += a.estimatedBytes() + 64;
        }
        for (IntArray a : roadsByVillage.values()) {
            bytes += a.estimatedBytes() + 64;
        }
        return bytes;
    }

    /** The entry with this id (0 ≤ id < size), rebuilt from the packed form. */
    public StandardAddress get(int id) {
        String townCode = divisions.get(field(id, TOWN));
        String villageCode = divisions.get(field(id, VILLAGE));
        String road = roads.get(field(id, ROAD));
        String door = numbers.get(field(id, DOOR));
        String building = numbers.get(field(id, BUILDING));
        String unit = numbers.get(field(id, UNIT));
        String floor = numbers.get(field(id, FLOOR));
        String room = numbers.get(field(id, ROOM));
        String town = aliases.byCode(townCode).map(Division::shortName).orElse(null);
        String village = aliases.byCode(villageCode).map(Division::shortName).orElse(null);
        String canonical = AddressParser.canonicalText(aliases.cityName(), town, village, road, door, building, unit,
                floor, room);
        LonLat p = point(id);
        int gs = field(id, GRID_STATUS);
        return new StandardAddress(code(id), townCode, villageCode, road, door, building, unit, floor, room,
                canonical, p == null ? null : p.lon(), p == null ? null : p.lat(), grids.get((gs >> 1) - 1),
                (gs & 1) == 1 ? AddressStatus.RETIRED : AddressStatus.ACTIVE);
    }

    // ---- lookups for the matcher ----

    String code(int id) {
        int from = codeOffsets.get(id);
        return new String(codeBytes, from, codeOffsets.get(id + 1) - from, StandardCharsets.UTF_8);
    }

    int divisionId(String code) {
        return divisions.find(code);
    }

    String divisionCode(int id) {
        return divisions.get(id);
    }

    String townCodeOf(int entry) {
        return divisions.get(field(entry, TOWN));
    }

    int roadId(String road) {
        return roads.find(road);
    }

    String roadName(int id) {
        return roads.get(id);
    }

    /** Id of a door, building, unit, floor or room number; -2 if no entry uses it. */
    int numberId(String number) {
        return numbers.find(number);
    }

    int[] villagesOfRoad(int roadId) {
        IntArray a = villagesByRoad.get(roadId);
        return a == null ? new int[0] : a.toArray();
    }

    int[] roadsOfVillage(int villageId) {
        IntArray a = roadsByVillage.get(villageId);
        return a == null ? new int[0] : a.toArray();
    }

    /**
     * True if another active entry of another code has exactly the same components (two roads of one name in a
     * village give two "宏图路1号"): the text cannot tell them apart.
     */
    boolean isAmbiguous(int entry) {
        return ambiguous.get(entry);
    }

    boolean isActive(int entry) {
        return (field(entry, GRID_STATUS) & 1) == 0;
    }

    /** True if the entry is of exactly the level of a key of this depth (no finer key field set). */
    boolean isExact(int entry, int depth) {
        for (int k = depth + 1; k < KEY_FIELDS.length; k++) {
            if (field(entry, KEY_FIELDS[k]) != StringPool.NULL_ID) {
                return false;
            }
        }
        return true;
    }

    LonLat point(int entry) {
        int lon = field(entry, LON);
        int lat = field(entry, LAT);
        if (lon == NO_COORDINATE || lat == NO_COORDINATE) {
            return null;
        }
        return new LonLat(lon / COORDINATE_UNITS_PER_DEGREE, lat / COORDINATE_UNITS_PER_DEGREE);
    }

    /**
     * The representative entry of a key of the given depth, or -1. {@code key} holds the ids of
     * village, road, door, building, unit, room (only the first {@code depth + 1} are read).
     */
    int find(int depth, int[] key) {
        int mask = slots.length - 1;
        int i = hash(depth, key) & mask;
        while (true) {
            int slot = slots[i];
            if (slot == 0) {
                return -1;
            }
            int entry = (slot >>> DEPTH_BITS) - 1;
            if ((slot & ((1 << DEPTH_BITS) - 1)) == depth && keyEquals(entry, depth, key)) {
                return entry;
            }
            i = (i + 1) & mask;
        }
    }

    // ---- building ----

    private void add(StandardAddress a) {
        if (size >= (1 << (31 - DEPTH_BITS)) - 2) {
            throw new IllegalStateException("address index is full at " + size + " entries");
        }
        int id = size;
        fields.add(divisions.intern(a.villageCode()));
        fields.add(divisions.intern(a.townCode()));
        fields.add(roads.intern(a.road()));
        fields.add(a.lon() == null ? NO_COORDINATE : (int) Math.round(a.lon() * COORDINATE_UNITS_PER_DEGREE));
        fields.add(a.lat() == null ? NO_COORDINATE : (int) Math.round(a.lat() * COORDINATE_UNITS_PER_DEGREE));
        fields.add(((grids.intern(a.gridCode()) + 1) << 1) | (a.isActive() ? 0 : 1));
        String[] values = {a.doorNumber(), a.building(), a.unit(), a.floor(), a.room()};
        for (int k = 0; k < NUMBER_FIELDS; k++) {
            int number = numbers.intern(values[k]);
            if (number == StringPool.NULL_ID) {
                numberFields.add(NULL_NUMBER);
            } else if (number < WIDE_NUMBER) {
                numberFields.add((char) number);
            } else {
                numberFields.add(WIDE_NUMBER);
                wideNumbers.put((long) id * NUMBER_FIELDS + k, number);
            }
        }
        byte[] code = a.code().getBytes(StandardCharsets.UTF_8);
        if (codeLength + code.length > codeBytes.length) {
            codeBytes = Arrays.copyOf(codeBytes, Math.max(codeLength + code.length, codeBytes.length + (codeBytes.length >> 1)));
        }
        System.arraycopy(code, 0, codeBytes, codeLength, code.length);
        codeLength += code.length;
        codeOffsets.add(codeLength);
        size++;

        int finest = 0;
        for (int k = KEY_FIELDS.length - 1; k >= 1; k--) {
            if (field(id, KEY_FIELDS[k]) != StringPool.NULL_ID) {
                finest = k;
                break;
            }
        }
        for (int depth = ROAD_DEPTH; depth <= finest; depth++) {
            insert(id, depth);
        }
    }

    private void insert(int entry, int depth) {
        if (used + 1 > slots.length * MAX_LOAD_FACTOR) {
            grow();
        }
        int[] key = keyOf(entry);
        int mask = slots.length - 1;
        int i = hash(depth, key) & mask;
        while (true) {
            int slot = slots[i];
            if (slot == 0) {
                slots[i] = encode(entry, depth);
                used++;
                if (depth == ROAD_DEPTH) {
                    villagesByRoad.computeIfAbsent(key[1], k -> new IntArray(2)).add(key[0]);
                    roadsByVillage.computeIfAbsent(key[0], k -> new IntArray(8)).add(key[1]);
                }
                return;
            }
            int other = (slot >>> DEPTH_BITS) - 1;
            if ((slot & ((1 << DEPTH_BITS) - 1)) == depth && keyEquals(other, depth, key)) {
                if (rank(entry, depth) > rank(other, depth)) {
                    slots[i] = encode(entry, depth);
                } else if (rank(entry, depth) == rank(other, depth) && isExact(entry, depth) && isActive(entry)
                        && !code(entry).equals(code(other))) {
                    ambiguous.set(other);
                }
                return;
            }
            i = (i + 1) & mask;
        }
    }

    private int rank(int entry, int depth) {
        return (isExact(entry, depth) ? 2 : 0) + (isActive(entry) ? 1 : 0);
    }

    private void grow() {
        int[] old = slots;
        slots = new int[old.length * 2];
        int mask = slots.length - 1;
        for (int slot : old) {
            if (slot == 0) {
                continue;
            }
            int entry = (slot >>> DEPTH_BITS) - 1;
            int depth = slot & ((1 << DEPTH_BITS) - 1);
            int i = hash(depth, keyOf(entry)) & mask;
            while (slots[i] != 0) {
                i = (i + 1) & mask;
            }
            slots[i] = slot;
        }
    }

    private static int encode(int entry, int depth) {
        return ((entry + 1) << DEPTH_BITS) | depth;
    }

    private int[] keyOf(int entry) {
        int[] key = new int[KEY_FIELDS.length];
        for (int k = 0; k < KEY_FIELDS.length; k++) {
            key[k] = field(entry, KEY_FIELDS[k]);
        }
        return key;
    }

    private boolean keyEquals(int entry, int depth, int[] key) {
        for (int k = 0; k <= depth; k++) {
            if (field(entry, KEY_FIELDS[k]) != key[k]) {
                return false;
            }
        }
        return true;
    }

    private static int hash(int depth, int[] key) {
        int h = 0x9E3779B9 * (depth + 1);
        for (int k = 0; k <= depth; k++) {
            h = (h ^ key[k]) * 0x85EBCA6B;
            h ^= h >>> 15;
        }
        h *= 0xC2B2AE35;
        return h ^ (h >>> 16);
    }

    private int field(int entry, int f) {
        if (f >= DOOR && f <= ROOM) {
            char c = numberFields.get(entry * NUMBER_FIELDS + (f - DOOR));
            if (c == NULL_NUMBER) {
                return StringPool.NULL_ID;
            }
            return c == WIDE_NUMBER ? wideNumbers.get((long) entry * NUMBER_FIELDS + (f - DOOR)) : c;
        }
        return fields.get(entry * INT_FIELDS + (f < DOOR ? f : f - NUMBER_FIELDS));
    }
}
