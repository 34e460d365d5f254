package city.twofour.population;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import city.twofour.common.SampleCity;
import city.twofour.common.TestDatabase;
import city.twofour.feed.ImportFeedParameters;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.batch.test.context.SpringBatchTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * merge-people on the committed tiny sample city: the three person feeds become one record per true person, every
 * row lands in one place, a second run changes nothing and a run that fails half way resumes without doubling.
 */
@SpringBootTest
@SpringBatchTest
class MergePeopleFunctionalTests {

    private static final Path SAMPLES = Path.of("samples/tiny");
    private static final String ADDRESSES = "public-security/standard_addresses_20261122.txt";
    private static final Map<String, String> PERSON_FILES = Map.of(
            MergePeopleJobConfiguration.HOUSEHOLD_FEED, "public-security/household_registration_20261122.csv",
            MergePeopleJobConfiguration.FLOATING_FEED, "public-security/floating_population_20261122.csv",
            MergePeopleJobConfiguration.FIELD_FEED, "grid/field_people_20261122.csv");

    /** Data lines of the three files: 111 (the last one cut off) + 447 + 566. */
    private static final int DELIVERED_ROWS = 1124;
    private static final int REJECTED_ROWS = 20;
    private static final int PEOPLE = 612;

    @TempDir
    static Path inbox;

    @DynamicPropertySource
    static void inboxAndChunks(DynamicPropertyRegistry registry) {
        registry.add("twofour.inbox", () -> inbox.toString());
        // several chunks, so that a person's rows fall in different chunks and a failing run leaves some committed
        registry.add("twofour.population.merge-chunk-size", () -> "200");
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
    @Qualifier("mergePeopleJob")
    Job mergePeopleJob;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TestDatabase database;

    @BeforeEach
    void addressLibraryLoadedAndPersonFeedsImported() throws Exception {
        database.clearData();
        SampleCity city = new SampleCity(jobs, jdbc, inbox);
        city.loadMap(loadGridsJob);
        city.loadAddresses(loadAddressesJob);
        for (Map.Entry<String, String> feed : PERSON_FILES.entrySet()) {
            city.importFeed(importFeedJob, feed.getKey(), feed.getValue());
        }
        jobs.setJob(mergePeopleJob);
    }

    @AfterEach
    void dropFailingTrigger() throws Exception {
        database.stopInterfering("master.person");
    }

    @Test
    void everyDeliveredRowIsMergedIntoItsTruePersonOrRejected() throws Exception {
        JobExecution execution = jobs.startJob(jobs.getUniqueJobParameters());

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(count("SELECT count(*) FROM master.source_record WHERE entity = 'person'"))
                .isEqualTo(DELIVERED_ROWS - REJECTED_ROWS);
        assertThat(count("SELECT count(*) FROM ops.reject j JOIN ops.feed_file f ON f.id = j.file_id"
                + " WHERE f.feed <> 'standard-addresses'")).isEqualTo(REJECTED_ROWS);
        assertThat(count("SELECT count(*) FROM master.person")).isEqualTo(PEOPLE);
        PeopleScore score = PeopleScore.of(jdbc, SAMPLES.resolve("truth"));
        assertThat(score.precision()).isGreaterThanOrEqualTo(0.995);
        assertThat(score.recall()).isGreaterThanOrEqualTo(0.98);
        assertThat(score.addressMatchRate()).isGreaterThanOrEqualTo(0.95);
        assertThat(score.gridAccuracy()).isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void aRegisteredResidentAlsoRegisteredAsFloatingStaysHouseholdWithTheFieldCollectionsPhone() throws Exception {
        jobs.startJob(jobs.getUniqueJobParameters());

        List<String> residents = jdbc.queryForList("""
                SELECT code FROM master.person p
                 WHERE EXISTS (SELECT 1 FROM master.source_record s WHERE s.code = p.code AND s.feed = ?)
                   AND EXISTS (SELECT 1 FROM master.source_record s WHERE s.code = p.code AND s.feed = ?)
                """, String.class, MergePeopleJobConfiguration.HOUSEHOLD_FEED, MergePeopleJobConfiguration.FLOATING_FEED);
        assertThat(residents).isNotEmpty();
        for (String code : residents) {
            assertThat(jdbc.queryForObject("SELECT kind FROM master.person WHERE code = ?", String.class, code))
                    .isEqualTo("household");
        }
        assertThat(count("""
                SELECT count(*) FROM master.person p
                  JOIN master.source_record s ON s.code = p.code AND s.feed = 'field-people'
                  JOIN staging.feed_record r ON r.file_id = s.file_id AND r.line_no = s.line_no
                  JOIN ops.feed_file f ON f.id = r.file_id
                 CROSS JOIN LATERAL staging.field_value(r.fields, f.fields, 'phone') AS delivered (phone)
                 WHERE delivered.phone IS NOT NULL AND p.phone IS DISTINCT FROM delivered.phone
                """)).isZero();
        assertThat(count("SELECT count(*) FROM master.person WHERE seen_on_site IS NOT NULL"))
                .isEqualTo(count("SELECT count(DISTINCT code) FROM master.source_record WHERE feed = 'field-people'"));
    }

    @Test
    void aKnownIdDeliveredUnderAnotherPersonsNameIsLinkedToItsRecordAndPutUpForReview() throws Exception {
        jobs.startJob(jobs.getUniqueJobParameters());
        String header = Files.readAllLines(inbox.resolve(PERSON_FILES.get(MergePeopleJobConfiguration.FLOATING_FEED))).get(0);
        String later = "public-security/floating_population_20261123.csv";
        Files.write(inbox.resolve(later), List.of(header,
                "黄志强,430623198311250749,女,汉族,1983-11-25,湖南省岳阳市华容县某村,莞城街道东正社区鸿福路1号1栋101室,,2026-11-23,务工"));
        new SampleCity(jobs, jdbc, inbox).run(importFeedJob, Map.of(ImportFeedParameters.FEED,
                MergePeopleJobConfiguration.FLOATING_FEED, ImportFeedParameters.FILE, later));
        jobs.setJob(mergePeopleJob);

        JobExecution execution = jobs.startJob(jobs.getUniqueJobParameters());

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(jdbc.queryForList("SELECT code || ' ' || reason FROM master.review_item", String.class))
                .containsExactly("430623198311250749 SAME_ID_OTHER_NAME");
        assertThat(jdbc.queryForObject("""
                SELECT s.code || ' ' || s.match_rule FROM master.source_record s JOIN ops.feed_file f ON f.id = s.file_id
                 WHERE f.file_name = 'floating_population_20261123.csv'
                """, String.class)).isEqualTo("430623198311250749 SAME_CITIZEN_ID");
        assertThat(jdbc.queryForObject("SELECT name FROM master.person WHERE code = '430623198311250749'", String.class))
                .isEqualTo("张倩");
    }

    @Test
    void aPersonPlacedByAnEarlierRunIsPlacedAgainWhenARowHoldsThemAgain() throws Exception {
        jobs.startJob(jobs.getUniqueJobParameters());
        String code = "430623198311250749";
        String placed = jdbc.queryForObject("SELECT address_code FROM master.person WHERE code = ?", String.class, code);
        assertThat(placed).isNotNull();
        // as if an earlier address library had not known the address
        jdbc.update("""
                UPDATE master.person SET address_code = NULL, address_level = 'none', address_confidence = 0,
                       grid_code = NULL, grid_method = NULL, updated_at = now() - interval '1 day'
                 WHERE code = ?
                """, code);
        String header = Files.readAllLines(inbox.resolve(PERSON_FILES.get(MergePeopleJobConfiguration.FLOATING_FEED))).get(0);
        String later = "public-security/floating_population_20261123.csv";
        Files.write(inbox.resolve(later), List.of(header,
                "张倩,430623198311250749,女,汉族,1983-11-25,湖南省岳阳市华容县某村,莞城街道东正社区鸿福路1号1栋101室,15195513443,2023-06-03,经商"));
        new SampleCity(jobs, jdbc, inbox).run(importFeedJob, Map.of(ImportFeedParameters.FEED,
                MergePeopleJobConfiguration.FLOATING_FEED, ImportFeedParameters.FILE, later));
        jobs.setJob(mergePeopleJob);

        jobs.startJob(jobs.getUniqueJobParameters());

        assertThat(jdbc.queryForObject("SELECT address_code FROM master.person WHERE code = ?", String.class, code))
                .isEqualTo(placed);
    }

    @Test
    void mergingAgainChangesNothing() throws Exception {
        jobs.startJob(jobs.getUniqueJobParameters());
        List<Map<String, Object>> before = jdbc.queryForList("SELECT * FROM master.person ORDER BY code");
        int reviews = count("SELECT count(*) FROM master.review_item");
        int history = count("SELECT count(*) FROM master.history WHERE entity = 'person'");

        JobExecution again = jobs.startJob(jobs.getUniqueJobParameters());

        assertThat(again.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(jdbc.queryForList("SELECT * FROM master.person ORDER BY code")).isEqualTo(before);
        assertThat(count("SELECT count(*) FROM master.history WHERE entity = 'person'")).isEqualTo(history);
        assertThat(count("SELECT count(*) FROM master.review_item")).isEqualTo(reviews);
    }

    @Test
    void aMergeThatFailsHalfWayIsRestartedAndFinishesWithoutDuplicates() throws Exception {
        failWhenPersonIsWritten(jdbc.queryForObject("""
                SELECT staging.field_value(r.fields, f.fields, 'citizen_id')
                  FROM staging.feed_record r JOIN ops.feed_file f ON f.id = r.file_id
                 WHERE f.feed = 'field-people'
                   AND NOT EXISTS (SELECT 1 FROM staging.feed_record o JOIN ops.feed_file g ON g.id = o.file_id
                                    WHERE g.feed <> 'field-people'
                                      AND staging.field_value(o.fields, g.fields, 'citizen_id')
                                          = staging.field_value(r.fields, f.fields, 'citizen_id'))
                 ORDER BY r.line_no DESC LIMIT 1
                """, String.class));
        JobParameters parameters = jobs.getUniqueJobParameters();

        JobExecution failed = jobs.startJob(parameters);

        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(count("SELECT count(*) FROM master.source_record WHERE entity = 'person'"))
                .isBetween(1, DELIVERED_ROWS - REJECTED_ROWS - 1);

        dropFailingTrigger();
        JobExecution restarted = jobs.getJobOperator().restart(failed);

        assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(count("SELECT count(*) FROM master.source_record WHERE entity = 'person'"))
                .isEqualTo(DELIVERED_ROWS - REJECTED_ROWS);
        assertThat(count("SELECT count(*) FROM master.person")).isEqualTo(PEOPLE);
        PeopleScore score = PeopleScore.of(jdbc, SAMPLES.resolve("truth"));
        assertThat(score.precision()).isGreaterThanOrEqualTo(0.995);
        assertThat(score.recall()).isGreaterThanOrEqualTo(0.98);
    }

    private int count(String sql) {
        return jdbc.queryForObject(sql, Integer.class);
    }

    private void failWhenPersonIsWritten(String code) throws Exception {
        database.failWhen("master.person", "NEW.code = '" + code + "'");
    }
}
