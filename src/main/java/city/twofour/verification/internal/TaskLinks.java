package city.twofour.verification.internal;

import city.twofour.feed.SourceRecord;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Links a delivered row of the cycle's feeds (roster, declarations, results) to the record it became part of, so
 * that the row counts as merged and is not read again.
 */
final class TaskLinks {

    private static final String LINK = """
            INSERT INTO master.source_record (file_id, line_no, entity, code, feed, source_key, match_rule, score)
            SELECT f.id, ?, ?, ?, f.feed, ?, ?, 1 FROM ops.feed_file f WHERE f.id = ?
            ON CONFLICT (file_id, line_no) DO NOTHING
            """;

    private TaskLinks() {
    }

    static void link(JdbcTemplate jdbc, SourceRecord row, String entity, String code, String sourceKey, String rule) {
        jdbc.update(LINK, row.recordNo(), entity, code, sourceKey, rule, row.fileId());
    }
}
