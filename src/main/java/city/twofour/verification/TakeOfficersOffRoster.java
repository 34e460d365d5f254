package city.twofour.verification;

import city.twofour.common.ChangeReason;
import city.twofour.common.Console;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Each roster delivery is the whole roster: an officer the latest roster file does not list is taken off it (and may
 * no longer return results) until a later roster lists them again.
 */
public class TakeOfficersOffRoster implements Tasklet {

    private static final String MARK = """
            UPDATE master.grid_officer o
               SET on_roster = EXISTS (SELECT 1 FROM master.source_record s
                                        WHERE s.entity = 'grid_officer' AND s.code = o.code AND s.file_id = latest.id)
              FROM (SELECT max(id) AS id FROM ops.feed_file WHERE feed = ? AND status = 'imported') latest
             WHERE latest.id IS NOT NULL
            """;

    private static final String ON_ROSTER = "SELECT count(*) FROM master.grid_officer WHERE on_roster";

    private final JdbcTemplate jdbc;
    private final String rosterFeed;

    public TakeOfficersOffRoster(JdbcTemplate jdbc, String rosterFeed) {
        this.jdbc = jdbc;
        this.rosterFeed = rosterFeed;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        ChangeReason.set(jdbc, "verification-cycle: roster " + rosterFeed);
        jdbc.update(MARK, rosterFeed);
        Integer onRoster = jdbc.queryForObject(ON_ROSTER, Integer.class);
        Console.say("verification-cycle: %,d grid officers on the roster", onRoster);
        return RepeatStatus.FINISHED;
    }
}
