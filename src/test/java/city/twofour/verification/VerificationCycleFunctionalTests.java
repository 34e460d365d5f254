package city.twofour.verification;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import city.twofour.common.SampleCity;
import city.twofour.common.TestDatabase;
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
 * The declare-and-verify cycle end to end on the tiny sample city, as the nightly run makes it: the declarations
 * and discrepancies become tasks in the grids of their places, go out as packages, and the officers' results (from
 * the samples' ground truth) bring the records concerned to their true state; the closure rate is the hand count.
 */
@SpringBootTest
@SpringBatchTest
class VerificationCycleFunctionalTests {

    private static final Path SAMPLES = SampleCity.SAMPLES;
    private static final String RESULTS = "grid/verification_results_20261122.csv";

    @TempDir
    static Path var;

    @DynamicPropertySource
    static void folders(DynamicPropertyRegistry registry) {
        registry.add("twofour.inbox", () -> var.resolve("inbox").toString());
        registry.add("twofour.archive", () -> var.resolve("archive").toString());
        registry.add("twofour.outbox", () -> var.resolve("outbox").toString());
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
    void mapLoadedAndEveryFeedDelivered() throws Exception {
        database.clearData();
        SampleCity city = new SampleCity(jobs, jdbc, var.resolve("inbox"));
        city.loadMap(loadGridsJob);
        city.deliverAll();
        jobs.setJob(nightlyJob);
    }

    @Test
    void everyDeclarationBecomesATaskInTheGridOfItsPlaceAndGoesOutInThatGridsPackage() throws Exception {
        night();

        Set<String> rejected = expectedRejects("DECLARATION");
        int declarations = 0;
        for (Map<String, String> declaration : SampleCity.truth("declarations.csv")) {
            if (rejected.contains(declaration.get("declaration_no"))) {
                continue;
            }
            declarations++;
            Map<String, Object> task = jdbc.queryForMap("""
                    SELECT code, grid_code, package FROM master.verification_task WHERE ? = ANY (declarations)
                    """, declaration.get("declaration_no"));
            assertThat(task.get("grid_code")).as(declaration.get("declaration_no")).isEqualTo(declaration.get("grid_code"));
            Path tasks = var.resolve("outbox").resolve((String) task.get("package")).resolve("tasks.csv");
            assertThat(Files.readString(tasks, StandardCharsets.UTF_8)).contains((String) task.get("code"));
            assertThat(task.get("package").toString()).endsWith(declaration.get("grid_code"));
        }
        assertThat(declarations).isGreaterThan(20);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM master.verification_task WHERE origin = 'DECLARATION'",
                Integer.class)).isEqualTo(declarations);
        Path anyPackage = Path.of(jdbc.queryForObject("SELECT min(package) FROM master.verification_task", String.class));
        assertThat(Files.readString(var.resolve("outbox").resolve(anyPackage).resolve("places.geojson")))
                .contains("\"FeatureCollection\"", "\"Point\"");
        assertThat(Files.readAllLines(var.resolve("outbox").resolve(anyPackage).resolve("officers.csv"))).hasSizeGreaterThan(1);
    }

    @Test
    void theOfficersResultsBringTheRecordsConcernedToTheirTrueState() throws Exception {
        night();

        List<String> checked = recordsAgainstTruth();

        assertThat(checked).hasSizeGreaterThan(15);
        assertThat(jdbc.queryForList("SELECT code FROM master.verification_task WHERE state = 'verified'")).isEmpty();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM master.history WHERE reason LIKE 'verification-cycle: task %'",
                Integer.class)).isPositive();
    }

    @Test
    void theClosureRateIsTheHandCount() throws Exception {
        night();

        Set<String> rejectedDeclarations = expectedRejects("DECLARATION");
        Set<String> rejectedResults = expectedRejects("VERIFICATION");
        Set<String> closed = new HashSet<>();
        for (Map<String, String> row : SampleCity.truth("feed_rows.csv")) {
            if (row.get("entity_kind").equals("VERIFICATION") && row.get("expected_reason").isEmpty()
                    && !rejectedDeclarations.contains(row.get("entity_id")) && !rejectedResults.contains(row.get("entity_id"))) {
                closed.add(row.get("entity_id"));
            }
        }
        long declarations = SampleCity.truth("declarations.csv").stream()
                .filter(d -> !rejectedDeclarations.contains(d.get("declaration_no"))).count();
        Integer registeredOnly = jdbc.queryForObject(
                "SELECT count(*) FROM master.building WHERE sources = '{building-registry}'", Integer.class);
        Integer reviews = jdbc.queryForObject("SELECT count(*) FROM master.review_item", Integer.class);
        Integer unmatched = jdbc.queryForObject("""
                SELECT (SELECT count(*) FROM master.person WHERE address_code IS NULL)
                     + (SELECT count(*) FROM master.unit WHERE address_code IS NULL)
                """, Integer.class);
        long opened = declarations + registeredOnly + reviews + unmatched;

        Map<String, Object> city = jdbc.queryForMap("SELECT * FROM master.verification_progress WHERE level = 'city'");

        assertThat(((Number) city.get("opened")).longValue()).isEqualTo(opened);
        assertThat(((Number) city.get("closed")).longValue()).isEqualTo(closed.size());
        assertThat(((Number) city.get("closure_rate")).doubleValue())
                .isCloseTo((double) closed.size() / opened, org.assertj.core.data.Offset.offset(0.0001));
        assertThat(jdbc.queryForObject("SELECT sum(closed) FROM master.verification_progress WHERE level = 'grid'",
                Long.class)).isEqualTo(closed.size());
    }

    @Test
    void theSameResultsDeliveredAgainChangeNothing() throws Exception {
        night();
        long changes = count("master.change_log");
        long versions = count("master.history");
        Path again = var.resolve("inbox").resolve("grid/verification_results_20261123.csv");
        List<String> lines = new ArrayList<>(Files.readAllLines(SAMPLES.resolve("feeds").resolve(RESULTS)));
        List<String> reversed = new ArrayList<>(lines.subList(1, lines.size()));
        java.util.Collections.reverse(reversed);
        reversed.add(0, lines.get(0));
        Files.write(again, reversed, StandardCharsets.UTF_8);

        night();

        assertThat(count("master.change_log")).isEqualTo(changes);
        assertThat(count("master.history")).isEqualTo(versions);
        assertThat(jdbc.queryForObject("""
                SELECT count(*) FROM master.source_record s JOIN ops.feed_file f ON f.id = s.file_id
                 WHERE f.file_name = 'verification_results_20261123.csv' AND s.match_rule = 'SAME_RESULT'
                """, Integer.class)).isPositive();
    }

    @Test
    void aCrashBetweenCheckingAndApplyingTheResultsLosesNothingOnRestart() throws Exception {
        String victim = "RW" + firstDeclarationWithResult().substring(2);
        database.failWhen("master.verification_task", "NEW.state = 'applied' AND NEW.code = '" + victim + "'");
        JobExecution failed = jobs.startJob(jobs.getUniqueJobParameters());
        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM master.verification_task WHERE state = 'verified'",
                Integer.class)).isPositive();

        database.stopInterfering("master.verification_task");
        JobExecution restarted = jobs.getJobOperator().start(nightlyJob, failed.getJobParameters());

        assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(recordsAgainstTruth()).hasSizeGreaterThan(15);
        assertThat(jdbc.queryForObject("SELECT state FROM master.verification_task WHERE code = ?", String.class, victim))
                .isIn("applied", "rejected");
    }

    private void night() throws Exception {
        JobExecution night = jobs.startJob(jobs.getUniqueJobParameters());
        assertThat(night.getStatus()).isEqualTo(BatchStatus.COMPLETED);
    }

    private long count(String table) {
        return jdbc.queryForObject("SELECT count(*) FROM " + table, Long.class);
    }

    /** The truth ids of the rows of one kind that the samples expect to be rejected. */
    private static Set<String> expectedRejects(String kind) throws IOException {
        Set<String> ids = new HashSet<>();
        for (Map<String, String> row : SampleCity.truth("feed_rows.csv")) {
            if (row.get("entity_kind").equals(kind) && !row.get("expected_reason").isEmpty()) {
                ids.add(row.get("entity_id"));
            }
        }
        return ids;
    }

    private static String firstDeclarationWithResult() throws IOException {
        return SampleCity.truth("feed_rows.csv").stream()
                .filter(r -> r.get("entity_kind").equals("VERIFICATION") && r.get("expected_reason").isEmpty())
                .map(r -> r.get("entity_id")).sorted().findFirst().orElseThrow();
    }

    /**
     * Compares each record a verified declaration concerns with its truth: status, and the address of a person or
     * unit, the floors of a building, the type of a facility. Returns the declarations compared.
     */
    private List<String> recordsAgainstTruth() throws IOException {
        Map<String, Map<String, String>> people = byKey("people.csv", "citizen_id");
        Map<String, Map<String, String>> units = byKey("units.csv", "credit_code");
        Map<String, Map<String, String>> buildings = byKey("buildings.csv", "building_code");
        Map<String, Map<String, String>> facilities = byKey("facilities.csv", "facility_id");
        List<String> compared = new ArrayList<>();
        for (Map<String, String> declaration : SampleCity.truth("declarations.csv")) {
            String state = jdbc.queryForList("SELECT state FROM master.verification_task WHERE ? = ANY (declarations)",
                    String.class, declaration.get("declaration_no")).stream().findFirst().orElse("none");
            if (!state.equals("applied") && !state.equals("rejected")) {
                continue;
            }
            String key = declaration.get("entity_key");
            String what = declaration.get("declaration_no") + " " + declaration.get("type");
            switch (declaration.get("type")) {
                case "租客入住", "租客退租", "人员迁出" -> {
                    Map<String, String> truth = people.get(key);
                    List<Map<String, Object>> person = jdbc.queryForList(
                            "SELECT status, address_code FROM master.person WHERE code = ?", key);
                    if (truth.get("status").equals("RESIDENT")) {
                        assertThat(person).as(what).singleElement().isEqualTo(Map.of("status", "resident",
                                "address_code", truth.get("address_code")));
                    } else {
                        // a registration the police had already closed leaves nobody to move out
                        assertThat(person).as(what).allMatch(p -> p.get("status").equals("moved_out"));
                    }
                }
                case "新开业", "歇业" -> {
                    Map<String, String> truth = units.get(key);
                    Map<String, Object> unit = jdbc.queryForMap("SELECT status, address_code FROM master.unit WHERE code = ?", key);
                    assertThat(unit.get("status")).as(what).isEqualTo(lower(truth.get("status")));
                    assertThat(unit.get("address_code")).as(what).isEqualTo(truth.get("address_code"));
                }
                case "新建房屋", "房屋拆除" -> {
                    Map<String, String> truth = buildings.get(key);
                    Map<String, Object> building = jdbc.queryForMap("SELECT status, floors FROM master.building WHERE code = ?",
                            "B" + truth.get("address_code"));
                    assertThat(building.get("status")).as(what).isEqualTo(lower(truth.get("status")));
                    assertThat(String.valueOf(building.get("floors"))).as(what).isEqualTo(truth.get("floors"));
                }
                case "新增设施", "设施损坏" -> {
                    Map<String, String> truth = facilities.get(declaration.get("entity_id"));
                    Map<String, Object> facility = jdbc.queryForMap("SELECT status, type FROM master.facility WHERE code = ?", key);
                    assertThat(facility.get("status")).as(what).isEqualTo(lower(truth.get("status")));
                    assertThat(facility.get("type")).as(what).isEqualTo(lower(truth.get("type")));
                }
                default -> {
                    continue;
                }
            }
            compared.add(what);
        }
        return compared;
    }

    private static Map<String, Map<String, String>> byKey(String file, String column) throws IOException {
        Map<String, Map<String, String>> rows = new HashMap<>();
        for (Map<String, String> row : SampleCity.truth(file)) {
            rows.put(row.get(column), row);
        }
        return rows;
    }

    private static String lower(String value) {
        return value.toLowerCase(Locale.ROOT);
    }
}
