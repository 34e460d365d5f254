package city.twofour.feed;

/**
 * Where the data rows of a delivered file went. Every row read ends up in exactly one place, so
 * {@code loaded + merged + rejected = read}.
 *
 * @param read     data rows in the file (lines after the header, blank lines not counted)
 * @param loaded   rows that passed the checks and wait to be merged
 * @param merged   rows merged into the master tables
 * @param rejected rows rejected, each with its line, field and reason
 */
public record FeedRowCounts(long read, long loaded, long merged, long rejected) {

    public boolean balanced() {
        return loaded + merged + rejected == read;
    }

    @Override
    public String toString() {
        return String.format("%,d read = %,d loaded + %,d merged + %,d rejected", read, loaded, merged, rejected);
    }
}
