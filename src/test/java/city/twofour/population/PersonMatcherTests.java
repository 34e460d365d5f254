package city.twofour.population;

import java.util.HashMap;
import java.util.Map;

import city.twofour.feed.PendingRecord;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PersonMatcherTests {

    private static final String ZHANG_QIAN = "430623198311250749";

    /** Another woman born the same day in the same county. */
    private static final String NAMESAKE = "43062319831125032" + CitizenId.checkCharacter("43062319831125032");

    private final PersonMatcher matcher = new PersonMatcher();

    @Test
    void aNewIdStartsARecordOfItsOwn() {
        PersonLink link = matcher.link(row(1, ZHANG_QIAN, "张倩", "15195513443"));

        assertThat(link.code()).isEqualTo(ZHANG_QIAN);
        assertThat(link.rule()).isEqualTo(PersonMatcher.NEW_CITIZEN_ID);
        assertThat(link.reviews()).isEmpty();
        assertThat(matcher.size()).isEqualTo(1);
    }

    @Test
    void aKnownIdWithATypoInTheNameJoinsItsRecordWithoutReview() {
        matcher.add(ZHANG_QIAN, "张倩", null);

        PersonLink link = matcher.link(row(2, ZHANG_QIAN, "章倩", null));

        assertThat(link.code()).isEqualTo(ZHANG_QIAN);
        assertThat(link.rule()).isEqualTo(PersonMatcher.SAME_CITIZEN_ID);
        assertThat(link.score()).isGreaterThan(0.9);
        assertThat(link.reviews()).isEmpty();
    }

    @Test
    void aKnownIdUnderAnotherPersonsNameJoinsItsRecordButIsPutUpForReview() {
        matcher.add(ZHANG_QIAN, "张倩", null);

        PersonLink link = matcher.link(row(2, ZHANG_QIAN, "黄志强", null));

        assertThat(link.code()).isEqualTo(ZHANG_QIAN);
        assertThat(link.reviews()).extracting(PersonLink.Review::reason).containsExactly(PersonMatcher.SAME_ID_OTHER_NAME);
    }

    @Test
    void aNewIdOfSomeoneWithTheSameBirthDateNameAndPhoneIsAPossibleDuplicate() {
        matcher.add(NAMESAKE, "张倩", "15195513443");

        PersonLink link = matcher.link(row(3, ZHANG_QIAN, "章倩", "15195513443"));

        assertThat(link.code()).isEqualTo(ZHANG_QIAN);
        assertThat(link.rule()).isEqualTo(PersonMatcher.NEW_CITIZEN_ID);
        assertThat(link.reviews()).singleElement().satisfies(review -> {
            assertThat(review.reason()).isEqualTo(PersonMatcher.POSSIBLE_DUPLICATE);
            assertThat(review.candidateCode()).isEqualTo(NAMESAKE);
        });
    }

    @Test
    void aNamesakeBornTheSameDayWithoutTheSamePhoneIsNotADuplicate() {
        matcher.add(NAMESAKE, "张倩", "13800000000");

        assertThat(matcher.link(row(3, ZHANG_QIAN, "张倩", "15195513443")).reviews()).isEmpty();
    }

    private static PendingRecord row(int line, String id, String name, String phone) {
        return new PendingRecord(1, line, "floating-population-registration", values(id, name, phone), "");
    }

    private static Map<String, String> values(String id, String name, String phone) {
        Map<String, String> values = new HashMap<>();
        values.put("citizen_id", id);
        values.put("name", name);
        values.put("phone", phone);
        return values;
    }
}
