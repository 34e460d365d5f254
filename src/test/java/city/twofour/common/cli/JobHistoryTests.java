package city.twofour.common.cli;

import java.nio.file.Files;
import java.nio.file.Path;

import city.twofour.address.LoadAddressesParameters;
import city.twofour.common.TestDatabase;
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
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A job that fails because a job it ran failed is explained by that job's failure, not by Spring Batch's "the delegate
 * Job failed".
 */
@SpringBootTest
@SpringBatchTest
class JobHistoryTests {

    @TempDir
    static Path inbox;

    @DynamicPropertySource
    static void inbox(DynamicPropertyRegistry registry) {
        registry.add("twofour.inbox", () -> inbox.toString());
    }

    @Autowired
    JobOperatorTestUtils jobs;

    @Autowired
    @Qualifier("loadAddressesJob")
    Job loadAddressesJob;

    @Autowired
    JobHistory history;

    @Autowired
    TestDatabase database;

    @Test
    void aRunThatFailedInAJobItRanIsExplainedByThatJobsFailure() throws Exception {
        database.clearData();
        Files.writeString(inbox.resolve("addresses.txt"), "地址编码|标准地址\n");
        jobs.setJob(loadAddressesJob);

        JobExecution execution = jobs.startJob(jobs.getUniqueJobParametersBuilder()
                .addString(LoadAddressesParameters.FILE, "addresses.txt").toJobParameters());

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(execution.getAllFailureExceptions().get(0).getMessage()).contains(JobHistory.DELEGATE_FAILED);
        assertThat(history.failureOfRunsStarted(execution.getJobInstance()))
                .hasValue("addresses.txt does not match the file pattern 'public-security/standard_addresses_*.txt'"
                        + " of feed standard-addresses");
    }
}
