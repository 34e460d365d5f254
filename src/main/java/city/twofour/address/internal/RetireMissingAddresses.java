package city.twofour.address.internal;

import city.twofour.common.ChangeReason;
import city.twofour.common.Console;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * When the delivered list is the whole library, an active address it no longer holds is retired: it keeps its
 * code, gets its last day, and its history says which delivery retired it. A list with rejected rows retires
 * nothing, since a rejected row may be an address that still exists.
 */
public class RetireMissingAddresses implements Tasklet {

    private static final String LATEST_LIST = """
            SELECT id FROM ops.feed_file WHERE feed = ? AND status = 'imported' ORDER BY processed_at DESC, id DESC LIMIT 1
            """;

    private static final String COUNT_REJECTS = "SELECT count(*) FROM ops.reject WHERE file_id = ?";

    private static final String RETIRE = """
            UPDATE master.address a
               SET status = 'retired', valid_to = current_date, updated_at = now()
             WHERE a.status = 'active'
               AND NOT EXISTS (SELECT 1 FROM master.source_record s WHERE s.file_id = ? AND s.code = a.code)
            """;

    private final JdbcTemplate jdbc;
    private final String feed;
    private final boolean listIsComplete;

    /** @param listIsComplete the last list imported from the feed is the whole library; when false, nothing is retired */
    public RetireMissingAddresses(JdbcTemplate jdbc, String feed, boolean listIsComplete) {
        this.jdbc = jdbc;
        this.feed = feed;
        this.listIsComplete = listIsComplete;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        if (!listIsComplete) {
            return RepeatStatus.FINISHED;
        }
        long fileId = jdbc.queryForObject(LATEST_LIST, Long.class, feed);
        long rejects = jdbc.queryForObject(COUNT_REJECTS, Long.class, fileId);
        if (rejects > 0) {
            Console.say("addresses: none retired, since %,d rows of the list were rejected; fix and re-deliver them", rejects);
            return RepeatStatus.FINISHED;
        }
        ChangeReason.set(jdbc, "load-addresses: not in the complete list, file " + fileId);
        int retired = jdbc.update(RETIRE, fileId);
        contribution.incrementWriteCount(retired);
        Console.say("addresses: %,d no longer in the list, retired", retired);
        return RepeatStatus.FINISHED;
    }
}
