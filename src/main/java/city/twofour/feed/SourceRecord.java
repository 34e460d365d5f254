package city.twofour.feed;

/**
 * A row of a delivered file, able to say where it came from so that a reject can point at it.
 */
public interface SourceRecord {

    /** The delivered file in {@code ops.feed_file}. */
    long fileId();

    /** Line number (CSV, counting the header as line 1) or feature number (GeoJSON, from 1). */
    int recordNo();

    /** The row as delivered, for the data officer to correct. */
    String original();
}
