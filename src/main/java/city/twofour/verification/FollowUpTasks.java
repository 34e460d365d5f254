package city.twofour.verification;

import java.sql.Date;
import java.time.LocalDate;
import java.util.function.Supplier;

import city.twofour.common.ChangeReason;
import city.twofour.common.Console;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Follows up the tasks still waiting for a result: past its due date a task escalates (it is listed for its village
 * and town); {@code expireAfterDays} after it, it expires, closed without a result.
 */
public class FollowUpTasks implements Tasklet {

    private static final String ESCALATE = """
            UPDATE master.verification_task SET escalated = true
             WHERE state IN ('open', 'dispatched') AND due_on < ? AND NOT escalated
            """;

    private static final String EXPIRE = """
            UPDATE master.verification_task
               SET state = 'expired', closed_at = now(), close_note = 'no result ' || ? || ' days after the due date'
             WHERE state IN ('open', 'dispatched') AND due_on + ? < ?
            """;

    private final JdbcTemplate jdbc;
    private final int expireAfterDays;
    private final Supplier<LocalDate> today;

    public FollowUpTasks(JdbcTemplate jdbc, int expireAfterDays, Supplier<LocalDate> today) {
        this.jdbc = jdbc;
        this.expireAfterDays = expireAfterDays;
        this.today = today;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        Date day = Date.valueOf(today.get());
        ChangeReason.set(jdbc, "verification-cycle: follow-up of " + day);
        int escalated = jdbc.update(ESCALATE, day);
        int expired = jdbc.update(EXPIRE, expireAfterDays, expireAfterDays, day);
        contribution.incrementWriteCount(escalated + expired);
        Console.say("verification-cycle: %,d tasks overdue and escalated, %,d expired", escalated, expired);
        return RepeatStatus.FINISHED;
    }
}
