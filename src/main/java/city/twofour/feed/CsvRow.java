package city.twofour.feed;

import java.util.Map;

/**
 * One data row of a delivered CSV file, its values keyed by the header's column names.
 *
 * @param columnCount number of values the row actually has (may differ from the header's)
 */
public record CsvRow(long fileId, int recordNo, Map<String, String> values, int columnCount, String original)
        implements SourceRecord {

    /** The trimmed value of a column, or null when absent or blank. */
    public String get(String column) {
        String value = values.get(column);
        if (value == null) {
            return null;
        }
        String trimmed = value.strip();
        return trimmed.isEmpty() ? null : trimmed;
    }
}
