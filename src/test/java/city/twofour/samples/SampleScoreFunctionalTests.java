package city.twofour.samples;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.Map;

import city.twofour.common.SampleCity;
import city.twofour.common.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.batch.test.context.SpringBatchTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scorer after load-grids and load-addresses on the tiny samples, and the import of the household registration
 * (whose last line is always cut off): what the truth says was delivered is what the master tables hold, read as a
 * downstream reader reads them, and the rejects are those the truth expects.
 */
@SpringBootTest
@SpringBatchTest
class SampleScoreFunctionalTests {

    @TempDir
    static Path inbox;

    @DynamicPropertySource
    static void inbox(DynamicPropertyRegistry registry) {
        registry.add("twofour.inbox", () -> inbox.toString());
    }

    @Autowired
    JobOperatorTestUtils jobs;

    @Autowired
    @Qualifier("loadGridsJob")
    Job loadGridsJob;

    @Autowired
    @Qualifier("loadAddressesJob")
    Job loadAddressesJob;

    @Autowired
    @Qualifier("importFeedJob")
    Job importFeedJob;

    @Autowired
    JdbcTemplate batch;

    @Autowired
    TestDatabase database;

    @BeforeEach
    void mapAndLibraryLoaded() throws Exception {
        database.clearData();
        AddressAccuracyFunctionalTests.loadMapAndLibrary(jobs, batch, loadGridsJob, loadAddressesJob, inbox);
        new SampleCity(jobs, batch, inbox).importFeed(importFeedJob, "household-registration",
                "public-security/household_registration_20261122.csv");
    }

    @Test
    void theMapAndTheLibraryScoreAsTheTruthSays() throws Exception {
        try (Connection connection = database.readerConnection()) {
            JdbcTemplate reader = new JdbcTemplate(new SingleConnectionDataSource(connection, true));

            Map<String, String> figures = new SampleScore(AddressAccuracyFunctionalTests.SAMPLES.resolve("truth"), reader,
                    batch).figures();

            figures.forEach((name, value) -> System.out.println(name + ": " + value));
            assertThat(figures).containsEntry("grids.truth", "48").containsEntry("grids.loaded", "48")
                    .containsEntry("grids.codes_equal", "true")
                    .containsEntry("addresses.truth", "568")
                    .containsEntry("addresses.delivered", "562").containsEntry("addresses.loaded", "562")
                    .containsEntry("addresses.delivered_loaded", "562")
                    .containsEntry("addresses.grid_accuracy_percent", "100.000")
                    .containsEntry("rejects.TRUNCATED_LINE.expected", "1").containsEntry("rejects.TRUNCATED_LINE.got", "1")
                    .containsEntry("rejects.TRUNCATED_LINE.same_line", "1")
                    .containsEntry("person.linked_rows", "0").containsEntry("person.grid_accuracy_percent", "n/a")
                    .containsEntry("person.pairwise_precision", "n/a");
        }
    }
}
