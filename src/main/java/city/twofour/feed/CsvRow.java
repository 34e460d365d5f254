package city.twofour.feed;

import java.util.Map;

/**
 * One data row of a delivered delimited file, its values keyed by the header's column names.
 *
 * @param columnCount number of values the row actually has (may differ from the header's)
 * @param malformation why the line could not be split into fields (broken quoting, bad encoding), or null
 * @param terminated   false for a last line without a line break
 */
public record CsvRow(long fileId, int recordNo, Map<String, String> values, int columnCount, String original,
                     RejectReason malformation, boolean terminated) implements SourceRecord {

    /** The trimmed value of a column, or null when absent or blank. */
    public String get(String column) {
        String value = values.get(column);
        if (value == null) {
            return null;
        }
        String trimmed = value.strip();
        return trimmed.isEmpty() ? null : trimmed;
    }

    /**
     * @throws RejectedRecordException when the line could not be read as a row of the header's columns
     */
    public CsvRow requireWellFormed() {
        if (malformation != null) {
            throw new RejectedRecordException(null, malformation, null);
        }
        if (columnCount != values.size()) {
            throw new RejectedRecordException(null,
                    !terminated && columnCount < values.size() ? RejectReason.TRUNCATED_LINE : RejectReason.WRONG_COLUMN_COUNT,
                    columnCount + " columns, the header has " + values.size());
        }
        return this;
    }
}
