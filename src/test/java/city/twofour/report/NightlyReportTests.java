package city.twofour.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;

import city.twofour.common.SampleCity;
import city.twofour.common.TestDatabase;
import city.twofour.report.internal.ReportData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.job.Job;
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
 * The report of the tiny sample city: written as HTML with its map and lists, and rendered by headless Chromium,
 * whose screenshot is kept in target/ for a person to look at.
 */
@SpringBootTest
@SpringBatchTest
class NightlyReportTests {

    private static final Path SAMPLES = Path.of("samples/tiny");
    private static final Path LIST = Path.of("public-security/standard_addresses_20261122.txt");
    private static final Path SCREENSHOT = Path.of("target/report-screenshot.png");

    @TempDir
    static Path var;

    @DynamicPropertySource
    static void folders(DynamicPropertyRegistry registry) {
        registry.add("twofour.inbox", () -> var.resolve("inbox").toString());
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
    JdbcTemplate jdbc;

    @Autowired
    TestDatabase database;

    private Path report;

    @BeforeEach
    void sampleCityLoadedAndReported() throws Exception {
        database.clearData();
        jdbc.update("DELETE FROM ops.report_count");
        SampleCity city = new SampleCity(jobs, jdbc, var.resolve("inbox"));
        city.loadMap(loadGridsJob);
        city.loadAddresses(loadAddressesJob);
        city.importFeed(importFeedJob, "household-registration", "public-security/household_registration_20261122.csv");
        report = new WriteNightlyReport(new ReportData(jdbc), var.resolve("outbox")).write(LocalDate.of(2026, 11, 23));
    }

    @Test
    void theReportHasItsMapTheCountsAndACsvOfEveryList() throws IOException {
        String html = Files.readString(report, StandardCharsets.UTF_8);

        assertThat(count(html, "<path class=\"grid\"")).isEqualTo(48);
        assertThat(count(html, "<path class=\"town\"")).isEqualTo(1);
        assertThat(html).contains("<td>标准地址</td><td>562</td>", "图例", "TRUNCATED_LINE", "household_registration_20261122.csv",
                "standard_addresses_20261122.txt");
        List<String> grids = Files.readAllLines(report.resolveSibling("grid_counts.csv"), StandardCharsets.UTF_8);
        assertThat(grids).hasSize(49);
        assertThat(grids.get(0)).startsWith("\uFEFF网格编码");
        int addresses = List.of(grids.get(0).split(",")).indexOf("标准地址");
        assertThat(grids.stream().skip(1).mapToLong(line -> Long.parseLong(line.split(",")[addresses])).sum())
                .isEqualTo(562);
        assertThat(report.resolveSibling("rejects_by_reason.csv")).exists();
        assertThat(report.resolveSibling("files.csv")).exists();
    }

    @Test
    void theNextReportShowsTheTrend() throws IOException {
        jdbc.update("DELETE FROM master.address WHERE code IN (SELECT code FROM master.address ORDER BY code LIMIT 11)");

        Path next = new WriteNightlyReport(new ReportData(jdbc), var.resolve("outbox")).write(LocalDate.of(2026, 11, 24));

        assertThat(Files.readString(next, StandardCharsets.UTF_8)).contains("<td>551</td><td><span class=\"down\">-11</span></td>");
    }

    @Test
    void headlessChromiumRendersTheReportWithItsMap() throws Exception {
        Process dump = chromium("--dump-dom", report.toUri().toString());
        String dom = new String(dump.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(dump.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(count(dom, "class=\"grid\"")).isEqualTo(48);
        assertThat(dom).contains("二标四实 夜间对账报告");

        Files.deleteIfExists(SCREENSHOT);
        Process shot = chromium("--screenshot=" + SCREENSHOT.toAbsolutePath(), "--window-size=1100,1500", report.toUri().toString());
        shot.getInputStream().readAllBytes();
        assertThat(shot.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(Files.size(SCREENSHOT)).isGreaterThan(20_000);
    }

    private static Process chromium(String... args) throws IOException {
        List<String> command = new java.util.ArrayList<>(List.of("chromium", "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + Files.createTempDirectory("chromium")));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }
}
