package city.twofour.address.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Interns strings to dense int ids, so that repeated values (road names, door numbers, grid
 * codes) are stored once and referenced by a 4-byte id. Null is id {@link #NULL_ID}.
 */
public final class StringPool {

    /** The id of null. */
    public static final int NULL_ID = -1;

    private final Map<String, Integer> ids = new HashMap<>();
    private final List<String> values = new ArrayList<>();

    /** The id of a value, adding it if new. */
    public int intern(String value) {
        if (value == null) {
            return NULL_ID;
        }
        Integer id = ids.get(value);
        if (id == null) {
            id = values.size();
            values.add(value);
            ids.put(value, id);
        }
        return id;
    }

    /** The id of a value, or {@link #NULL_ID} for null, or {@code -2} if absent. */
    public int find(String value) {
        if (value == null) {
            return NULL_ID;
        }
        Integer id = ids.get(value);
        return id == null ? -2 : id;
    }

    /** The value of an id; null for {@link #NULL_ID}. */
    public String get(int id) {
        return id == NULL_ID ? null : values.get(id);
    }

    /** Number of distinct values. */
    public int size() {
        return values.size();
    }

    /** Rough heap bytes held: strings, map entries, list slots. */
    public long estimatedBytes() {
        long bytes = 0;
        for (String v : values) {
            bytes += 40 + 2L * v.length() + 48 + 8;
        }
        return bytes;
    }
}
