package city.twofour.feed;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The normalised values of an imported row as {@code staging.feed_record.fields} holds them: one text, the values in
 * the order of the names its file's registry row lists ({@code ops.feed_file.fields}), separated by the unit
 * separator U+001F, which {@link FeedRowValidator} rejects in a delivered value; an empty value is a field without
 * value. Plain text costs the server least to store: JSON would be checked on every row and repeat every name.
 * In SQL, {@code staging.field_value(fields, names, name)} reads one value and {@code staging.fields_json} all.
 */
public final class StagedFields {

    /** Between two values. */
    public static final char SEPARATOR = '\u001F';

    private StagedFields() {
    }

    /** Field name → value of the fields that have one, in the order of the names. */
    public static Map<String, String> read(String fields, String[] names) {
        Map<String, String> values = new LinkedHashMap<>();
        int start = 0;
        for (int i = 0; i < names.length && start <= fields.length(); i++) {
            int end = fields.indexOf(SEPARATOR, start);
            end = end < 0 ? fields.length() : end;
            if (end > start) {
                values.put(names[i], fields.substring(start, end));
            }
            start = end + 1;
        }
        return values;
    }

    /** The values of the row a query selected as {@code fields}, with its file's names as {@code field_names}. */
    public static Map<String, String> read(ResultSet rs) throws SQLException {
        return read(rs.getString("fields"), (String[]) rs.getArray("field_names").getArray());
    }
}
