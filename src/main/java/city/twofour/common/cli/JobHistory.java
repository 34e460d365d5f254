package city.twofour.common.cli;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.Optional;

import city.twofour.common.ChildRuns;
import city.twofour.common.Console;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Lists recent job executions from the job repository with their counts.
 */
@Component
public class JobHistory {

    private static final String RECENT_EXECUTIONS = """
            SELECT e.job_execution_id, i.job_name, e.status, e.start_time, e.end_time, e.exit_message,
                   coalesce(sum(s.read_count), 0) AS read_count,
                   coalesce(sum(s.write_count), 0) AS write_count,
                   coalesce(sum(s.read_skip_count + s.process_skip_count + s.write_skip_count), 0) AS skip_count
              FROM ops.batch_job_execution e
              JOIN ops.batch_job_instance i ON i.job_instance_id = e.job_instance_id
              LEFT JOIN ops.batch_step_execution s ON s.job_execution_id = e.job_execution_id
             GROUP BY e.job_execution_id, i.job_name
             ORDER BY e.job_execution_id DESC
             LIMIT ?
            """;

    /**
     * Why the runs of other jobs that a run started (directly or through them) failed: the exit message of the last
     * failed step among them that failed by itself, not because a job it ran failed.
     */
    private static final String FAILURE_OF_RUNS_STARTED = """
            WITH RECURSIVE started (job_execution_id, job_instance_id) AS (
                SELECT e.job_execution_id, e.job_instance_id
                  FROM ops.batch_job_execution_params p
                  JOIN ops.batch_job_execution e ON e.job_execution_id = p.job_execution_id
                 WHERE p.parameter_name = ? AND p.parameter_value = ?
                UNION
                SELECT e.job_execution_id, e.job_instance_id
                  FROM started s
                  JOIN ops.batch_job_execution_params p ON p.parameter_name = ? AND p.parameter_value = s.job_instance_id::text
                  JOIN ops.batch_job_execution e ON e.job_execution_id = p.job_execution_id
            )
            SELECT step.exit_message
              FROM started s
              JOIN ops.batch_step_execution step ON step.job_execution_id = s.job_execution_id
             WHERE step.status = 'FAILED' AND step.exit_message <> '' AND step.exit_message NOT LIKE ?
             ORDER BY step.step_execution_id DESC
             LIMIT 1
            """;

    /** What Spring Batch's job step says when the job it ran failed. */
    static final String DELEGATE_FAILED = "the delegate Job failed";

    private final JdbcTemplate jdbc;

    public JobHistory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void print(int limit) {
        Console.say("%6s  %-16s %-10s %-19s %9s %10s %10s %9s  %s", "ID", "JOB", "STATUS", "STARTED", "DURATION",
                "READ", "WRITTEN", "REJECTED", "MESSAGE");
        jdbc.query(RECENT_EXECUTIONS, rs -> {
            Timestamp start = rs.getTimestamp("start_time");
            Timestamp end = rs.getTimestamp("end_time");
            String message = rs.getString("exit_message");
            Console.say("%6d  %-16s %-10s %-19s %9s %,10d %,10d %,9d  %s",
                    rs.getLong("job_execution_id"), rs.getString("job_name"), rs.getString("status"),
                    start == null ? "-" : start.toLocalDateTime().withNano(0).toString().replace('T', ' '),
                    start == null || end == null ? "-" : duration(Duration.between(start.toInstant(), end.toInstant())),
                    rs.getLong("read_count"), rs.getLong("write_count"), rs.getLong("skip_count"),
                    message == null || message.isBlank() ? "" : ErrorMessages.fromStackTrace(message));
        }, limit);
    }

    /** Why a run failed that failed because a job it ran failed, from that job's failed step; empty if none says. */
    Optional<String> failureOfRunsStarted(JobInstance parent) {
        return jdbc.query(FAILURE_OF_RUNS_STARTED, (rs, n) -> ErrorMessages.fromStackTrace(rs.getString(1)),
                ChildRuns.PARENT_INSTANCE, String.valueOf(parent.getInstanceId()), ChildRuns.PARENT_INSTANCE,
                "%" + DELEGATE_FAILED + "%").stream().findFirst();
    }

    private static String duration(Duration d) {
        return String.format("%d:%02d:%02d", d.toHours(), d.toMinutesPart(), d.toSecondsPart());
    }
}
