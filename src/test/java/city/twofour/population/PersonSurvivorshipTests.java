package city.twofour.population;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import city.twofour.feed.FeedDefinitions;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Survivorship over the project's own person feed definitions (jobs/feeds). */
class PersonSurvivorshipTests {

    private static final String ID = "441900195704159306";
    private static final String HOUSEHOLD = MergePeopleJobConfiguration.HOUSEHOLD_FEED;
    private static final String FLOATING = MergePeopleJobConfiguration.FLOATING_FEED;
    private static final String FIELD = MergePeopleJobConfiguration.FIELD_FEED;

    private final PersonSurvivorship survivorship = new PersonSurvivorship(
            MergePeopleJobConfiguration.FEEDS.stream().collect(Collectors.toMap(Function.identity(),
                    new FeedDefinitions(Path.of("jobs/feeds"))::get)),
            Map.of(HOUSEHOLD, "household", FLOATING, "floating"), FIELD);

    @Test
    void eachAttributeComesFromTheFeedThatRanksFirstForIt() {
        GoldenPerson person = survivorship.merge(ID, List.of(
                source(HOUSEHOLD, 1, Map.of("name", "梁颖琳", "phone", "19986233799", "address", "户籍地址",
                        "registered_on", "2025-11-08")),
                source(FLOATING, 2, Map.of("name", "梁颖林", "ethnicity", "汉族", "phone", "13800000000",
                        "address", "登记地址", "registered_on", "2026-01-10")),
                source(FIELD, 3, Map.of("name", "粱颖琳", "kind", "floating", "phone", "13900000000",
                        "address", "现住地址", "registered_on", "2026-07-06"))));

        assertThat(person.name()).isEqualTo("梁颖琳");
        assertThat(person.kind()).isEqualTo("household");
        assertThat(person.ethnicity()).isEqualTo("汉族");
        assertThat(person.phone()).isEqualTo("13900000000");
        assertThat(person.addressText()).isEqualTo("现住地址");
        assertThat(person.firstSeen()).isEqualTo(LocalDate.of(2025, 11, 8));
        assertThat(person.lastSeen()).isEqualTo(LocalDate.of(2026, 7, 6));
        assertThat(person.seenOnSite()).isEqualTo(LocalDate.of(2026, 7, 6));
    }

    @Test
    void withinAFeedTheLatestRegistrationWins() {
        GoldenPerson person = survivorship.merge(ID, List.of(
                source(FLOATING, 2, Map.of("name", "梁颖琳", "registered_on", "2026-01-10")),
                source(FLOATING, 9, Map.of("name", "梁颖林", "registered_on", "2024-01-10"))));

        assertThat(person.name()).isEqualTo("梁颖琳");
        assertThat(person.kind()).isEqualTo("floating");
        assertThat(person.seenOnSite()).isNull();
    }

    @Test
    void sexBirthDateAndOriginComeFromTheId() {
        GoldenPerson person = survivorship.merge(ID, List.of(
                source(FIELD, 3, Map.of("name", "梁颖琳", "sex", "male", "kind", "household"))));

        assertThat(person.sex()).isEqualTo("female");
        assertThat(person.birthDate()).isEqualTo(LocalDate.of(1957, 4, 15));
        assertThat(person.originRegion()).isEqualTo("441900");
        assertThat(person.kind()).isEqualTo("household");
    }

    private static PersonSource source(String feed, int line, Map<String, String> fields) {
        return new PersonSource(1, line, feed, fields);
    }
}
