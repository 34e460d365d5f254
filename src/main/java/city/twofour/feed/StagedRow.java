package city.twofour.feed;

import java.util.Map;

/**
 * A delivered row as staged: its values keyed by the feed's field names, not yet checked.
 *
 * @param fields             field name → value as delivered; empty for a malformed line
 * @param malformation       why the line could not be split into the header's columns, or null
 * @param malformationDetail what exactly was wrong with the line, or null
 */
public record StagedRow(long fileId, int recordNo, Map<String, String> fields, String original,
                        RejectReason malformation, String malformationDetail) implements SourceRecord {
}
