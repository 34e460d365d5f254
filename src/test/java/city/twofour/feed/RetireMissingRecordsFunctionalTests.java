package city.twofour.feed;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import city.twofour.common.SampleCity;
import city.twofour.common.TestDatabase;
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
 * The merges on the committed tiny sample city over several nights: a feed's later file is its whole list, so a
 * record that no current delivery of any feed lists is retired (with its history and one change naming the
 * deliveries), while a record another feed still lists, or that a feed which delivered nothing new listed, stays; a
 * later delivery that lists it again brings it back. A retirement that fails resumes on restart, and running the
 * night again changes nothing.
 */
@SpringBootTest
@SpringBatchTest
class RetireMissingRecordsFunctionalTests {

    private static final String HOUSEHOLD = "public-security/household_registration_20261122.csv";

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
    @Qualifier("importFeedJob")
    Job importFeedJob;

    @Autowired
    @Qualifier("mergePeopleJob")
    Job mergePeopleJob;

    @Autowired
    @Qualifier("mergeBuildingsJob")
    Job mergeBuildingsJob;

    @Autowired
    @Qualifier("mergeUnitsJob")
    Job mergeUnitsJob;

    @Autowired
    @Qualifier("mergeFacilitiesJob")
    Job mergeFacilitiesJob;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TestDatabase database;

    SampleCity city;

    @BeforeEach
    void mapAndAddressLibraryLoaded() throws Exception {
        database.clearData();
        city = new SampleCity(jobs, jdbc, inbox);
        city.loadMap(loadGridsJob);
        city.loadAddresses(loadAddressesJob);
    }

    @AfterEach
    void noFailingTrigger() throws Exception {
        database.stopInterfering("master.person");
    }

    @Test
    void peopleNoPersonFeedListsAnyMoreAreRetiredAndComeBackWhenListedAgain() throws Exception {
        city.importFeed(importFeedJob, "household-registration", HOUSEHOLD);
        city.importFeed(importFeedJob, "floating-population-registration", "public-security/floating_population_20261122.csv");
        city.importFeed(importFeedJob, "field-people", "grid/field_people_20261122.csv");
        city.run(mergePeopleJob, Map.of());
        List<String> householdOnly = codes("""
                SELECT code FROM master.source_record WHERE entity = 'person' GROUP BY code
                HAVING bool_and(feed = 'household-registration') AND count(*) = 1 ORDER BY min(line_no)""");
        List<String> alsoInTheField = codes("""
                SELECT code FROM master.source_record WHERE entity = 'person' GROUP BY code
                HAVING bool_or(feed = 'household-registration') AND bool_or(feed = 'field-people') ORDER BY min(line_no)""");
        List<String> leaving = householdOnly.subList(0, 3);
        List<String> stillInTheField = alsoInTheField.subList(0, 3);
        Set<Integer> leftOut = new HashSet<>(linesOf("household-registration", leaving));
        leftOut.addAll(linesOf("household-registration", stillInTheField));
        long firstNight = lastPosition();
        int versions = count("SELECT count(*) FROM master.history");

        deliverAndImport("household-registration", HOUSEHOLD, "public-security/household_registration_20261123.csv",
                leftOut, Set.of());
        database.failWhen("master.person", "NEW.status = 'retired'");
        jobs.setJob(mergePeopleJob);
        JobExecution failed = jobs.startJob(jobs.getUniqueJobParameters());

        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(count("SELECT count(*) FROM master.person WHERE status = 'retired'")).isZero();

        database.stopInterfering("master.person");
        assertThat(jobs.getJobOperator().restart(failed).getStatus()).isEqualTo(BatchStatus.COMPLETED);

        assertThat(codes("SELECT code FROM master.person WHERE status = 'retired' ORDER BY code"))
                .containsExactlyInAnyOrderElementsOf(leaving);
        assertThat(codes("SELECT code FROM master.person WHERE code = ANY (?::text[]) AND status = 'resident'",
                toArray(stillInTheField))).hasSize(3);
        assertThat(codes("SELECT operation || ' ' || code FROM master.changes WHERE position > ? ORDER BY code", firstNight))
                .containsExactlyElementsOf(leaving.stream().sorted().map(code -> "update " + code).toList());
        assertThat(codes("SELECT reason FROM master.history WHERE code = ANY (?::text[]) AND record ->> 'status' = 'resident'",
                toArray(leaving))).hasSize(3).allSatisfy(reason -> assertThat(reason)
                .startsWith("merge-people: in no current delivery of ")
                .contains("household-registration (household_registration_20261123.csv",
                        "floating-population-registration (floating_population_20261122.csv",
                        "field-people (field_people_20261122.csv"));
        assertThat(count("SELECT count(*) FROM master.history")).isEqualTo(versions + 3);

        long secondNight = lastPosition();
        city.run(mergePeopleJob, Map.of());

        assertThat(lastPosition()).isEqualTo(secondNight);
        assertThat(count("SELECT count(*) FROM master.history")).isEqualTo(versions + 3);

        String rejectedTonight = householdOnly.get(3);
        deliverAndImport("household-registration", HOUSEHOLD, "public-security/household_registration_20261124.csv",
                Set.of(), linesOf("household-registration", List.of(rejectedTonight)));
        city.run(mergePeopleJob, Map.of());

        assertThat(count("SELECT count(*) FROM master.person WHERE status = 'retired'")).isZero();
        assertThat(codes("SELECT j.reason FROM ops.reject j JOIN ops.feed_file f ON f.id = j.file_id"
                + " WHERE f.file_name = 'household_registration_20261124.csv' AND j.field = 'phone'")).contains("BAD_PHONE");
        assertThat(codes("SELECT operation || ' ' || code FROM master.changes WHERE position > ? ORDER BY code", secondNight))
                .containsExactlyElementsOf(leaving.stream().sorted().map(code -> "update " + code).toList());
    }

    @Test
    void aBuildingAndItsRentalHouseRetireTogetherWhenNoFeedListsEitherAndStayWhileOneDoes() throws Exception {
        city.importFeed(importFeedJob, "building-registry", "housing/building_registry_20261120.tsv");
        city.importFeed(importFeedJob, "rental-registry", "housing/rental_registry_20261121.csv");
        city.importFeed(importFeedJob, "field-buildings", "grid/field_buildings_20261122.csv");
        city.run(mergeBuildingsJob, Map.of());
        List<String> foundByTheFieldOnly = codes("SELECT code FROM master.building WHERE sources = '{field-buildings}'");
        List<String> alsoLet = codes("SELECT code FROM master.building WHERE sources = '{field-buildings,rental-registry}'");
        List<String> rentalHousesLeaving = codes("SELECT code FROM master.rental_house WHERE building_code = ANY (?::text[])",
                toArray(foundByTheFieldOnly));
        assertThat(foundByTheFieldOnly).isNotEmpty();
        assertThat(rentalHousesLeaving).isNotEmpty();
        assertThat(alsoLet).isNotEmpty();

        Set<Integer> leftOut = new HashSet<>(linesOf("field-buildings", foundByTheFieldOnly));
        leftOut.addAll(linesOf("field-buildings", alsoLet));
        deliverAndImport("field-buildings", "grid/field_buildings_20261122.csv", "grid/field_buildings_20261123.csv",
                leftOut, Set.of());
        city.run(mergeBuildingsJob, Map.of());

        assertThat(codes("SELECT code FROM master.building WHERE status = 'retired'"))
                .containsExactlyInAnyOrderElementsOf(foundByTheFieldOnly);
        assertThat(codes("SELECT code FROM master.rental_house WHERE status = 'retired'"))
                .containsExactlyInAnyOrderElementsOf(rentalHousesLeaving);
        assertThat(codes("SELECT status FROM master.building WHERE code = ANY (?::text[])", toArray(alsoLet)))
                .containsOnly("standing");
        assertThat(count("SELECT count(*) FROM master.building_coverage WHERE code = ANY (?::text[])",
                toArray(foundByTheFieldOnly))).isZero();
    }

    @Test
    void aUnitTheRegistryNoLongerListsIsRetiredAndOpenAgainWhenListedAgain() throws Exception {
        String registry = "market/business_registry_20261122.csv";
        city.importFeed(importFeedJob, "business-registration", registry);
        city.run(mergeUnitsJob, Map.of());
        List<String> leaving = codes("SELECT code FROM master.unit WHERE status = 'open' ORDER BY code LIMIT 2");
        assertThat(leaving).hasSize(2);

        deliverAndImport("business-registration", registry, "market/business_registry_20261123.csv",
                linesOf("business-registration", leaving), Set.of());
        city.run(mergeUnitsJob, Map.of());

        assertThat(codes("SELECT code FROM master.unit WHERE status = 'retired'")).containsExactlyInAnyOrderElementsOf(leaving);

        // The next list is whole again, its landline numbers written with a space this time.
        city.deliverRewritten(registry, "market/business_registry_20261124.csv",
                (n, line) -> line.replace("\"0769-", "\"0769 "));
        city.run(importFeedJob, Map.of(ImportFeedParameters.FEED, "business-registration",
                ImportFeedParameters.FILE, "market/business_registry_20261124.csv"));
        city.run(mergeUnitsJob, Map.of());

        assertThat(codes("SELECT status FROM master.unit WHERE code = ANY (?::text[])", toArray(leaving))).containsOnly("open");
    }

    @Test
    void aFacilityItsDepartmentNoLongerListsIsRetiredButAnEmptyFileRetiresNothing() throws Exception {
        String hydrants = "fire/hydrants_20261122.csv";
        city.importFeed(importFeedJob, "cameras", "public-security/cameras_20261122.csv");
        city.importFeed(importFeedJob, "hydrants", hydrants);
        city.run(mergeFacilitiesJob, Map.of());
        Files.createDirectories(inbox.resolve("fire"));
        Files.write(inbox.resolve("fire/hydrants_20261123.csv"), new byte[0]);
        city.run(importFeedJob, Map.of(ImportFeedParameters.FEED, "hydrants", ImportFeedParameters.FILE, "fire/hydrants_20261123.csv"));
        city.run(mergeFacilitiesJob, Map.of());

        assertThat(count("SELECT count(*) FROM master.facility WHERE status = 'retired'")).isZero();

        List<String> leaving = codes("SELECT code FROM master.facility WHERE type = 'fire_hydrant' ORDER BY code LIMIT 3");
        assertThat(leaving).hasSize(3);
        deliverAndImport("hydrants", hydrants, "fire/hydrants_20261124.csv", linesOf("hydrants", leaving), Set.of());
        city.run(mergeFacilitiesJob, Map.of());

        assertThat(codes("SELECT code FROM master.facility WHERE status = 'retired'")).containsExactlyInAnyOrderElementsOf(leaving);
    }

    /**
     * Delivers and imports a later file of a feed: the sample file without some lines, and with a mistyped phone
     * number (the sixth field) on others.
     */
    private void deliverAndImport(String feed, String sample, String later, Set<Integer> leftOut, Set<Integer> badPhone)
            throws Exception {
        city.deliverRewritten(sample, later, (n, line) -> {
            if (leftOut.contains(n)) {
                return null;
            }
            if (badPhone.contains(n)) {
                String[] fields = line.split(",", -1);
                fields[5] = "1380013800";
                return String.join(",", fields);
            }
            return line;
        });
        city.run(importFeedJob, Map.of(ImportFeedParameters.FEED, feed, ImportFeedParameters.FILE, later));
    }

    /** The lines of a feed's first file linked to these records. */
    private Set<Integer> linesOf(String feed, List<String> codes) {
        return new HashSet<>(jdbc.queryForList("""
                SELECT s.line_no FROM master.source_record s JOIN ops.feed_file f ON f.id = s.file_id
                 WHERE s.feed = ? AND f.id = (SELECT min(id) FROM ops.feed_file WHERE feed = ?)
                   AND s.code = ANY (?::text[])
                """, Integer.class, feed, feed, toArray(codes)));
    }

    private List<String> codes(String sql, Object... arguments) {
        return jdbc.queryForList(sql, String.class, arguments);
    }

    private int count(String sql, Object... arguments) {
        return jdbc.queryForObject(sql, Integer.class, arguments);
    }

    private long lastPosition() {
        return jdbc.queryForObject("SELECT coalesce(max(position), 0) FROM master.changes", Long.class);
    }

    private static String toArray(List<String> codes) {
        return "{" + String.join(",", codes) + "}";
    }
}
