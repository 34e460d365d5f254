package city.twofour.common;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Says why the current transaction changes master data; the history and change-log triggers record it.
 */
public final class ChangeReason {

    private static final String SET_REASON = "SELECT set_config('twofour.change_reason', ?, true)";

    private ChangeReason() {
    }

    /** Valid until the end of the current transaction. */
    public static void set(JdbcTemplate jdbc, String reason) {
        jdbc.queryForList(SET_REASON, reason);
    }

    /** The reason for changes made by a job from a delivered file. */
    public static String ofFile(String job, String fileName, long fileId) {
        return job + ": " + fileName + " (file " + fileId + ")";
    }
}
