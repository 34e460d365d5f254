package city.twofour.feed;

import java.util.List;

/**
 * A delivered row that passed its feed's checks, its values normalised (codes upper-case and upgraded, dates ISO,
 * phones in one form, enumerations mapped, coordinates in CGCS2000) and written as text.
 *
 * @param fields the names of the values: the feed's {@link FeedDefinition#recordFields()}
 * @param values the value of each field, null where the row has none
 */
public record FeedRecord(long fileId, int recordNo, List<String> fields, List<String> values) {

    /** The value of the named field, or null when the row has none. */
    public String value(String field) {
        int i = fields.indexOf(field);
        return i < 0 ? null : values.get(i);
    }
}
