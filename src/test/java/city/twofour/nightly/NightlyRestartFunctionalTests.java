package city.twofour.nightly;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import city.twofour.TwofourApplication;
import city.twofour.common.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.batch.test.context.SpringBatchTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The nightly run's restart guarantee on the tiny sample city: a night that fails half way through a step (the
 * database refuses a row, as a full disk would) or is killed half way through one, and is restarted, ends with the
 * same master data, change feed, run records and report as a night that ran through.
 * <p>
 * A killed night is a real one: {@code twofour run nightly} runs in a JVM of its own and is killed with SIGKILL
 * while it writes a chunk of a step, earlier chunks committed. The job repository then still shows the night, its
 * step and the job it was running as started; {@code twofour run nightly} again marks them failed and resumes the
 * night where it stopped. To kill it at a known place, the database waits before it writes a chosen row; the test
 * waits until it does, then kills the process.
 */
@SpringBootTest
@SpringBatchTest
class NightlyRestartFunctionalTests {

    private static final String FLOATING_POPULATION = "floating_population_20261122.csv";

    /** What each execution of a step in the job instance of a job execution read, in order. */
    private static final String READ_BY_EACH_EXECUTION = """
            SELECT s.read_count FROM ops.batch_step_execution s
              JOIN ops.batch_job_execution e ON e.job_execution_id = s.job_execution_id
             WHERE s.step_name = ?
               AND e.job_instance_id = (SELECT job_instance_id FROM ops.batch_job_execution WHERE job_execution_id = ?)
             ORDER BY s.step_execution_id
            """;

    /** The night's folders: inbox, archive and outbox, compared with a night that ran through. */
    @TempDir
    static Path var;

    /** What the killed and the resumed process print and log, kept out of the night's folders. */
    @TempDir
    static Path runs;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        SampleNight.settings(var).forEach((name, value) -> registry.add(name, () -> value));
    }

    @Autowired
    JobOperatorTestUtils jobs;

    @Autowired
    @Qualifier("loadGridsJob")
    Job loadGridsJob;

    @Autowired
    @Qualifier("nightlyJob")
    Job nightlyJob;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TestDatabase database;

    SampleNight night;

    @BeforeEach
    void sampleNight() {
        night = new SampleNight(jobs, jdbc, database, loadGridsJob, nightlyJob, var);
    }

    @AfterEach
    void dropTriggers() throws SQLException {
        database.stopInterfering("staging.feed_record");
        database.stopInterfering("master.source_record");
    }

    @Test
    void aNightWhoseImportFailsHalfWayEndsOnRestartAsANightThatRanThrough() throws Exception {
        Map<String, List<String>> expected = night.uninterrupted();
        night.mapLoadedAndFeedsDelivered();
        database.failWhen("staging.feed_record", "NEW.line_no = 300 AND NEW.file_id = "
                + "(SELECT id FROM ops.feed_file WHERE file_name = '" + FLOATING_POPULATION + "')");

        JobExecution failed = jobs.startJob(jobs.getUniqueJobParameters());

        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(floatingPopulationRowsIn("staging.feed_record")).as("rows of the chunks committed before the failure")
                .isBetween(1, 297);
        restartedAfterTheCauseIsGone(failed, "staging.feed_record");

        night.assertSameNightAs(expected);
    }

    @Test
    void aNightWhoseMergeFailsHalfWayEndsOnRestartAsANightThatRanThrough() throws Exception {
        Map<String, List<String>> expected = night.uninterrupted();
        night.mapLoadedAndFeedsDelivered();
        database.failWhen("master.source_record", "NEW.feed = 'field-people' AND NEW.line_no = 300");

        JobExecution failed = jobs.startJob(jobs.getUniqueJobParameters());

        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(personRowsLinked()).as("rows of the chunks committed before the failure").isBetween(1, 1_102);
        restartedAfterTheCauseIsGone(failed, "master.source_record");

        night.assertSameNightAs(expected);
    }

    /** Rows of the floating population file in a table of staged rows. */
    private int floatingPopulationRowsIn(String table) {
        return jdbc.queryForObject("SELECT count(*) FROM %s r JOIN ops.feed_file f ON f.id = r.file_id WHERE f.file_name = ?"
                .formatted(table), Integer.class, FLOATING_POPULATION);
    }

    /** Delivered rows linked to a golden person record. */
    private int personRowsLinked() {
        return jdbc.queryForObject("SELECT count(*) FROM master.source_record WHERE entity = 'person'", Integer.class);
    }

    private void restartedAfterTheCauseIsGone(JobExecution failed, String table) throws Exception {
        database.stopInterfering(table);
        JobExecution restarted = jobs.getJobOperator().restart(failed);
        assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
    }

    @Test
    void aNightKilledWhileStagingAFileEndsOnRestartAsANightThatRanThrough() throws Exception {
        Map<String, List<String>> expected = night.uninterrupted();
        night.mapLoadedAndFeedsDelivered();
        database.pauseWhen("staging.feed_record", "NEW.line_no = 300 AND NEW.file_id = "
                + "(SELECT id FROM ops.feed_file WHERE file_name = '" + FLOATING_POPULATION + "')");

        Killed killed = killedWhilePaused("importFeedRows", "staging.feed_record");
        assertThat(floatingPopulationRowsIn("staging.feed_record")).as("rows of the chunks committed before the kill")
                .isBetween(100, 298);
        resumedAfterTheKill(killed);

        assertThat(readByTheKilledStepAndItsResumption(killed))
                .as("rows the killed step and its resumption read: each row of the file once")
                .isEqualTo(jdbc.queryForObject("SELECT rows_read FROM ops.feed_file WHERE file_name = ?", Integer.class,
                        FLOATING_POPULATION));
        night.assertSameNightAs(expected);
    }

    @Test
    void aNightKilledWhileMergingPeopleEndsOnRestartAsANightThatRanThrough() throws Exception {
        Map<String, List<String>> expected = night.uninterrupted();
        night.mapLoadedAndFeedsDelivered();
        database.pauseWhen("master.source_record", "NEW.feed = 'field-people' AND NEW.line_no = 300");

        Killed killed = killedWhilePaused("mergePeople", "master.source_record");
        assertThat(personRowsLinked()).as("rows of the chunks committed before the kill").isBetween(50, 1_102);
        resumedAfterTheKill(killed);

        assertThat(readByTheKilledStepAndItsResumption(killed))
                .as("rows the killed step and its resumption read: each person row once").isEqualTo(personRowsLinked());
        night.assertSameNightAs(expected);
    }

    /**
     * The night started, killed by the test in a step of a job the night runs, while the database waits before
     * writing a row of the table.
     *
     * @param night         the night's job execution
     * @param child         the execution of the job the night was running
     * @param step          the step that was writing
     * @param stepExecution its execution
     */
    private record Killed(long night, long child, String step, long stepExecution) {
    }

    private Killed killedWhilePaused(String step, String table) throws Exception {
        Process process = twofour("killed", "run", "nightly");
        Instant giveUp = Instant.now().plus(Duration.ofSeconds(90));
        while (!paused()) {
            if (!process.isAlive() || Instant.now().isAfter(giveUp)) {
                process.destroyForcibly();
                fail("the night did not reach the row it waits at: " + output("killed"));
            }
            Thread.sleep(100);
        }
        Map<String, Object> running = jdbc.queryForMap("""
                SELECT s.step_execution_id, s.job_execution_id, s.commit_count FROM ops.batch_step_execution s
                 WHERE s.step_name = ? AND s.status = 'STARTED'
                """, step);
        assertThat(((Number) running.get("commit_count")).intValue()).as("chunks committed before the kill").isPositive();

        process.destroyForcibly().waitFor();
        database.stopInterfering(table);

        long night = jdbc.queryForObject("SELECT max(job_execution_id) FROM ops.batch_job_execution e JOIN ops.batch_job_instance i "
                + "USING (job_instance_id) WHERE i.job_name = 'nightly'", Long.class);
        Killed killed = new Killed(night, ((Number) running.get("job_execution_id")).longValue(), step,
                ((Number) running.get("step_execution_id")).longValue());
        assertThat(statuses(killed)).as("what the killed process left behind").containsOnly("STARTED");
        return killed;
    }

    private void resumedAfterTheKill(Killed killed) throws Exception {
        Process process = twofour("resumed", "run", "nightly");
        assertThat(process.waitFor(3, TimeUnit.MINUTES)).as("the resumed night ends").isTrue();
        assertThat(process.exitValue()).as(output("resumed")).isZero();
        assertThat(output("resumed")).contains("nightly execution " + killed.night() + " was left running by a process "
                + "that is gone: marked failed", "nightly: resuming execution " + killed.night() + ", which failed");
        assertThat(statuses(killed)).containsOnly("FAILED");
        assertThat(jdbc.queryForList("SELECT exit_message FROM ops.batch_job_execution WHERE job_execution_id IN (?, ?)",
                String.class, killed.night(), killed.child()))
                .allMatch(message -> message.startsWith("killed: no process was running it; marked failed at "));
        assertThat(jdbc.queryForObject("""
                SELECT count(*) FROM ops.batch_job_execution e JOIN ops.batch_job_execution_params p USING (job_execution_id)
                 WHERE p.parameter_name = 'parent.instance'
                   AND p.parameter_value = (SELECT job_instance_id FROM ops.batch_job_execution WHERE job_execution_id = ?)::text
                   AND e.job_execution_id <> ? AND e.status <> 'COMPLETED'
                """, Integer.class, killed.night(), killed.child()))
                .as("the night's other jobs ran once each and completed; the killed one was resumed").isZero();
    }

    /** The rows the killed step read in its committed chunks and the rows its resumption read. */
    private int readByTheKilledStepAndItsResumption(Killed killed) {
        List<Integer> reads = jdbc.queryForList(READ_BY_EACH_EXECUTION, Integer.class, killed.step(), killed.child());
        assertThat(reads).as("the killed step and its resumption").hasSize(2).allMatch(read -> read > 0);
        return reads.get(0) + reads.get(1);
    }

    private List<String> statuses(Killed killed) {
        return jdbc.queryForList("""
                SELECT status FROM ops.batch_job_execution WHERE job_execution_id IN (?, ?)
                UNION ALL SELECT status FROM ops.batch_step_execution WHERE step_execution_id = ?
                """, String.class, killed.night(), killed.child(), killed.stepExecution());
    }

    private boolean paused() {
        return jdbc.queryForObject("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event = 'PgSleep'",
                Integer.class) > 0;
    }

    /** Starts the application in a JVM of its own, on the test database and the night's folders. */
    private static Process twofour(String name, String... args) throws IOException {
        // the quick compiler only: the JVM starts sooner, and the sample night is small
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                "-Dlogging.file.name=" + runs.resolve(name + ".log")));
        SampleNight.settings(var).forEach((setting, value) -> command.add("-D" + setting + "=" + value));
        command.add(TwofourApplication.class.getName());
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(runs.resolve(name + ".out").toFile()).start();
    }

    private static String output(String name) throws IOException {
        return Files.readString(runs.resolve(name + ".out"), StandardCharsets.UTF_8);
    }
}
