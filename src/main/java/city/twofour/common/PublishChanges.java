package city.twofour.common;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Gives committed master-data changes their place in the change feed ({@code master.changes}): positions
 * 1, 2, 3, ... without gaps, counting on from the highest given. Only committed changes are visible here, and a
 * change that commits later gets a later position, so a reader who takes everything after the last position it saw
 * never misses one. A waiting change that a running transaction is taking a further change of its record into (it
 * holds the change's row) is left for the next publication, which it reaches once that transaction commits: the
 * publication never waits for a writer. The last step of every job that changes master data.
 */
public class PublishChanges implements Tasklet {

    /** One sequencer at a time: positions are counted on from the highest given. */
    private static final String LOCK_FEED = "SELECT pg_advisory_xact_lock(hashtext('twofour.change_feed'))";

    private static final String PUBLISH_COMMITTED_CHANGES = """
            WITH last AS (SELECT coalesce(max(position), 0) AS position FROM master.change_log),
                 waiting AS (SELECT id FROM master.change_log WHERE position IS NULL FOR UPDATE SKIP LOCKED),
                 committed AS (SELECT id, row_number() OVER (ORDER BY id) AS n FROM waiting)
            UPDATE master.change_log c
               SET position = last.position + committed.n
              FROM committed, last
             WHERE c.id = committed.id
            """;

    private final JdbcTemplate jdbc;

    public PublishChanges(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** @return how many changes were given a position */
    public int publish() {
        jdbc.queryForList(LOCK_FEED);
        return jdbc.update(PUBLISH_COMMITTED_CHANGES);
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        int published = publish();
        contribution.incrementWriteCount(published);
        if (published > 0) {
            Console.say("change feed: %,d changes published", published);
        }
        return RepeatStatus.FINISHED;
    }
}
