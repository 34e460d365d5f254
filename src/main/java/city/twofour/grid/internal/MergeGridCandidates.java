package city.twofour.grid.internal;

import city.twofour.common.ChangeReason;
import city.twofour.common.Console;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Merges the checked grids of a file into {@code master.grid} in one statement: new codes are inserted, changed
 * grids updated, and grids delivered again as they are left untouched. Counts what happened.
 */
public class MergeGridCandidates implements Tasklet {

    public static final String INSERTED = "grids.inserted";
    public static final String UPDATED = "grids.updated";
    public static final String UNCHANGED = "grids.unchanged";

    private static final String MERGE = """
            WITH merged AS (
                INSERT INTO master.grid AS g (code, name, village_code, town_code, geom, area_m2, source_file, source_record)
                SELECT c.code, c.name, c.village_code, c.town_code, c.geom, ST_Area(c.geom::geography),
                       regexp_replace(f.path, '^.*/', ''), c.record_no
                  FROM staging.grid_candidate c JOIN ops.feed_file f ON f.id = c.file_id
                 WHERE c.file_id = ?
                ON CONFLICT (code) DO UPDATE
                   SET name = excluded.name, village_code = excluded.village_code, town_code = excluded.town_code,
                       geom = excluded.geom, area_m2 = excluded.area_m2, source_file = excluded.source_file,
                       source_record = excluded.source_record, updated_at = now()
                 WHERE (g.name, g.village_code, g.town_code) IS DISTINCT FROM (excluded.name, excluded.village_code, excluded.town_code)
                    OR ST_AsBinary(g.geom) <> ST_AsBinary(excluded.geom)
                RETURNING xmax = 0 AS inserted)
            SELECT (SELECT count(*) FROM staging.grid_candidate WHERE file_id = ?) AS candidates,
                   count(*) FILTER (WHERE inserted) AS inserted,
                   count(*) FILTER (WHERE NOT inserted) AS updated
              FROM merged
            """;

    private final JdbcTemplate jdbc;
    private final long fileId;
    private final String reason;

    /** @param reason why the grids change, recorded in their history */
    public MergeGridCandidates(JdbcTemplate jdbc, long fileId, String reason) {
        this.jdbc = jdbc;
        this.fileId = fileId;
        this.reason = reason;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        ExecutionContext context = contribution.getStepExecution().getExecutionContext();
        ChangeReason.set(jdbc, reason);
        jdbc.query(MERGE, rs -> {
            long inserted = rs.getLong("inserted");
            long updated = rs.getLong("updated");
            context.putLong(INSERTED, inserted);
            context.putLong(UPDATED, updated);
            context.putLong(UNCHANGED, rs.getLong("candidates") - inserted - updated);
            contribution.incrementWriteCount(inserted + updated);
        }, fileId, fileId);
        Console.say("grids merged: %,d inserted, %,d updated, %,d unchanged", context.getLong(INSERTED),
                context.getLong(UPDATED), context.getLong(UNCHANGED));
        return RepeatStatus.FINISHED;
    }
}
