package city.twofour.building;

import java.time.LocalDate;
import java.util.Map;

/**
 * A delivered row already merged into a golden record, as survivorship weighs it.
 *
 * @param feed   the feed it came in
 * @param values field name → normalised value
 */
public record SourceRow(String feed, long fileId, int lineNo, Map<String, String> values) {

    private static final String[] DATE_FIELDS = {"registered_on", "collected_at"};

    /** The row's value of a field, or null. */
    public String value(String field) {
        return values.get(field);
    }

    /** When the source saw the record (registration or collection date), or null. */
    public LocalDate seenOn() {
        for (String field : DATE_FIELDS) {
            String date = values.get(field);
            if (date != null) {
                return LocalDate.parse(date);
            }
        }
        return null;
    }

    /** How many fields have a value: the more complete row wins a tie. */
    public int completeness() {
        return (int) values.values().stream().filter(v -> v != null && !v.isEmpty()).count();
    }
}
