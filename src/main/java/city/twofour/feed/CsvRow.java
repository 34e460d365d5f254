package city.twofour.feed;

import java.util.List;

/**
 * One data row of a delivered delimited file: its values, and the header's column names they go with.
 *
 * @param header       the file's column names, the same list for every row of the file
 * @param fields       the values of the line, as many as it has (may differ from the header's count)
 * @param malformation why the line could not be split into fields (broken quoting, bad encoding), or null
 * @param terminated   false for a last line without a line break
 */
public record CsvRow(long fileId, int recordNo, List<String> header, List<String> fields, String original,
                     RejectReason malformation, boolean terminated) implements SourceRecord {

    /** The trimmed value of a column, or null when absent or blank. */
    public String get(String column) {
        return get(header.indexOf(column));
    }

    /** The trimmed value of the header's column at the index, or null when absent or blank. */
    public String get(int column) {
        if (column < 0 || column >= fields.size()) {
            return null;
        }
        String value = fields.get(column);
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (isPlain(value.charAt(0)) && isPlain(value.charAt(value.length() - 1))) {
            return value;
        }
        String trimmed = value.strip();
        return trimmed.isEmpty() ? null : trimmed;
    }

    /**
     * Whether the character is printable ASCII or a common Chinese character, so certainly not white space: told
     * without the Unicode lookup that stripping every value of a file would make.
     */
    private static boolean isPlain(char c) {
        return c > ' ' && c < 0x7F || c >= '\u4E00' && c <= '\u9FFF';
    }

    /** Number of values the line actually has. */
    public int columnCount() {
        return fields.size();
    }

    /**
     * @throws RejectedRecordException when the line could not be read as a row of the header's columns
     */
    public CsvRow requireWellFormed() {
        if (malformation != null) {
            throw new RejectedRecordException(null, malformation, null);
        }
        if (fields.size() != header.size()) {
            throw new RejectedRecordException(null,
                    !terminated && fields.size() < header.size() ? RejectReason.TRUNCATED_LINE : RejectReason.WRONG_COLUMN_COUNT,
                    fields.size() + " columns, the header has " + header.size());
        }
        return this;
    }
}
