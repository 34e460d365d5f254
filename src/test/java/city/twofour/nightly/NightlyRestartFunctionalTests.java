package city.twofour.nightly;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import city.twofour.common.SampleCity;
import city.twofour.common.TestDatabase;
import org.junit.jupiter.api.AfterEach;
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
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The nightly run's restart guarantee on the tiny sample city: a night that fails half way through a step (the
 * database refuses a row, as a full disk would) and is restarted ends with the same master data, change feed, run
 * records and report as a night that ran through. Small chunks make "half way" mean after some committed chunks.
 */
@SpringBootTest
@SpringBatchTest
class NightlyRestartFunctionalTests {

    /** Normalises the ids of delivered files, which a sequence gives, out of a change reason. */
    private static final String REASON = "regexp_replace(%s, '[0-9]+', '#', 'g')";

    /**
     * What a night leaves behind, each as rows of text in a fixed order; ids and times that sequences and clocks give
     * are left out or replaced by what they stand for (a file id by the file's name).
     */
    private static final Map<String, String> NIGHT = new LinkedHashMap<>();

    static {
        for (String table : List.of("division", "grid", "address", "person", "building", "rental_house", "unit", "facility")) {
            NIGHT.put(table, """
                    SELECT (to_jsonb(t) - 'updated_at' - 'source_file_id' || jsonb_build_object('source_file_name', f.file_name))::text
                      FROM master.%s t LEFT JOIN ops.feed_file f ON f.id = (to_jsonb(t) ->> 'source_file_id')::bigint ORDER BY 1
                    """.formatted(table));
        }
        NIGHT.put("source_record", """
                SELECT concat_ws('|', f.file_name, s.line_no, s.entity, s.code, s.feed, s.source_key, s.match_rule, s.score)
                  FROM master.source_record s JOIN ops.feed_file f ON f.id = s.file_id ORDER BY 1
                """);
        NIGHT.put("review_item", """
                SELECT concat_ws('|', i.entity, i.code, f.file_name, i.line_no, i.reason, i.candidate_code, i.score)
                  FROM master.review_item i JOIN ops.feed_file f ON f.id = i.file_id ORDER BY 1
                """);
        NIGHT.put("history", "SELECT concat_ws('|', entity, code, %s, record - 'updated_at' - 'source_file_id') FROM master.history ORDER BY 1"
                .formatted(REASON.formatted("reason")));
        NIGHT.put("change feed", "SELECT concat_ws('|', entity, code, operation, %s) FROM master.changes ORDER BY 1"
                .formatted(REASON.formatted("reason")));
        NIGHT.put("change feed positions", """
                SELECT concat_ws('|', count(*), max(position), count(*) FILTER (WHERE position IS NULL)) FROM master.change_log
                """);
        NIGHT.put("feed_file", """
                SELECT concat_ws('|', feed, file_name, status, rows_read, rows_loaded, rows_merged, rows_rejected)
                  FROM ops.feed_file ORDER BY 1
                """);
        NIGHT.put("feed_delivery", """
                SELECT concat_ws('|', f.file_name, d.outcome) FROM ops.feed_delivery d JOIN ops.feed_file f ON f.id = d.file_id ORDER BY 1
                """);
        NIGHT.put("reject", """
                SELECT concat_ws('|', f.file_name, r.record_no, r.field, r.reason, r.message_zh, r.original)
                  FROM ops.reject r JOIN ops.feed_file f ON f.id = r.file_id ORDER BY 1
                """);
        NIGHT.put("feed_record", """
                SELECT concat_ws('|', f.file_name, r.line_no, r.fields) FROM staging.feed_record r JOIN ops.feed_file f ON f.id = r.file_id ORDER BY 1
                """);
    }

    private static Map<String, List<String>> uninterrupted;

    @TempDir
    static Path var;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("twofour.inbox", () -> var.resolve("inbox").toString());
        registry.add("twofour.archive", () -> var.resolve("archive").toString());
        registry.add("twofour.outbox", () -> var.resolve("outbox").toString());
        registry.add("twofour.import.chunk-size", () -> "100");
        registry.add("twofour.chunk-size", () -> "50");
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

    @AfterEach
    void dropFailingTriggers() throws SQLException {
        database.stopInterfering("staging.feed_record");
        database.stopInterfering("master.source_record");
    }

    @Test
    void aNightWhoseImportFailsHalfWayEndsOnRestartAsANightThatRanThrough() throws Exception {
        Map<String, List<String>> expected = uninterrupted();
        mapLoadedAndFeedsDelivered();
        database.failWhen("staging.feed_record", "NEW.line_no = 300 AND NEW.file_id = "
                + "(SELECT id FROM ops.feed_file WHERE file_name = 'floating_population_20261122.csv')");

        JobExecution failed = jobs.startJob(jobs.getUniqueJobParameters());

        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(jdbc.queryForObject("""
                SELECT count(*) FROM staging.feed_record r JOIN ops.feed_file f ON f.id = r.file_id
                 WHERE f.file_name = 'floating_population_20261122.csv'
                """, Integer.class)).as("rows of the chunks committed before the failure").isBetween(1, 297);
        restartedAfterTheCauseIsGone(failed, "staging.feed_record");

        assertSameNight(night(), expected);
    }

    @Test
    void aNightWhoseMergeFailsHalfWayEndsOnRestartAsANightThatRanThrough() throws Exception {
        Map<String, List<String>> expected = uninterrupted();
        mapLoadedAndFeedsDelivered();
        database.failWhen("master.source_record", "NEW.feed = 'field-people' AND NEW.line_no = 300");

        JobExecution failed = jobs.startJob(jobs.getUniqueJobParameters());

        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM master.source_record WHERE entity = 'person'", Integer.class))
                .as("rows of the chunks committed before the failure").isBetween(1, 1_102);
        restartedAfterTheCauseIsGone(failed, "master.source_record");

        assertSameNight(night(), expected);
    }

    private void restartedAfterTheCauseIsGone(JobExecution failed, String table) throws Exception {
        database.stopInterfering(table);
        JobExecution restarted = jobs.getJobOperator().restart(failed);
        assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
    }

    private static void assertSameNight(Map<String, List<String>> night, Map<String, List<String>> expected) {
        expected.forEach((what, rows) -> assertThat(night.get(what)).as(what).containsExactlyElementsOf(rows));
    }

    private Map<String, List<String>> uninterrupted() throws Exception {
        if (uninterrupted == null) {
            mapLoadedAndFeedsDelivered();
            assertThat(jobs.startJob(jobs.getUniqueJobParameters()).getStatus()).isEqualTo(BatchStatus.COMPLETED);
            uninterrupted = night();
        }
        return uninterrupted;
    }

    private void mapLoadedAndFeedsDelivered() throws Exception {
        database.clearData();
        jdbc.update("DELETE FROM ops.report_count");
        FileSystemUtils.deleteRecursively(var);
        SampleCity city = new SampleCity(jobs, jdbc, var.resolve("inbox"));
        city.loadMap(loadGridsJob);
        city.deliverAll();
        jobs.setJob(nightlyJob);
    }

    /** The night's master data, change feed and run records, what it wrote into the outbox and the files it left. */
    private Map<String, List<String>> night() throws IOException {
        Map<String, List<String>> night = new LinkedHashMap<>();
        NIGHT.forEach((what, sql) -> night.put(what, jdbc.queryForList(sql, String.class)));
        try (Stream<Path> files = Files.walk(var)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                String name = var.relativize(file).toString();
                night.put(name, name.startsWith("outbox")
                        ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of(String.valueOf(Files.size(file))));
            }
        }
        night.put("files", List.copyOf(night.keySet()));
        return night;
    }
}
