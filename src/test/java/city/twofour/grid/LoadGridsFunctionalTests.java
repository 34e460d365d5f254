package city.twofour.grid;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import city.twofour.common.TestDatabase;
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
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

@SpringBootTest
@SpringBatchTest
@TestPropertySource(properties = "twofour.chunk-size=2")
class LoadGridsFunctionalTests {

    private static final Path FIXTURES = Path.of("src/test/resources/grid");

    @Autowired
    JobOperatorTestUtils jobs;

    @Autowired
    @Qualifier("loadGridsJob")
    Job loadGridsJob;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TestDatabase database;

    @BeforeEach
    void emptyDatabase() {
        database.clearData();
        jobs.setJob(loadGridsJob);
    }

    @AfterEach
    void dropFailingTrigger() throws SQLException {
        database.stopInterfering("staging.grid_candidate");
    }

    @Test
    void loadsGoodGridsAndRejectsEachBadFeatureWithItsReason() throws Exception {
        JobExecution execution = jobs.startJob(parameters("grids.geojson"));

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(jdbc.queryForList("SELECT code FROM master.grid ORDER BY code", String.class)).containsExactly(
                "441900006001001", "441900006001002", "441900006002001", "441900006002002", "441900006003001");
        assertThat(rejectReasons("grids")).containsOnly(
                entry(6, "DUPLICATE_CODE"), entry(7, "GEOMETRY_INVALID"), entry(8, "UNKNOWN_VILLAGE"),
                entry(9, "GEOMETRY_MISSING"), entry(10, "GEOMETRY_NOT_POLYGONAL"), entry(11, "COORDINATE_OUTSIDE_CITY"),
                entry(12, "MISSING_REQUIRED_FIELD"), entry(13, "TOWN_MISMATCH"));
        assertThat(rejectReasons("divisions")).containsOnly(
                entry(6, "BAD_CODE"), entry(7, "UNKNOWN_PARENT"), entry(8, "BAD_VALUE"));
        assertThat(jdbc.queryForList("SELECT DISTINCT job_execution_id FROM ops.reject", Long.class))
                .containsExactly(execution.getId());
        assertThat(jdbc.queryForObject("SELECT srid FROM geometry_columns WHERE f_table_name = 'grid'", Integer.class))
                .isEqualTo(4490);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM master.grid WHERE town_code = '441900006' AND area_m2 > 1e6",
                Integer.class)).isEqualTo(5);
    }

    @Test
    void loadingTheSameFilesAgainChangesNothing() throws Exception {
        jobs.startJob(parameters("grids.geojson"));
        List<Map<String, Object>> gridsBefore = jdbc.queryForList("SELECT * FROM master.grid ORDER BY code");
        List<Map<String, Object>> divisionsBefore = jdbc.queryForList("SELECT * FROM master.division ORDER BY code");

        JobExecution again = jobs.startJob(parameters("grids.geojson"));

        assertThat(again.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(jdbc.queryForList("SELECT * FROM master.grid ORDER BY code")).isEqualTo(gridsBefore);
        assertThat(jdbc.queryForList("SELECT * FROM master.division ORDER BY code")).isEqualTo(divisionsBefore);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM ops.reject", Integer.class)).isEqualTo(11);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM staging.grid_feature", Integer.class)).isEqualTo(13);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM ops.feed_file", Integer.class)).isEqualTo(2);
    }

    @Test
    void rejectsFeaturesOfAFileInAnotherCoordinateSystem() throws Exception {
        JobExecution execution = jobs.startJob(parameters("grids-web-mercator.geojson"));

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(rejectReasons("grids")).containsOnly(entry(1, "WRONG_SRID"));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM master.grid", Integer.class)).isZero();
    }

    @Test
    void aJobThatFailsHalfWayIsRestartedAndFinishesWithoutDuplicates() throws Exception {
        failWhenGridIsWritten("441900006002002");
        JobParameters parameters = parameters("grids.geojson");

        JobExecution failed = jobs.startJob(parameters);

        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM staging.grid_candidate", Integer.class)).isBetween(1, 4);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM master.grid", Integer.class)).isZero();

        dropFailingTrigger();
        JobExecution restarted = jobs.getJobOperator().restart(failed);

        assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM master.grid", Integer.class)).isEqualTo(5);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM staging.grid_feature", Integer.class)).isEqualTo(13);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM staging.grid_candidate", Integer.class)).isEqualTo(5);
        assertThat(rejectReasons("grids")).hasSize(8);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM ops.feed_file", Integer.class)).isEqualTo(2);
    }

    @Test
    void aLayerWithOverlapsOrGapsIsRefusedWithEachProblemRecorded() throws Exception {
        JobExecution execution = jobs.startJob(parameters("grids-not-tiling.geojson"));

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM master.grid", Integer.class)).isZero();
        assertThat(jdbc.queryForList("SELECT kind || ':' || array_to_string(grid_codes, ',') FROM ops.grid_topology_issue ORDER BY kind",
                String.class)).containsExactly(
                "GAP:441900006001001,441900006001002,441900006001003,441900006001004,441900006001005,441900006001006,441900006001007,441900006001008",
                "OVERLAP:441900006002001,441900006002002");
        assertThat(jdbc.queryForObject("SELECT round(area_m2 / 1e4) FROM ops.grid_topology_issue WHERE kind = 'GAP'", Double.class))
                .isEqualTo(113.0);
    }

    @Test
    void aGridApartFromTheOtherGridsOfItsVillageIsReportedButLoaded() throws Exception {
        JobExecution execution = jobs.startJob(parameters("grids-detached.geojson"));

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(jdbc.queryForList("SELECT kind || ':' || array_to_string(grid_codes, ',') FROM ops.grid_topology_issue",
                String.class)).containsExactly("OUTSIDE_VILLAGE:441900006001003");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM master.grid", Integer.class)).isEqualTo(3);
    }

    @Test
    void aLayerWithOverlapsIsLoadedWhenTheDataOfficerAcceptsIt() throws Exception {
        JobExecution execution = jobs.startJob(new org.springframework.batch.core.job.parameters.JobParametersBuilder(
                parameters("grids-not-tiling.geojson")).addString(LoadGridsParameters.ACCEPT_TOPOLOGY, "true").toJobParameters());

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM master.grid", Integer.class)).isEqualTo(10);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM ops.grid_topology_issue", Integer.class)).isEqualTo(2);
    }

    @Test
    void loadsAShapefileAsTheSameGridsDeliveredAsGeoJson() throws Exception {
        JobExecution fromGeoJson = jobs.startJob(parameters("shapefile/grids.geojson"));
        List<Map<String, Object>> gridsFromGeoJson = gridsAsLoaded();
        Map<Integer, String> rejectsFromGeoJson = rejectReasons("grids");
        database.clearData();

        JobExecution fromShapefile = jobs.startJob(parameters("shapefile/grids.shp"));

        assertThat(fromGeoJson.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(fromShapefile.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(gridsAsLoaded()).hasSize(5).isEqualTo(gridsFromGeoJson);
        assertThat(rejectReasons("grids")).isEqualTo(rejectsFromGeoJson)
                .containsOnly(entry(6, "GEOMETRY_MISSING"), entry(7, "UNKNOWN_VILLAGE"));
        assertThat(jdbc.queryForObject("SELECT name FROM master.grid WHERE code = '441900006003001'", String.class))
                .isEqualTo("北隅第1网格");
    }

    @Test
    void rejectsTheFeaturesOfAShapefileInProjectedCoordinates() throws Exception {
        JobExecution execution = jobs.startJob(parameters("shapefile/grids-gauss-kruger.shp"));

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(rejectReasons("grids")).containsOnly(entry(1, "WRONG_SRID"));
        assertThat(jdbc.queryForObject("SELECT message_en FROM ops.reject WHERE reason = 'WRONG_SRID'", String.class))
                .contains("CGCS2000_3_Degree_GK_CM_114E");
    }

    @Test
    void aShapefileWhoseAttributesAloneWereCorrectedIsANewDelivery(@TempDir Path folder) throws Exception {
        for (String part : List.of("grids.shp", "grids.shx", "grids.dbf", "grids.prj", "grids.cpg")) {
            Files.copy(FIXTURES.resolve("shapefile").resolve(part), folder.resolve(part));
        }
        jobs.startJob(parameters(folder.resolve("grids.shp")));
        // the village code field, followed by the empty town code; the grid code 441900006099001 stays
        replaceInFile(folder.resolve("grids.dbf"), "441900006099 ", "441900006003 ");

        JobExecution corrected = jobs.startJob(parameters(folder.resolve("grids.shp")));

        assertThat(corrected.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(jdbc.queryForObject("SELECT village_code FROM master.grid WHERE code = '441900006099001'", String.class))
                .isEqualTo("441900006003");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM ops.feed_file WHERE feed = 'grids'", Integer.class))
                .isEqualTo(2);
    }

    private void failWhenGridIsWritten(String code) throws SQLException {
        database.failWhen("staging.grid_candidate", "NEW.code = '" + code + "'");
    }

    private JobParameters parameters(String gridsFile) {
        return parameters(FIXTURES.resolve(gridsFile));
    }

    private JobParameters parameters(Path gridsFile) {
        return jobs.getUniqueJobParametersBuilder()
                .addString(LoadGridsParameters.DIVISIONS, FIXTURES.resolve("divisions.csv").toAbsolutePath().toString())
                .addString(LoadGridsParameters.GRIDS, gridsFile.toAbsolutePath().toString())
                .toJobParameters();
    }

    /** The grids as loaded, apart from where they came from; polygons normalised, as ring orientation differs by format. */
    private List<Map<String, Object>> gridsAsLoaded() {
        return jdbc.queryForList("""
                SELECT code, name, village_code, town_code, ST_AsText(ST_Normalize(geom)) AS geom, round(area_m2) AS area_m2
                  FROM master.grid ORDER BY code
                """);
    }

    /** Replaces text of the same length in a file's bytes. */
    private static void replaceInFile(Path file, String text, String replacement) throws IOException {
        String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        Files.write(file, bytes.replace(text, replacement).getBytes(StandardCharsets.ISO_8859_1));
    }

    private Map<Integer, String> rejectReasons(String feed) {
        Map<Integer, String> reasons = new java.util.TreeMap<>();
        jdbc.query("""
                SELECT r.record_no, r.reason FROM ops.reject r JOIN ops.feed_file f ON f.id = r.file_id WHERE f.feed = ?
                """, rs -> {
            reasons.put(rs.getInt("record_no"), rs.getString("reason"));
        }, feed);
        return reasons;
    }
}
