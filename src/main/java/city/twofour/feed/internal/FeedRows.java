package city.twofour.feed.internal;

import city.twofour.feed.FeedRowCounts;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The rows of one delivered file in staging and among the rejects: counted, or removed when the file is imported
 * afresh or replaced by a corrected re-delivery.
 */
public class FeedRows {

    private static final String COUNT = """
            SELECT (SELECT count(*) FROM staging.feed_record WHERE file_id = ?) AS loaded,
                   (SELECT count(*) FROM ops.reject WHERE file_id = ?) AS rejected
            """;

    private static final String DELETE_RECORDS = """
            DELETE FROM staging.feed_record WHERE file_id = ?
            """;

    private static final String DELETE_REJECTS = """
            DELETE FROM ops.reject WHERE file_id = ?
            """;

    private final JdbcTemplate jdbc;

    public FeedRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Where the rows of the file went; {@code read} is the given number of data rows in the file. */
    public FeedRowCounts count(long fileId, long read) {
        return jdbc.queryForObject(COUNT, (rs, n) -> new FeedRowCounts(read, rs.getLong("loaded"), 0, rs.getLong("rejected")),
                fileId, fileId);
    }

    /** Removes the loaded rows of a file, keeping its rejects as the record of what was wrong with it. */
    public void removeLoaded(long fileId) {
        jdbc.update(DELETE_RECORDS, fileId);
    }

    /** Removes everything an unfinished import of the file left, so that it can start again. */
    public void removeAll(long fileId) {
        removeLoaded(fileId);
        jdbc.update(DELETE_REJECTS, fileId);
    }
}
