package city.twofour.population;

import java.util.Map;

/**
 * A delivered row already linked to a golden person: one candidate source of each of its attributes.
 *
 * @param feed   the feed it came in
 * @param fields field name → normalised value, as import-feed staged it
 */
public record PersonSource(long fileId, int lineNo, String feed, Map<String, String> fields) {

    /** The value of a field, or null when the row leaves it empty. */
    public String text(String field) {
        String value = fields.get(field);
        return value == null || value.isBlank() ? null : value;
    }

    /** How many fields the row fills. */
    public long completeness() {
        return fields.values().stream().filter(v -> v != null && !v.isBlank()).count();
    }
}
