package city.twofour.samples;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import city.twofour.address.AddressLibrary;
import city.twofour.address.AddressMatcher;
import city.twofour.address.DivisionAliases;
import city.twofour.common.SampleCity;
import city.twofour.common.TestDatabase;
import city.twofour.samples.AddressAccuracy.Figures;
import city.twofour.samples.AddressAccuracy.Outcome;
import city.twofour.samples.AddressAccuracy.Result;
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
 * Issue 4's bar for the standard address on the tiny sample city: the library built as production builds it
 * (load-grids, load-addresses, then the matcher over master.address), every matchable noisy address of the feeds
 * matched. At least 99 % must get the right code and fewer than 0.1 % a wrong one.
 */
@SpringBootTest
@SpringBatchTest
class AddressAccuracyFunctionalTests {

    static final Path SAMPLES = Path.of("samples/tiny");
    static final String LIST = "public-security/standard_addresses_20261122.txt";

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
    JdbcTemplate jdbc;

    @Autowired
    TestDatabase database;

    @BeforeEach
    void mapAndLibraryLoaded() throws Exception {
        database.clearData();
        loadMapAndLibrary(jobs, jdbc, loadGridsJob, loadAddressesJob, inbox);
    }

    /** load-grids and load-addresses on the tiny samples, as the demo runs them. */
    static void loadMapAndLibrary(JobOperatorTestUtils jobs, JdbcTemplate jdbc, Job loadGridsJob, Job loadAddressesJob,
                                  Path inbox) throws Exception {
        SampleCity city = new SampleCity(jobs, jdbc, inbox);
        city.loadMap(loadGridsJob);
        city.loadAddresses(loadAddressesJob);
    }

    @Test
    void matchableNoisyAddressesGetTheRightStandardCodeAndAlmostNeverAWrongOne() {
        DivisionAliases divisions = AddressLibrary.divisions(jdbc, "东莞市");
        AddressMatcher matcher = AddressLibrary.matcher(jdbc, divisions);
        List<Result> misses = new ArrayList<>();

        Figures figures = new AddressAccuracy(SAMPLES, new HashSet<>(
                jdbc.queryForList("SELECT code FROM master.address", String.class))).measure(matcher, r -> {
                    if (r.outcome() != Outcome.RIGHT) {
                        misses.add(r);
                    }
                });

        misses.forEach(r -> System.out.println(r.outcome() + " " + r.feed() + ":" + r.line() + " " + r.text() + " expected "
                + r.expectedCode() + " got " + r.match().code() + " " + r.match().level() + " " + r.noise() + " "
                + r.match().explanation()));
        figures.print(System.out);
        assertThat(figures.matchable()).isGreaterThan(1500);
        assertThat(figures.percent(Outcome.RIGHT)).isGreaterThanOrEqualTo(99.0);
        assertThat(figures.percent(Outcome.WRONG)).isLessThan(0.1);
    }
}
