package city.twofour.address;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import city.twofour.common.SampleCity;
import city.twofour.common.TestDatabase;
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
 * load-addresses on the committed tiny sample city: every address of the list lands with the levels and the grid
 * the samples' truth gives it.
 */
@SpringBootTest
@SpringBatchTest
class LoadAddressesFunctionalTests {

    private static final Path SAMPLES = Path.of("samples/tiny");
    private static final String LIST = "public-security/standard_addresses_20261122.txt";

    @TempDir
    static Path inbox;

    @DynamicPropertySource
    static void inbox(DynamicPropertyRegistry registry) {
        registry.add("twofour.inbox", () -> inbox.toString());
        registry.add("twofour.address.merge-chunk-size", () -> "50");
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
    JdbcTemplate jdbc;

    @Autowired
    TestDatabase database;

    @BeforeEach
    void mapLoadedAndListDelivered() throws Exception {
        database.clearData();
        SampleCity city = new SampleCity(jobs, jdbc, inbox);
        city.loadMap(loadGridsJob);
        city.deliver(LIST);
        jobs.setJob(loadAddressesJob);
    }

    @Test
    void everyAddressOfTheListLandsWithItsTrueLevelsAndGrid() throws Exception {
        JobExecution execution = jobs.startJob(parameters(LIST, false));

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        Map<String, Map<String, String>> truth = truthByCode();
        List<Map<String, Object>> loaded = jdbc.queryForList("SELECT * FROM master.address");
        assertThat(loaded).hasSize(562);
        for (Map<String, Object> address : loaded) {
            Map<String, String> expected = truth.get((String) address.get("code"));
            assertThat(address.get("grid_code")).as("grid of %s", address.get("code")).isEqualTo(expected.get("grid_code"));
            assertThat(address.get("level")).isEqualTo(expected.get("level").toLowerCase());
            assertThat(nullToEmpty(address.get("room"))).isEqualTo(expected.get("room_no"));
            assertThat(nullToEmpty(address.get("building"))).isEqualTo(expected.get("building_no"));
            assertThat(address.get("full_text").toString()).startsWith("东莞市莞城街道");
        }
        assertThat(jdbc.queryForList("SELECT record_no || ':' || reason FROM ops.reject", String.class)).isEmpty();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM master.source_record WHERE entity = 'address'", Integer.class))
                .isEqualTo(576);
    }

    @Test
    void loadingTheSameListAgainChangesNothing() throws Exception {
        jobs.startJob(parameters(LIST, false));
        List<Map<String, Object>> before = jdbc.queryForList("SELECT * FROM master.address ORDER BY code");

        JobExecution again = jobs.startJob(parameters(LIST, false));

        assertThat(again.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(jdbc.queryForList("SELECT * FROM master.address ORDER BY code")).isEqualTo(before);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM master.history WHERE entity = 'address'", Integer.class)).isZero();
    }

    @Test
    void aCompleteListRetiresTheAddressesItNoLongerHolds() throws Exception {
        jobs.startJob(parameters(LIST, false));
        List<String> lines = Files.readAllLines(inbox.resolve(LIST), StandardCharsets.UTF_8);
        String shorter = "public-security/standard_addresses_20261123.txt";
        Files.write(inbox.resolve(shorter), lines.subList(0, 101), StandardCharsets.UTF_8);

        JobExecution execution = jobs.startJob(parameters(shorter, true));

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        int kept = jdbc.queryForObject("SELECT count(DISTINCT code) FROM master.source_record s JOIN ops.feed_file f ON f.id = s.file_id"
                + " WHERE f.file_name = 'standard_addresses_20261123.txt'", Integer.class);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM master.address WHERE status = 'retired' AND valid_to = current_date",
                Integer.class)).isEqualTo(562 - kept);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM master.history WHERE entity = 'address' AND reason LIKE '%complete list%'",
                Integer.class)).isEqualTo(562 - kept);
    }

    @Test
    void anAddressListedTwiceTakesItsLaterRowInOneChange() throws Exception {
        List<String> lines = Files.readAllLines(inbox.resolve(LIST), StandardCharsets.UTF_8);
        String first = lines.get(2);
        String corrected = first.replace("|1栋|", "|2栋|");
        String twice = "public-security/standard_addresses_20261123.txt";
        Files.write(inbox.resolve(twice), List.of(lines.get(0), first, lines.get(3), corrected), StandardCharsets.UTF_8);

        JobExecution execution = jobs.startJob(parameters(twice, false));

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        String code = first.substring(0, first.indexOf('|'));
        assertThat(jdbc.queryForObject("SELECT building FROM master.address WHERE code = ?", String.class, code)).isEqualTo("2");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM master.changes WHERE code = ?", Integer.class, code)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM master.source_record WHERE code = ?", Integer.class, code)).isEqualTo(2);
    }

    private JobParameters parameters(String file, boolean retireMissing) {
        return jobs.getUniqueJobParametersBuilder()
                .addString(LoadAddressesParameters.FILE, file)
                .addString(LoadAddressesParameters.RETIRE_MISSING, String.valueOf(retireMissing))
                .toJobParameters();
    }

    private static String nullToEmpty(Object value) {
        return value == null ? "" : value.toString();
    }

    private static Map<String, Map<String, String>> truthByCode() throws IOException {
        List<String> lines = Files.readAllLines(SAMPLES.resolve("truth/addresses.csv"), StandardCharsets.UTF_8);
        String[] header = lines.get(0).split(",", -1);
        Map<String, Map<String, String>> truth = new HashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] values = line.split(",", -1);
            Map<String, String> row = new HashMap<>();
            for (int i = 0; i < header.length; i++) {
                row.put(header[i], values[i]);
            }
            truth.put(row.get("address_code"), row);
        }
        return truth;
    }
}
