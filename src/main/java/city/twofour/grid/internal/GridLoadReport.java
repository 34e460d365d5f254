package city.twofour.grid.internal;

import city.twofour.common.Console;
import city.twofour.grid.LoadGridsJobConfiguration;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Accounts for every delivered feature: each is either a grid in the master table or a reject. A feature that is
 * neither (or both) fails the job, since something was lost or doubled. Then prints the counts.
 */
public class GridLoadReport implements Tasklet {

    private static final String ACCOUNT_FEATURES = """
            SELECT count(*) AS delivered,
                   count(r.record_no) AS rejected,
                   count(*) FILTER (WHERE r.record_no IS NULL AND g.code IS NOT NULL) AS loaded,
                   count(*) FILTER (WHERE r.record_no IS NULL AND g.code IS NULL) AS unaccounted
              FROM staging.grid_feature f
              LEFT JOIN ops.reject r ON r.file_id = f.file_id AND r.record_no = f.record_no
              LEFT JOIN master.grid g ON g.code = f.code
             WHERE f.file_id = ?
            """;

    private static final String ACCOUNT_DIVISIONS = """
            SELECT count(*) FROM ops.reject WHERE file_id = ?
            """;

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
        StepExecution step = contribution.getStepExecution();
        Long divisionRejects = jdbc.queryForObject(ACCOUNT_DIVISIONS, Long.class, divisionsFileId);
        jdbc.query(ACCOUNT_FEATURES, rs -> {
            long unaccounted = rs.getLong("unaccounted");
            ExecutionContext merge = mergeContext(step);
            Console.say("divisions: %,d rejected rows", divisionRejects);
            Console.say("grids: %,d delivered = %,d loaded (%,d inserted, %,d updated, %,d unchanged) + %,d rejected",
                    rs.getLong("delivered"), rs.getLong("loaded"), merge.getLong(GridWriter.INSERTED, 0),
                    merge.getLong(GridWriter.UPDATED, 0), merge.getLong(GridWriter.UNCHANGED, 0), rs.getLong("rejected"));
            if (unaccounted > 0) {
                throw new IllegalStateException(unaccounted + " delivered grid features are neither loaded nor rejected: see staging.grid_feature for file " + gridsFileId);
            }
        }, gridsFileId);
        return RepeatStatus.FINISHED;
    }

    private static ExecutionContext mergeContext(StepExecution step) {
        return step.getJobExecution().getStepExecutions().stream()
                .filter(s -> s.getStepName().equals(LoadGridsJobConfiguration.MERGE_GRIDS))
                .map(StepExecution::getExecutionContext)
                .findFirst().orElseGet(ExecutionContext::new);
    }
}
