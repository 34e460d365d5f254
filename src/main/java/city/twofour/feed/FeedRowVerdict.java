package city.twofour.feed;

/**
 * What the checks made of a staged row: either loaded, normalised, or rejected with the reason.
 */
public record FeedRowVerdict(FeedRecord loaded, Rejection rejection) {

    public static FeedRowVerdict loaded(FeedRecord record) {
        return new FeedRowVerdict(record, null);
    }

    public static FeedRowVerdict rejected(SourceRecord row, RejectedRecordException reason) {
        return new FeedRowVerdict(null, new Rejection(row, reason));
    }
}
