package city.twofour.feed;

import java.util.Map;

/**
 * A checked, normalised row of a delivered feed that has not been merged into the master tables yet.
 *
 * @param feed   the feed it was delivered in
 * @param values field name → normalised value, as {@link FeedRowValidator} left it, of the fields that have one
 */
public record PendingRecord(long fileId, int recordNo, String feed, Map<String, String> values, String original)
        implements SourceRecord {

    /** The value of a text field, or null when the row has none. */
    public String text(String field) {
        return values.get(field);
    }

    /** The value of a number field (longitude, latitude, integer, decimal), or null when the row has none. */
    public Double number(String field) {
        String value = values.get(field);
        return value == null ? null : Double.valueOf(value);
    }
}
