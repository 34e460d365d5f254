package city.twofour.common;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Stream;

import city.twofour.address.LoadAddressesParameters;
import city.twofour.feed.ImportFeedParameters;
import city.twofour.grid.LoadGridsParameters;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The committed tiny sample city as the merge tests use it: its map and address library loaded, its feeds delivered
 * into an inbox and imported, and its truth to score the merged records against.
 */
public final class SampleCity {

    public static final Path SAMPLES = Path.of("samples/tiny");

    private static final String LINKS = """
            SELECT f.file_name, s.line_no, s.code FROM master.source_record s JOIN ops.feed_file f ON f.id = s.file_id
             WHERE s.entity = ?
            """;

    private final JobOperatorTestUtils jobs;
    private final JdbcTemplate jdbc;
    private final Path inbox;

    public SampleCity(JobOperatorTestUtils jobs, JdbcTemplate jdbc, Path inbox) {
        this.jobs = jobs;
        this.jdbc = jdbc;
        this.inbox = inbox;
    }

    public void loadMap(Job loadGridsJob) throws Exception {
        run(loadGridsJob, Map.of(LoadGridsParameters.DIVISIONS, SAMPLES.resolve("divisions.csv").toAbsolutePath().toString(),
                LoadGridsParameters.GRIDS, SAMPLES.resolve("grids.geojson").toAbsolutePath().toString()));
    }

    public void loadAddresses(Job loadAddressesJob) throws Exception {
        String list = "public-security/standard_addresses_20261122.txt";
        deliver(list);
        run(loadAddressesJob, Map.of(LoadAddressesParameters.FILE, list));
    }

    /** Delivers a sample feed file into the inbox and imports it. */
    public void importFeed(Job importFeedJob, String feed, String file) throws Exception {
        deliver(file);
        run(importFeedJob, Map.of(ImportFeedParameters.FEED, feed, ImportFeedParameters.FILE, file));
    }

    /** Delivers every sample feed file into the inbox, as {@code twofour demo} does. */
    public void deliver(String file) throws IOException {
        Files.createDirectories(inbox.resolve(file).getParent());
        Files.copy(SAMPLES.resolve("feeds").resolve(file), inbox.resolve(file), StandardCopyOption.REPLACE_EXISTING);
    }

    /** Delivers every file of the sample feeds into the inbox, as {@code twofour demo} does. */
    public void deliverAll() throws IOException {
        Path feeds = SAMPLES.resolve("feeds");
        try (Stream<Path> files = Files.walk(feeds)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                deliver(feeds.relativize(file).toString());
            }
        }
    }

    /**
     * Delivers a later file of a sample feed: the sample file's lines (the header is line 1), each as {@code rewrite}
     * gives it back, null leaving it out. A line comes with its line end, as ISO-8859-1 text, so that the bytes of
     * any encoding pass through unchanged and its ASCII fields can be edited.
     */
    public void deliverRewritten(String file, String asFile, BiFunction<Integer, String, String> rewrite) throws IOException {
        String[] lines = Files.readString(SAMPLES.resolve("feeds").resolve(file), StandardCharsets.ISO_8859_1)
                .split("(?<=\n)");
        StringBuilder delivered = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            String line = rewrite.apply(i + 1, lines[i]);
            if (line != null) {
                delivered.append(line);
            }
        }
        Files.createDirectories(inbox.resolve(asFile).getParent());
        Files.writeString(inbox.resolve(asFile), delivered, StandardCharsets.ISO_8859_1);
    }

    public JobExecution run(Job job, Map<String, String> parameters) throws Exception {
        jobs.setJob(job);
        var builder = jobs.getUniqueJobParametersBuilder();
        parameters.forEach(builder::addString);
        JobExecution execution = jobs.startJob(builder.toJobParameters());
        assertThat(execution.getStatus()).as(job.getName()).isEqualTo(BatchStatus.COMPLETED);
        return execution;
    }

    /** The true entity of every merged row of an entity: golden record code → true entity id, one pair per row. */
    public List<String[]> mergedRowsWithTruth(String entity) throws IOException {
        Map<String, String> truthByRow = new HashMap<>();
        for (Map<String, String> row : truth("feed_rows.csv")) {
            String file = row.get("feed").substring(row.get("feed").lastIndexOf('/') + 1);
            truthByRow.put(file + ":" + row.get("line"), row.get("entity_id"));
        }
        List<String[]> pairs = new ArrayList<>();
        jdbc.query(LINKS, rs -> {
            String entityId = truthByRow.get(rs.getString("file_name") + ":" + rs.getInt("line_no"));
            pairs.add(new String[] {rs.getString("code"), entityId});
        }, entity);
        return pairs;
    }

    /** The rows of a truth file (simple CSV: the truth files quote nothing the tests read). */
    public static List<Map<String, String>> truth(String file) throws IOException {
        List<String> lines = Files.readAllLines(SAMPLES.resolve("truth").resolve(file), StandardCharsets.UTF_8);
        String[] header = lines.get(0).split(",", -1);
        List<Map<String, String>> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] values = line.split(",", -1);
            Map<String, String> row = new HashMap<>();
            for (int i = 0; i < header.length && i < values.length; i++) {
                row.put(header[i], values[i]);
            }
            rows.add(row);
        }
        return rows;
    }
}
