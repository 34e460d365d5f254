package city.twofour.building;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import city.twofour.address.LoadAddressesParameters;
import city.twofour.common.TestDatabase;
import city.twofour.feed.ImportFeedParameters;
import city.twofour.grid.LoadGridsParameters;
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

/**
 * merge-buildings on the committed tiny sample city: the building registry, the rental registry (delivered twice)
 * and the field collection, imported with import-feed, merge into one golden record per real building and rental
 * house, as the samples' truth has them.
 */
@SpringBootTest
@SpringBatchTest
class MergeBuildingsFunctionalTests {

    private static final Path SAMPLES = Path.of("samples/tiny");
    private static final String BUILDING_REGISTRY = "housing/building_registry_20261120.tsv";
    private static final String RENTAL_REGISTRY = "housing/rental_registry_20261121.csv";
    private static final String RENTAL_REGISTRY_AGAIN = "housing/rental_registry_20261122.csv";
    private static final String FIELD = "grid/field_buildings_20261122.csv";
    private static final int DELIVERED_ROWS = 75 + 21 + 89;

    @TempDir
    static Path inbox;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("twofour.inbox", () -> inbox.toString());
        registry.add("twofour.chunk-size", () -> "20");
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
    @Qualifier("mergeBuildingsJob")
    Job mergeBuildingsJob;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TestDatabase database;

    @BeforeEach
    void cityMappedAndFeedsImported() throws Exception {
        database.clearData();
        deliver("public-security/standard_addresses_20261122.txt");
        jobs.setJob(loadGridsJob);
        assertThat(jobs.startJob(jobs.getUniqueJobParametersBuilder()
                .addString(LoadGridsParameters.DIVISIONS, SAMPLES.resolve("divisions.csv").toAbsolutePath().toString())
                .addString(LoadGridsParameters.GRIDS, SAMPLES.resolve("grids.geojson").toAbsolutePath().toString())
                .toJobParameters()).getStatus()).isEqualTo(BatchStatus.COMPLETED);
        jobs.setJob(loadAddressesJob);
        assertThat(jobs.startJob(jobs.getUniqueJobParametersBuilder()
                .addString(LoadAddressesParameters.FILE, "public-security/standard_addresses_20261122.txt")
                .toJobParameters()).getStatus()).isEqualTo(BatchStatus.COMPLETED);
        importFeed("building-registry", BUILDING_REGISTRY);
        importFeed("rental-registry", RENTAL_REGISTRY);
        importFeed("rental-registry", RENTAL_REGISTRY_AGAIN);
        importFeed("field-buildings", FIELD);
        jobs.setJob(mergeBuildingsJob);
    }

    @AfterEach
    void dropFailingTrigger() throws SQLException {
        database.stopInterfering("master.source_record");
    }

    @Test
    void everyDeliveredRowIsLinkedToOneGoldenRecordPerRealBuildingAndRentalHouse() throws Exception {
        JobExecution execution = jobs.startJob(jobs.getUniqueJobParameters());

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        Map<String, Object> score = BuildingMergeScore.score(jdbc, SAMPLES.resolve("truth"));
        assertThat((Double) score.get("building_precision")).isGreaterThanOrEqualTo(0.995);
        assertThat((Double) score.get("building_recall")).isGreaterThanOrEqualTo(0.98);
        assertThat((Double) score.get("rental_house_precision")).isGreaterThanOrEqualTo(0.995);
        assertThat((Double) score.get("rental_house_recall")).isGreaterThanOrEqualTo(0.98);
        assertThat((Double) score.get("grid_accuracy")).isGreaterThanOrEqualTo(0.98);
        assertThat(count("master.building")).isEqualTo(88);
        assertThat(count("master.rental_house")).isEqualTo(24);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM master.source_record WHERE feed = ANY (?::text[])", Integer.class,
                "{building-registry,rental-registry,field-buildings}")).isEqualTo(DELIVERED_ROWS - 3);
        assertThat(jdbc.queryForList("SELECT record_no || ':' || reason FROM ops.reject r JOIN ops.feed_file f ON f.id = r.file_id"
                + " WHERE f.feed = 'building-registry' ORDER BY record_no", String.class))
                .containsExactly("40:BAD_CITIZEN_ID_CHECK", "44:BAD_CITIZEN_ID_CHECK");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM master.building WHERE grid_code IS NULL", Integer.class)).isZero();
        assertThat(jdbc.queryForList("SELECT grid_method FROM master.building WHERE status = 'registered'", String.class))
                .containsOnly("ADDRESS_POINT");
    }

    @Test
    void theFieldFindsTheBuildingsAndRentalHousesTheRegistriesMiss() throws Exception {
        jobs.startJob(jobs.getUniqueJobParameters());

        Map<String, Object> score = BuildingMergeScore.score(jdbc, SAMPLES.resolve("truth"));
        for (String figure : List.of("buildings_field_only", "buildings_registry_only", "buildings_both",
                "rental_houses_field_only", "rental_houses_registry_only", "rental_houses_both")) {
            assertThat(score.get(figure)).as(figure).isEqualTo(score.get("expected_" + figure));
        }
        // 13 buildings the registry lacks, and 2 whose only registry row was rejected; 4 unregistered rental houses
        assertThat(score.get("buildings_field_only")).isEqualTo(15L);
        assertThat(score.get("rental_houses_field_only")).isEqualTo(4L);
        assertThat((Double) score.get("rental_houses_field_over_registry")).isGreaterThanOrEqualTo(1.168);
        assertThat(jdbc.queryForObject("SELECT sum(buildings_field_only) FROM master.building_coverage_by_grid", Long.class))
                .isEqualTo(15L);
    }

    @Test
    void mergingAgainChangesNothing() throws Exception {
        jobs.startJob(jobs.getUniqueJobParameters());
        List<String> buildings = snapshot("master.building");
        List<String> rentalHouses = snapshot("master.rental_house");
        int changes = count("master.change_log");
        int history = count("master.history");
        importFeed("field-buildings", FIELD);

        JobExecution again = jobs.startJob(jobs.getUniqueJobParameters());

        assertThat(again.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(snapshot("master.building")).isEqualTo(buildings);
        assertThat(snapshot("master.rental_house")).isEqualTo(rentalHouses);
        assertThat(count("master.change_log")).isEqualTo(changes);
        assertThat(count("master.history")).isEqualTo(history);
    }

    @Test
    void aMergeThatFailsHalfWayIsRestartedAndFinishesWithoutDoubling() throws Exception {
        failWhenFieldLineIsLinked(50);

        JobExecution failed = jobs.startJob(jobs.getUniqueJobParameters());

        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(count("master.source_record WHERE feed = 'field-buildings'")).isBetween(1, 48);
        dropFailingTrigger();
        JobExecution restarted = jobs.getJobOperator().restart(failed);

        assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(count("master.building")).isEqualTo(88);
        assertThat(count("master.rental_house")).isEqualTo(24);
        assertThat(count("master.source_record WHERE feed = ANY ('{building-registry,rental-registry,field-buildings}')"))
                .isEqualTo(DELIVERED_ROWS - 3);
        Map<String, Object> score = BuildingMergeScore.score(jdbc, SAMPLES.resolve("truth"));
        assertThat(score.get("building_precision")).isEqualTo(1.0);
        assertThat(score.get("rental_house_precision")).isEqualTo(1.0);
    }

    @Test
    void aRowAtNoStandardAddressAndWithoutAPointBecomesAReviewItem() throws Exception {
        String file = "housing/building_registry_20261121.tsv";
        Files.writeString(inbox.resolve(file), """
                房屋编号\t房屋坐落\t楼栋名称\t地上层数\t房屋用途\t产权人\t产权人证件号码\t登记日期\r
                FW44190000600199999\t莞城街道东正社区无名路99号1栋\t1栋\t2\t住宅\t张三\t\t2024/5/1\r
                """, Charset.forName("GBK"));
        importFeed("building-registry", file);

        jobs.startJob(jobs.getUniqueJobParameters());

        assertThat(jdbc.queryForList("SELECT r.record_no || ':' || r.reason FROM ops.reject r JOIN ops.feed_file f ON f.id = r.file_id"
                + " WHERE f.file_name = 'building_registry_20261121.tsv'", String.class)).containsExactly("2:ADDRESS_NOT_MATCHED");
        assertThat(jdbc.queryForList("SELECT i.entity || ':' || i.line_no || ':' || i.reason FROM master.review_item i"
                + " JOIN ops.feed_file f ON f.id = i.file_id WHERE f.file_name = 'building_registry_20261121.tsv'", String.class))
                .containsExactly("building:2:ADDRESS_NOT_MATCHED");
    }

    private void importFeed(String feed, String file) throws Exception {
        if (!Files.exists(inbox.resolve(file))) {
            deliver(file);
        }
        jobs.setJob(importFeedJob);
        JobExecution execution = jobs.startJob(jobs.getUniqueJobParametersBuilder()
                .addString(ImportFeedParameters.FEED, feed)
                .addString(ImportFeedParameters.FILE, file)
                .toJobParameters());
        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        jobs.setJob(mergeBuildingsJob);
    }

    private static void deliver(String file) throws IOException {
        Files.createDirectories(inbox.resolve(file).getParent());
        Files.copy(SAMPLES.resolve("feeds").resolve(file), inbox.resolve(file), StandardCopyOption.REPLACE_EXISTING);
    }

    private List<String> snapshot(String table) {
        return jdbc.queryForList("SELECT to_jsonb(t)::text FROM " + table + " t ORDER BY code", String.class);
    }

    private int count(String tableAndCondition) {
        return jdbc.queryForObject("SELECT count(*) FROM " + tableAndCondition, Integer.class);
    }

    private void failWhenFieldLineIsLinked(int line) throws SQLException {
        database.failWhen("master.source_record", "NEW.feed = 'field-buildings' AND NEW.line_no = " + line);
    }
}
