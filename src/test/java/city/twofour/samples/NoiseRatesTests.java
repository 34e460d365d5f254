package city.twofour.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** On a demo-sized run, coverage gaps and duplicates land close to their knobs. */
class NoiseRatesTests {

    @TempDir
    static Path temp;
    static Map<String, Long> figures;
    static NoiseModel noise = NoiseModel.defaults().with("duplicateInFeed", 0.05);
    static Map<String, long[]> rowsByFeed = new HashMap<>();

    @BeforeAll
    static void generateDemo() throws Exception {
        figures = new SamplesGenerator(Scale.DEMO, 42, 1.0, noise).generate(temp);
        for (CSVRecord r : SamplesGeneratorTests.csv(temp.resolve("truth/feed_rows.csv"))) {
            long[] counts = rowsByFeed.computeIfAbsent(r.get("feed"), k -> new long[2]);
            counts[0]++;
            if (r.get("noise").contains("DUPLICATE") && !r.get("noise").contains("CROSS_FEED_DUPLICATE")) {
                counts[1]++;
            }
        }
    }

    @Test
    void fieldCollectionFindsAboutFifteenPercentMoreBuildingsThanTheHousingRegistry() {
        double buildings = (double) figures.get("buildings.in_field_collection") / figures.get("buildings.in_housing_registry");
        double rentals = (double) figures.get("rental_houses.in_field_collection") / figures.get("rental_houses.in_housing_registry");

        assertThat(buildings).isCloseTo(1.149, within(0.03));
        assertThat(rentals).isCloseTo(1.168, within(0.06));
    }

    @Test
    void populationFeedsCoverTheirShareOfPeople() {
        double household = (double) figures.get("people.in_household_feed") / figures.get("people.household");
        double floating = (double) figures.get("people.in_floating_feed") / figures.get("people.floating");
        double floatingShare = (double) figures.get("people.floating") / figures.get("truth.people");

        assertThat(household).isCloseTo(noise.householdCoverage(), within(0.01));
        assertThat(floating).isCloseTo(noise.floatingCoverage(), within(0.01));
        assertThat(floatingShare).isCloseTo(0.80, within(0.04));
    }

    @Test
    void duplicatesWithinEachLargeFeedLandNearTheirKnob() {
        for (Map.Entry<String, long[]> e : rowsByFeed.entrySet()) {
            long rows = e.getValue()[0];
            long duplicates = e.getValue()[1];
            if (rows < 2_000 || e.getKey().contains("declarations") || e.getKey().contains("verification")) {
                continue;
            }
            double rate = (double) duplicates / (rows - duplicates);
            assertThat(rate).as(e.getKey()).isCloseTo(noise.duplicateInFeed(), within(0.015));
        }
    }

    @Test
    void rejectsLandNearTheirKnobs() {
        long feedRows = figures.get("truth.feed_rows");
        double wrongColumns = (double) figures.get("rejects.WRONG_COLUMN_COUNT") / feedRows;
        double missing = (double) figures.get("rejects.MISSING_REQUIRED_FIELD") / feedRows;

        assertThat(wrongColumns).isCloseTo(noise.wrongColumnCount(), within(0.001));
        assertThat(missing).isCloseTo(noise.missingField(), within(0.001));
        assertThat(figures.get("rejects.TRUNCATED_LINE")).isEqualTo(1);
        assertThat(figures.get("rejects.DUPLICATE_FILE")).isEqualTo(1);
        assertThat(figures.get("rejects.EMPTY_FILE")).isEqualTo(1);
    }

    @Test
    void demoHasAboutAHundredThousandTruthRecords() {
        long records = figures.get("truth.addresses") + figures.get("truth.people") + figures.get("truth.buildings")
                + figures.get("truth.units") + figures.get("truth.facilities");

        assertThat(records).isBetween(70_000L, 150_000L);
        assertThat(figures.get("divisions.towns")).isEqualTo(4);
    }
}
