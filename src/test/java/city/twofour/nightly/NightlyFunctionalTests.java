package city.twofour.nightly;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;

import city.twofour.common.SampleCity;
import city.twofour.common.TestDatabase;
import city.twofour.grid.LoadGridsParameters;
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

@SpringBootTest
@SpringBatchTest
class NightlyFunctionalTests {

    private static final Path SAMPLES = Path.of("samples/tiny");
    private static final Path LIST = Path.of("public-security/standard_addresses_20261122.txt");
    private static final Path UNKNOWN = Path.of("public-security/something_else.csv");

    @TempDir
    static Path var;

    @DynamicPropertySource
    static void folders(DynamicPropertyRegistry registry) {
        registry.add("twofour.inbox", () -> var.resolve("inbox").toString());
        registry.add("twofour.archive", () -> var.resolve("archive").toString());
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

    @BeforeEach
    void mapLoadedAndFilesDelivered() throws Exception {
        database.clearData();
        jobs.setJob(loadGridsJob);
        jobs.startJob(jobs.getUniqueJobParametersBuilder()
                .addString(LoadGridsParameters.DIVISIONS, SAMPLES.resolve("divisions.csv").toAbsolutePath().toString())
                .addString(LoadGridsParameters.GRIDS, SAMPLES.resolve("grids.geojson").toAbsolutePath().toString())
                .toJobParameters());
        Path inbox = var.resolve("inbox");
        Files.createDirectories(inbox.resolve(LIST).getParent());
        Files.copy(SAMPLES.resolve("feeds").resolve(LIST), inbox.resolve(LIST), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(inbox.resolve(UNKNOWN), "a,b\n1,2\n");
        jobs.setJob(nightlyJob);
    }

    @Test
    void importsAndMergesWhatWasDeliveredArchivesItAndLeavesFilesOfNoFeed() throws Exception {
        JobExecution night = jobs.startJob(jobs.getUniqueJobParameters());

        assertThat(night.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM master.address", Integer.class)).isEqualTo(562);
        assertThat(Files.exists(var.resolve("inbox").resolve(LIST))).isFalse();
        assertThat(Files.exists(var.resolve("archive").resolve(java.time.LocalDate.now().toString()).resolve(LIST))).isTrue();
        assertThat(Files.exists(var.resolve("inbox").resolve(UNKNOWN))).isTrue();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM master.changes WHERE entity = 'address'", Integer.class))
                .isEqualTo(562);
    }

    @Test
    void theFirstNightGivesEachNewRecordOneChangeAndNoEarlierVersion() throws Exception {
        new SampleCity(jobs, jdbc, var.resolve("inbox")).deliverAll();
        // without the officers' results, which change records after their merge by design
        Files.delete(var.resolve("inbox/grid/verification_results_20261122.csv"));
        long before = jdbc.queryForObject("SELECT coalesce(max(position), 0) FROM master.changes", Long.class);

        JobExecution night = jobs.startJob(jobs.getUniqueJobParameters());

        assertThat(night.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(jdbc.queryForObject("""
                SELECT count(*) FROM master.history h
                 WHERE EXISTS (SELECT 1 FROM master.changes c WHERE c.position > ? AND c.operation = 'insert'
                                  AND c.entity = h.entity AND c.code = h.code)
                """, Integer.class, before)).isZero();
        for (String entity : List.of("address", "person", "building", "rental_house", "unit", "facility")) {
            assertThat(jdbc.queryForList("""
                    SELECT operation, count(*) AS changes, count(DISTINCT code) AS records FROM master.changes
                     WHERE position > ? AND entity = ? GROUP BY operation
                    """, before, entity))
                    .as(entity)
                    .containsExactly(Map.of("operation", "insert",
                            "changes", jdbc.queryForObject("SELECT count(*) FROM master." + entity, Long.class),
                            "records", jdbc.queryForObject("SELECT count(*) FROM master." + entity, Long.class)));
        }
    }

    @Test
    void aSecondRunWhileOneIsGoingDoesNothing() throws Exception {
        try (Connection other = database.batchConnection();
             PreparedStatement lock = other.prepareStatement("SELECT pg_advisory_lock(hashtext('twofour.job.nightly'))")) {
            lock.execute();

            JobExecution night = jobs.startJob(jobs.getUniqueJobParameters());

            assertThat(night.getStatus()).isEqualTo(BatchStatus.FAILED);
            assertThat(night.getAllFailureExceptions().get(0)).hasMessageContaining("already running");
            assertThat(jdbc.queryForObject("SELECT count(*) FROM master.address", Integer.class)).isZero();
            assertThat(Files.exists(var.resolve("inbox").resolve(LIST))).isTrue();
        }
    }
}
