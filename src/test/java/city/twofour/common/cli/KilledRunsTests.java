package city.twofour.common.cli;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import city.twofour.common.ChildRuns;
import city.twofour.common.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What {@code run} and {@code restart} do with a run that the job repository shows running: a killed process leaves it
 * so, as made here through the repository; {@code NightlyRestartFunctionalTests} kills a real one.
 */
@SpringBootTest
class KilledRunsTests {

    @Autowired
    JobCommand command;

    @Autowired
    JobRepository jobRepository;

    @Autowired
    TestDatabase database;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void nothingToMerge() {
        database.clearData();
    }

    @Test
    void aRunShownRunningIsLeftAloneWhileItsLockIsHeldAndResumedOnceItIsFree() throws Exception {
        JobExecution killed = leftRunning("merge-units", new JobParametersBuilder()
                .addLong(JobCommand.RUN_ID, jdbc.queryForObject(JobCommand.LAST_RUN_ID, Long.class, "merge-units") + 1)
                .toJobParameters(), "mergeUnits");

        try (Connection other = database.batchConnection();
             PreparedStatement lock = other.prepareStatement("SELECT pg_advisory_lock(hashtext('twofour.job.merge-units'))")) {
            lock.execute();
            assertThatThrownBy(() -> command.run("merge-units", Map.of())).hasMessageContaining("already running elsewhere");
            assertThat(status(killed)).as("a run whose lock is held").isEqualTo(BatchStatus.STARTED);
            // released here: a closed connection's session may outlive close() for a moment on the server
            try (PreparedStatement unlock = other.prepareStatement("SELECT pg_advisory_unlock(hashtext('twofour.job.merge-units'))")) {
                unlock.execute();
            }
        }
        assertThat(command.run("merge-units", Map.of())).isTrue();

        JobExecution marked = jobRepository.getJobExecution(killed.getId());
        assertThat(marked.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(marked.getExitStatus().getExitDescription()).startsWith("killed: no process was running it; marked failed at ");
        assertThat(marked.getStepExecutions()).extracting(StepExecution::getStatus).containsOnly(BatchStatus.FAILED);
        assertThat(jobRepository.getLastJobExecution(marked.getJobInstance()).getStatus())
                .as("the same run, resumed").isEqualTo(BatchStatus.COMPLETED);
    }

    @Test
    void restartingAJobThatAKilledNightWasRunningMarksTheNightFailedWithItAndResumesTheJob() throws Exception {
        // a parameter of its own, so that no other test's "run nightly" takes this night for its own to resume
        JobExecution night = leftRunning("nightly", new JobParametersBuilder().addLong("test.night", System.nanoTime())
                .toJobParameters(), "mergeMasterData");
        JobExecution merge = leftRunning("merge-units", new JobParametersBuilder()
                .addLong(ChildRuns.PARENT_INSTANCE, night.getJobInstance().getInstanceId()).toJobParameters(), "mergeUnits");

        assertThat(command.execute(JobCommand.Kind.RESTART, List.of(String.valueOf(merge.getId())))).isZero();

        assertThat(status(night)).isEqualTo(BatchStatus.FAILED);
        assertThat(status(merge)).isEqualTo(BatchStatus.FAILED);
        assertThat(jobRepository.getLastJobExecution(merge.getJobInstance()).getStatus()).isEqualTo(BatchStatus.COMPLETED);
    }

    /** A run as a killed process leaves it: started, and in a step. */
    private JobExecution leftRunning(String job, JobParameters parameters, String step) {
        JobInstance instance = jobRepository.createJobInstance(job, parameters);
        JobExecution execution = jobRepository.createJobExecution(instance, parameters, new ExecutionContext());
        execution.setStartTime(LocalDateTime.now());
        execution.setStatus(BatchStatus.STARTED);
        jobRepository.update(execution);
        StepExecution stepExecution = jobRepository.createStepExecution(step, execution);
        stepExecution.setStartTime(LocalDateTime.now());
        stepExecution.setStatus(BatchStatus.STARTED);
        jobRepository.update(stepExecution);
        return execution;
    }

    private BatchStatus status(JobExecution execution) {
        return jobRepository.getJobExecution(execution.getId()).getStatus();
    }
}
