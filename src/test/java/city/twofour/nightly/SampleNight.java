package city.twofour.nightly;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import city.twofour.common.SampleCity;
import city.twofour.common.TestDatabase;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The night of the tiny sample city as the restart tests see it: the map loaded and every feed delivered into an
 * inbox under a folder of the test's own, and what the night leaves behind, to compare an interrupted night with one
 * that ran through. Small chunks make "half way" mean after some committed chunks.
 */
final class SampleNight {

    /** Normalises the ids of delivered files, which a sequence gives, out of a change reason. */
    private static final String REASON = "regexp_replace(%s, '[0-9]+', '#', 'g')";

    /**
     * A verification task without the times the clock gives: when it went out and closed, and when a discrepancy
     * (not a declaration, whose time is declared) was found.
     */
    private static final String TASK_WITHOUT_CLOCK_TIMES = """
            %1$s - 'updated_at' - 'dispatched_at' - 'closed_at'
                 - CASE WHEN %1$s ->> 'origin' = 'DECLARATION' THEN '' ELSE 'opened_at' END""";

    /**
     * What a night leaves behind, each as rows of text in a fixed order; ids and times that sequences and clocks give
     * are left out or replaced by what they stand for (a file id by the file's name).
     */
    private static final Map<String, String> LEFT_BEHIND = new LinkedHashMap<>();

    static {
        for (String table : List.of("division", "grid", "address", "person", "building", "rental_house", "unit", "facility",
                "grid_officer")) {
            LEFT_BEHIND.put(table, """
                    SELECT (to_jsonb(t) - 'updated_at' - 'source_file_id' || jsonb_build_object('source_file_name', f.file_name))::text
                      FROM master.%s t LEFT JOIN ops.feed_file f ON f.id = (to_jsonb(t) ->> 'source_file_id')::bigint ORDER BY 1
                    """.formatted(table));
        }
        LEFT_BEHIND.put("source_record", """
                SELECT concat_ws('|', f.file_name, s.line_no, s.entity, s.code, s.feed, s.source_key, s.match_rule, s.score)
                  FROM master.source_record s JOIN ops.feed_file f ON f.id = s.file_id ORDER BY 1
                """);
        LEFT_BEHIND.put("review_item", """
                SELECT concat_ws('|', i.entity, i.code, f.file_name, i.line_no, i.reason, i.candidate_code, i.score)
                  FROM master.review_item i JOIN ops.feed_file f ON f.id = i.file_id ORDER BY 1
                """);
        LEFT_BEHIND.put("verification_task", "SELECT (%s)::text FROM master.verification_task t ORDER BY 1"
                .formatted(TASK_WITHOUT_CLOCK_TIMES.formatted("to_jsonb(t)")));
        LEFT_BEHIND.put("history", "SELECT concat_ws('|', entity, code, %s, %s) FROM master.history ORDER BY 1"
                .formatted(REASON.formatted("reason"), TASK_WITHOUT_CLOCK_TIMES.formatted("record - 'updated_at' - 'source_file_id'")));
        LEFT_BEHIND.put("change feed", "SELECT concat_ws('|', entity, code, operation, %s) FROM master.changes ORDER BY 1"
                .formatted(REASON.formatted("reason")));
        LEFT_BEHIND.put("change feed positions", """
                SELECT concat_ws('|', count(*), max(position), count(*) FILTER (WHERE position IS NULL)) FROM master.change_log
                """);
        LEFT_BEHIND.put("feed_file", """
                SELECT concat_ws('|', feed, file_name, status, rows_read, rows_loaded, rows_merged, rows_rejected)
                  FROM ops.feed_file ORDER BY 1
                """);
        LEFT_BEHIND.put("feed_delivery", """
                SELECT concat_ws('|', f.file_name, d.outcome) FROM ops.feed_delivery d JOIN ops.feed_file f ON f.id = d.file_id ORDER BY 1
                """);
        LEFT_BEHIND.put("reject", """
                SELECT concat_ws('|', f.file_name, r.record_no, r.field, r.reason, r.message_zh, r.original)
                  FROM ops.reject r JOIN ops.feed_file f ON f.id = r.file_id ORDER BY 1
                """);
        LEFT_BEHIND.put("feed_record", """
                SELECT concat_ws('|', f.file_name, r.line_no, r.fields) FROM staging.feed_record r JOIN ops.feed_file f ON f.id = r.file_id ORDER BY 1
                """);
    }

    /** The night that ran through: the same for every test of this JVM, so it is made once. */
    private static Map<String, List<String>> uninterrupted;

    private final JobOperatorTestUtils jobs;
    private final JdbcTemplate jdbc;
    private final TestDatabase database;
    private final Job loadGridsJob;
    private final Job nightlyJob;
    private final Path var;

    /** @param var the folder of the night's inbox, archive and outbox; it is emptied before each night */
    SampleNight(JobOperatorTestUtils jobs, JdbcTemplate jdbc, TestDatabase database, Job loadGridsJob, Job nightlyJob, Path var) {
        this.jobs = jobs;
        this.jdbc = jdbc;
        this.database = database;
        this.loadGridsJob = loadGridsJob;
        this.nightlyJob = nightlyJob;
        this.var = var;
    }

    /** The settings of a night in {@code var}: its folders, and small chunks. */
    static Map<String, String> settings(Path var) {
        return Map.of(
                "twofour.inbox", var.resolve("inbox").toString(),
                "twofour.archive", var.resolve("archive").toString(),
                "twofour.outbox", var.resolve("outbox").toString(),
                "twofour.import.chunk-size", "100",
                "twofour.chunk-size", "50",
                "twofour.address.merge-chunk-size", "50",
                "twofour.population.merge-chunk-size", "50");
    }

    /** An empty database but for the sample map, and every sample feed waiting in the inbox. */
    void mapLoadedAndFeedsDelivered() throws Exception {
        database.clearData();
        jdbc.update("DELETE FROM ops.report_count");
        FileSystemUtils.deleteRecursively(var);
        SampleCity city = new SampleCity(jobs, jdbc, var.resolve("inbox"));
        city.loadMap(loadGridsJob);
        city.deliverAll();
        jobs.setJob(nightlyJob);
    }

    /** What a night that ran through leaves behind. */
    Map<String, List<String>> uninterrupted() throws Exception {
        if (uninterrupted == null) {
            mapLoadedAndFeedsDelivered();
            assertThat(jobs.startJob(jobs.getUniqueJobParameters()).getStatus()).isEqualTo(BatchStatus.COMPLETED);
            uninterrupted = leftBehind();
        }
        return uninterrupted;
    }

    /** Checks that the night in the database and in {@code var} left behind the same as another. */
    void assertSameNightAs(Map<String, List<String>> expected) throws IOException {
        Map<String, List<String>> night = leftBehind();
        expected.forEach((what, rows) -> assertThat(night.get(what)).as(what).containsExactlyElementsOf(rows));
    }

    /** The night's master data, change feed and run records, what it wrote into the outbox and the files it left. */
    private Map<String, List<String>> leftBehind() throws IOException {
        Map<String, List<String>> night = new LinkedHashMap<>();
        LEFT_BEHIND.forEach((what, sql) -> night.put(what, jdbc.queryForList(sql, String.class)));
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
