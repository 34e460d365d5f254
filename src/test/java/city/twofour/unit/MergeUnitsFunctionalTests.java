package city.twofour.unit;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import city.twofour.common.SampleCity;
import city.twofour.common.TestDatabase;
import city.twofour.feed.PendingRecord;
import city.twofour.unit.internal.UnitWriter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.batch.test.context.SpringBatchTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * merge-units on the committed tiny sample city: every row of the business registry ends up in the unit the truth
 * gives it, with its kind, address, grid and status; a second run changes nothing; a run that fails half way resumes
 * without doubling anything.
 */
@SpringBootTest
@SpringBatchTest
@TestPropertySource(properties = "twofour.chunk-size=10")
class MergeUnitsFunctionalTests {

    private static final String REGISTRY = "market/business_registry_20261122.csv";
    private static final String FEED = "business-registration";

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
    @Qualifier("mergeUnitsJob")
    Job mergeUnitsJob;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TestDatabase database;

    SampleCity city;

    @BeforeEach
    void addressLibraryLoadedAndRegistryImported() throws Exception {
        database.clearData();
        city = new SampleCity(jobs, jdbc, inbox);
        city.loadMap(loadGridsJob);
        city.loadAddresses(loadAddressesJob);
        city.importFeed(importFeedJob, FEED, REGISTRY);
    }

    @AfterEach
    void noFailingTrigger() throws Exception {
        database.stopInterfering("master.unit");
    }

    @Test
    void duplicatesOfTheRegistryMergeIntoTheirTrueUnitWithPrecisionAndRecallAboveTarget() throws Exception {
        city.run(mergeUnitsJob, Map.of());

        PairwiseScore score = PairwiseScore.of(city.mergedRowsWithTruth("unit"));
        assertThat(score.truePairs()).isPositive();
        assertThat(score.precision()).isGreaterThanOrEqualTo(0.995);
        assertThat(score.recall()).isGreaterThanOrEqualTo(0.98);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM master.source_record WHERE entity = 'unit'", Integer.class))
                .isEqualTo(44);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM master.unit", Integer.class)).isEqualTo(43);
        assertThat(jdbc.queryForObject("SELECT rows_merged FROM ops.feed_file WHERE feed = ?", Long.class, FEED)).isEqualTo(44);
    }

    @Test
    void eachUnitGetsTheKindAddressGridAndStatusTheTruthGivesIt() throws Exception {
        city.run(mergeUnitsJob, Map.of());

        List<Map<String, String>> truth = SampleCity.truth("units.csv").stream()
                .filter(u -> u.get("in_business_registry").equals("Y")).toList();
        for (Map<String, String> expected : truth) {
            Map<String, Object> unit = jdbc.queryForMap("SELECT * FROM master.unit WHERE code = ?", expected.get("credit_code"));
            assertThat(unit.get("kind")).isEqualTo(expected.get("kind").equals("INDIVIDUAL") ? "individual_business"
                    : expected.get("kind").toLowerCase());
            assertThat(unit.get("address_code")).as("address of %s", unit.get("name")).isEqualTo(expected.get("address_code"));
            assertThat(unit.get("grid_code")).as("grid of %s", unit.get("name")).isEqualTo(expected.get("grid_code"));
            assertThat(unit.get("established_on").toString()).isEqualTo(expected.get("established"));
        }
        assertThat(jdbc.queryForObject("SELECT status FROM master.unit WHERE code = '92441900MAP2NQQP05'", String.class))
                .isEqualTo("closed");
    }

    @Test
    void mergingAgainChangesNothing() throws Exception {
        city.run(mergeUnitsJob, Map.of());
        List<Map<String, Object>> before = jdbc.queryForList("SELECT * FROM master.unit ORDER BY code");
        int changes = jdbc.queryForObject("SELECT count(*) FROM master.change_log", Integer.class);

        city.importFeed(importFeedJob, FEED, REGISTRY);
        city.run(mergeUnitsJob, Map.of());

        assertThat(jdbc.queryForList("SELECT * FROM master.unit ORDER BY code")).isEqualTo(before);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM master.change_log", Integer.class)).isEqualTo(changes);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM master.source_record WHERE entity = 'unit'", Integer.class))
                .isEqualTo(44);
    }

    @Test
    void aMergeThatFailsHalfWayResumesWithoutDoubling() throws Exception {
        failWhenUnitIsWritten("91441900MA0DR4JJ3Y");
        jobs.setJob(mergeUnitsJob);
        JobExecution failed = jobs.startJob(jobs.getUniqueJobParametersBuilder().toJobParameters());
        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM master.source_record WHERE entity = 'unit'", Integer.class))
                .isBetween(10, 40);

        noFailingTrigger();
        JobExecution restarted = jobs.getJobOperator().restart(failed);

        assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM master.source_record WHERE entity = 'unit'", Integer.class))
                .isEqualTo(44);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM master.unit", Integer.class)).isEqualTo(43);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM master.change_log WHERE entity = 'unit' AND operation = 'insert'",
                Integer.class)).isEqualTo(43);
        assertThat(PairwiseScore.of(city.mergedRowsWithTruth("unit")).precision()).isEqualTo(1.0);
    }

    @Test
    void aRowWithoutACreditCodeJoinsTheUnitOfItsNameAndAddressOrIsLeftForReview() throws Exception {
        city.run(mergeUnitsJob, Map.of());
        String addressCode = jdbc.queryForObject("SELECT address_code FROM master.unit WHERE code = '91441900MAF9LUA45B'",
                String.class);
        long fileId = jdbc.queryForObject("SELECT id FROM ops.feed_file WHERE feed = ?", Long.class, FEED);
        String otherAddress = jdbc.queryForObject(
                "SELECT min(code) FROM master.address WHERE village_code = ? AND level = 'building' AND code <> ?",
                String.class, addressCode.substring(0, 12), addressCode);

        new UnitWriter(jdbc).write(Chunk.of(
                withoutCode(fileId, 1001, "东莞市益明玩具有限公司", addressCode),
                withoutCode(fileId, 1002, "东莞市益明玩具有限公司", otherAddress)));

        assertThat(jdbc.queryForMap("SELECT code, match_rule FROM master.source_record WHERE line_no = 1001"))
                .containsEntry("code", "91441900MAF9LUA45B").containsEntry("match_rule", "NAME_ADDRESS");
        assertThat(jdbc.queryForMap("SELECT code, match_rule FROM master.source_record WHERE line_no = 1002"))
                .containsEntry("code", "U" + fileId + "-1002").containsEntry("match_rule", "NEW_UNIT");
        assertThat(jdbc.queryForMap("SELECT code, candidate_code, reason FROM master.review_item"))
                .containsEntry("code", "U" + fileId + "-1002").containsEntry("candidate_code", "91441900MAF9LUA45B")
                .containsEntry("reason", "NAME_ADDRESS_GREY_ZONE");
    }

    private static DeliveredUnit withoutCode(long fileId, int line, String name, String addressCode) {
        PendingRecord row = new PendingRecord(fileId, line, FEED, Map.of("name", name), name);
        return new DeliveredUnit(row, null, UnitNames.normalise(name), UnitNames.key(name), null, null, null, addressCode,
                0.9, null, false, null, 1);
    }

    private void failWhenUnitIsWritten(String code) throws Exception {
        database.failWhen("master.unit", "NEW.code = '" + code + "'");
    }
}
