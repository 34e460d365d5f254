package city.twofour.facility;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import city.twofour.common.SampleCity;
import city.twofour.common.TestDatabase;
import city.twofour.facility.internal.FacilityWriter;
import city.twofour.feed.PendingRecord;
import city.twofour.grid.LonLat;
import city.twofour.unit.PairwiseScore;
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
 * merge-facilities on the committed tiny sample city: cameras (CGCS2000), hydrants (GCJ-02, one empty file) and
 * city-management parts (BD-09) end up in the facility the truth gives them, in the right grid, points on grid
 * vertices included; a second run changes nothing; a run that fails half way resumes without doubling anything.
 */
@SpringBootTest
@SpringBatchTest
@TestPropertySource(properties = "twofour.chunk-size=10")
class MergeFacilitiesFunctionalTests {

    private static final Map<String, String> FILES = Map.of(
            "public-security/cameras_20261122.csv", "cameras",
            "fire/hydrants_20261121.csv", "hydrants",
            "fire/hydrants_20261122.csv", "hydrants",
            "city-management/city_parts_20261122.csv", "city-management-parts");
    private static final int MERGED_ROWS = 49 + 28 + 283;
    private static final int FACILITIES = MERGED_ROWS - 6;

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
    @Qualifier("importFeedJob")
    Job importFeedJob;

    @Autowired
    @Qualifier("mergeFacilitiesJob")
    Job mergeFacilitiesJob;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TestDatabase database;

    SampleCity city;

    @BeforeEach
    void mapLoadedAndFacilityFeedsImported() throws Exception {
        database.clearData();
        city = new SampleCity(jobs, jdbc, inbox);
        city.loadMap(loadGridsJob);
        importFacilityFeeds();
    }

    @AfterEach
    void noFailingTrigger() throws Exception {
        database.stopInterfering("master.facility");
    }

    @Test
    void duplicatesMergeIntoTheirTrueFacilityWithPrecisionAndRecallAboveTarget() throws Exception {
        city.run(mergeFacilitiesJob, Map.of());

        PairwiseScore score = PairwiseScore.of(city.mergedRowsWithTruth("facility"));
        assertThat(score.truePairs()).isPositive();
        assertThat(score.precision()).isGreaterThanOrEqualTo(0.995);
        assertThat(score.recall()).isGreaterThanOrEqualTo(0.98);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM master.source_record WHERE entity = 'facility'", Integer.class))
                .isEqualTo(MERGED_ROWS);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM master.facility", Integer.class)).isEqualTo(FACILITIES);
        assertThat(jdbc.queryForList("SELECT DISTINCT type FROM master.facility", String.class))
                .containsExactlyInAnyOrder("camera", "fire_hydrant", "street_lamp", "manhole_cover", "waste_bin");
    }

    @Test
    void everyFacilityLiesInItsTrueGridAndPointsOnGridVerticesFollowTheLowestCodeRule() throws Exception {
        city.run(mergeFacilitiesJob, Map.of());

        Map<String, Map<String, String>> truth = new HashMap<>();
        SampleCity.truth("facilities.csv").forEach(f -> truth.put(f.get("facility_id"), f));
        int onBoundary = 0;
        List<String[]> rows = city.mergedRowsWithTruth("facility");
        for (String[] row : rows) {
            Map<String, String> expected = truth.get(row[1]);
            onBoundary += expected.get("on_boundary").equals("Y") ? 1 : 0;
            assertThat(jdbc.queryForObject("SELECT grid_code FROM master.facility WHERE code = ?", String.class, row[0]))
                    .as("grid of %s (truth %s)", row[0], row[1]).isEqualTo(expected.get("grid_code"));
        }
        assertThat(onBoundary).isPositive();
    }

    @Test
    void mergingAgainChangesNothing() throws Exception {
        city.run(mergeFacilitiesJob, Map.of());
        List<Map<String, Object>> before = jdbc.queryForList("SELECT * FROM master.facility ORDER BY code");
        int changes = jdbc.queryForObject("SELECT count(*) FROM master.change_log", Integer.class);

        importFacilityFeeds();
        city.run(mergeFacilitiesJob, Map.of());

        assertThat(jdbc.queryForList("SELECT * FROM master.facility ORDER BY code")).isEqualTo(before);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM master.change_log", Integer.class)).isEqualTo(changes);
    }

    @Test
    void aMergeThatFailsHalfWayResumesWithoutDoubling() throws Exception {
        failWhenFacilityIsWritten("4419000401006005000030");
        jobs.setJob(mergeFacilitiesJob);
        JobExecution failed = jobs.startJob(jobs.getUniqueJobParametersBuilder().toJobParameters());
        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM master.source_record WHERE entity = 'facility'", Integer.class))
                .isBetween(10, MERGED_ROWS - 10);

        noFailingTrigger();
        JobExecution restarted = jobs.getJobOperator().restart(failed);

        assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM master.source_record WHERE entity = 'facility'", Integer.class))
                .isEqualTo(MERGED_ROWS);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM master.facility", Integer.class)).isEqualTo(FACILITIES);
        assertThat(PairwiseScore.of(city.mergedRowsWithTruth("facility")).recall()).isEqualTo(1.0);
    }

    @Test
    void theSameFacilityFromAnotherDepartmentAFewDecimetresAwayJoinsItsRecord() throws Exception {
        city.run(mergeFacilitiesJob, Map.of());
        Map<String, Object> hydrant = jdbc.queryForMap(
                "SELECT code, ST_X(geom) AS lon, ST_Y(geom) AS lat FROM master.facility WHERE type = 'fire_hydrant' ORDER BY code LIMIT 1");
        String part = "4419000301006099000001,消火栓,消火栓,莞城,%.7f,%.7f,完好,2026.01.02".formatted(
                (Double) hydrant.get("lon") + 0.000005, hydrant.get("lat"));
        Path file = inbox.resolve("city-management/city_parts_20261123.csv");
        java.nio.file.Files.write(file, List.of("部件标识码,部件名称,部件小类,所在位置,X坐标,Y坐标,部件状态,普查日期", part),
                java.nio.charset.Charset.forName("GB18030"));
        // the test writes CGCS2000 coordinates into a BD-09 feed, so the expected place is where import-feed puts it
        city.run(importFeedJob, Map.of("feed", "city-management-parts", "file", "city-management/city_parts_20261123.csv"));
        Map<String, Object> converted = jdbc.queryForMap("""
                SELECT staging.field_value(r.fields, f.fields, 'longitude')::float8 AS lon,
                       staging.field_value(r.fields, f.fields, 'latitude')::float8 AS lat
                  FROM staging.feed_record r JOIN ops.feed_file f ON f.id = r.file_id WHERE f.file_name = 'city_parts_20261123.csv'""");
        jdbc.update("UPDATE master.facility SET geom = ST_SetSRID(ST_MakePoint(?, ?), 4490) WHERE code = ?",
                (Double) converted.get("lon") + 0.000005, converted.get("lat"), hydrant.get("code"));

        city.run(mergeFacilitiesJob, Map.of());

        Map<String, Object> link = jdbc.queryForMap("""
                SELECT s.code, s.match_rule, s.score FROM master.source_record s JOIN ops.feed_file f ON f.id = s.file_id
                 WHERE f.file_name = 'city_parts_20261123.csv'""");
        assertThat(link.get("code")).isEqualTo(hydrant.get("code"));
        assertThat(link.get("match_rule")).isEqualTo("SAME_PLACE");
        assertThat((Double) link.get("score")).isBetween(0.5, 1.0);
    }

    @Test
    void oneFacilityFromTwoDepartmentsInOneChunkIsOneRecordButTwoCodesOfOneDepartmentStayTwo() {
        long fileId = jdbc.queryForObject("SELECT id FROM ops.feed_file WHERE feed = 'cameras'", Long.class);

        new FacilityWriter(jdbc).write(Chunk.of(
                camera(fileId, 9001, "cameras", "C1", 114.05),
                camera(fileId, 9002, "city-management-parts", "P1", 114.05001),
                camera(fileId, 9003, "cameras", "C2", 114.05001)));

        assertThat(jdbc.queryForList("SELECT line_no || ':' || code || ':' || match_rule FROM master.source_record"
                + " WHERE line_no > 9000 ORDER BY line_no", String.class))
                .containsExactly("9001:C1:NEW_FACILITY", "9002:C1:SAME_PLACE", "9003:C2:NEW_FACILITY");
    }

    private static DeliveredFacility camera(long fileId, int line, String feed, String code, double lon) {
        PendingRecord row = new PendingRecord(fileId, line, feed, Map.of("code", code), code);
        return new DeliveredFacility(row, code, FacilityType.CAMERA, null, null, new LonLat(lon, 23.1), null, null, false,
                "市公安局", 1);
    }

    private void importFacilityFeeds() throws Exception {
        for (Map.Entry<String, String> file : FILES.entrySet()) {
            city.importFeed(importFeedJob, file.getValue(), file.getKey());
        }
    }

    private void failWhenFacilityIsWritten(String code) throws Exception {
        database.failWhen("master.facility", "NEW.code = '" + code + "'");
    }
}
