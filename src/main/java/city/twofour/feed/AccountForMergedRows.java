package city.twofour.feed;

import java.util.List;

import city.twofour.common.Console;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.PreparedStatementSetter;

/**
 * After a merge, brings the registry's counts of the merged feeds' files up to date (a row is loaded while it waits,
 * merged once a golden record links to it, or rejected) and fails the job if any file no longer balances:
 * {@code loaded + merged + rejected = read}.
 */
public class AccountForMergedRows implements Tasklet {

    private static final String RECOUNT = """
            UPDATE ops.feed_file f
               SET rows_loaded = c.loaded, rows_merged = c.merged, rows_rejected = c.rejected
              FROM (SELECT f.id,
                           (SELECT count(*) FROM staging.feed_record r WHERE r.file_id = f.id
                               AND NOT EXISTS (SELECT 1 FROM master.source_record l
                                                WHERE l.file_id = r.file_id AND l.line_no = r.line_no)) AS loaded,
                           (SELECT count(*) FROM master.source_record l WHERE l.file_id = f.id) AS merged,
                           (SELECT count(*) FROM ops.reject j WHERE j.file_id = f.id) AS rejected
                      FROM ops.feed_file f WHERE f.feed = ANY (?) AND f.status = 'imported') c
             WHERE f.id = c.id
            """;

    private static final String UNBALANCED = """
            SELECT file_name || ': ' || rows_read || ' read, ' || rows_loaded || ' loaded + ' || rows_merged
                   || ' merged + ' || rows_rejected || ' rejected'
              FROM ops.feed_file
             WHERE feed = ANY (?) AND status = 'imported'
               AND rows_read <> rows_loaded + rows_merged + rows_rejected
            """;

    private final JdbcTemplate jdbc;
    private final String[] feeds;

    public AccountForMergedRows(JdbcTemplate jdbc, List<String> feeds) {
        this.jdbc = jdbc;
        this.feeds = feeds.toArray(String[]::new);
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        jdbc.update(RECOUNT, (PreparedStatementSetter) ps -> ps.setArray(1, ps.getConnection().createArrayOf("text", feeds)));
        List<String> unbalanced = jdbc.query(UNBALANCED,
                ps -> ps.setArray(1, ps.getConnection().createArrayOf("text", feeds)), (rs, n) -> rs.getString(1));
        if (!unbalanced.isEmpty()) {
            throw new IllegalStateException("rows do not balance after the merge: " + String.join("; ", unbalanced));
        }
        Console.say("%s: every imported row is loaded, merged or rejected", String.join(", ", feeds));
        return RepeatStatus.FINISHED;
    }
}
