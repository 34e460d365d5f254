package city.twofour.feed;

/** A record a merge made of one delivered row: it points at that row, so that a reject or a link names it. */
public interface FromDeliveredRow extends SourceRecord {

    /** The delivered row it was made of. */
    PendingRecord source();

    @Override
    default long fileId() {
        return source().fileId();
    }

    @Override
    default int recordNo() {
        return source().recordNo();
    }

    @Override
    default String original() {
        return source().original();
    }
}
