package city.twofour.feed;

/**
 * A row that cannot be loaded, with why.
 */
public record Rejection(SourceRecord item, RejectedRecordException reason) {
}
