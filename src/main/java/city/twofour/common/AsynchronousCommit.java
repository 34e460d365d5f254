package city.twofour.common;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Lets the current transaction commit without waiting for its write-ahead log to reach the disk. A server crash can
 * then lose the last commits (never corrupt them): safe for a chunk whose loss puts its input back where the restarted
 * step reads it again, with nothing outside the database having seen it. Any later ordinary commit, such as those
 * of the steps after a merge, makes every commit before it durable.
 */
public final class AsynchronousCommit {

    private static final String SYNCHRONOUS_COMMIT_OFF = """
            SET LOCAL synchronous_commit = off
            """;

    private AsynchronousCommit() {
    }

    /** Valid until the end of the current transaction. */
    public static void forThisTransaction(JdbcTemplate jdbc) {
        jdbc.execute(SYNCHRONOUS_COMMIT_OFF);
    }
}
