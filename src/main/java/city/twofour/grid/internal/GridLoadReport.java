package city.twofour.grid.internal;

import city.twofour.common.Console;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Accounts for every delivered feature: each is either a grid in the master table or a reject. A feature that is
 * neither, or both, fails the job, since something was lost or doubled.
 */
public class GridLoadReport implements Tasklet {

    private static final String ACCOUNT_FEATURES = """
            SELECT count(*) AS delivered,
                   count(r.record_no) AS rejected,
                   count(*) FILTER (WHERE r.record_no IS NULL AND g.code IS NOT NULL) AS loaded,
                   count(*) FILTER (WHERE (r.record_no IS NULL) = (g.code IS NULL)) AS unaccounted
              FROM staging.grid_feature f
              LEFT JOIN ops.reject r ON r.file_id = f.file_id AND r.record_no = f.record_no
              LEFT JOIN staging.grid_candidate c ON c.file_id = f.file_id AND c.record_no = f.record_no
              LEFT JOIN master.grid g ON g.code = c.code
             WHERE f.file_id = ?
            """;

    private static final String COUNT_REJECTS = "SELECT count(*) FROM ops.reject WHERE file_id = ?";

    private final JdbcTemplate jdbc;
    private final long divisionsFileId;
    private final long gridsFileId;

    public GridLoadReport(JdbcTemplate jdbc, long divisionsFileId, long gridsFileId) {
        this.jdbc = jdbc;
        this.divisionsFileId = divisionsFileId;
        this.gridsFileId = gridsFileId;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        Console.say("divisions: %,d rejected rows", jdbc.queryForObject(COUNT_REJECTS, Long.class, divisionsFileId));
        jdbc.query(ACCOUNT_FEATURES, rs -> {
            Console.say("grids: %,d delivered = %,d loaded + %,d rejected",
                    rs.getLong("delivered"), rs.getLong("loaded"), rs.getLong("rejected"));
            long unaccounted = rs.getLong("unaccounted");
            if (unaccounted > 0) {
                throw new IllegalStateException(unaccounted + " delivered grid features of file " + gridsFileId
                        + " are neither loaded nor rejected, or both");
            }
        }, gridsFileId);
        return RepeatStatus.FINISHED;
    }
}
