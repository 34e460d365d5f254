package city.twofour.population;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NameSimilarityTests {

    @Test
    void theSameNameIsFullySimilar() {
        assertThat(NameSimilarity.of("张倩", "张倩")).isEqualTo(1.0);
    }

    @Test
    void aHomophoneSurnameCostsLittle() {
        assertThat(NameSimilarity.of("张伟", "章伟")).isGreaterThan(0.9);
        assertThat(NameSimilarity.of("王芳", "汪芳")).isGreaterThan(0.9);
    }

    @Test
    void aNearReadingCostsMoreThanAHomophoneButLessThanAnyOtherCharacter() {
        double nearReading = NameSimilarity.of("陈静", "程静");
        assertThat(nearReading).isLessThan(NameSimilarity.of("张静", "章静"));
        assertThat(nearReading).isGreaterThan(NameSimilarity.of("陈静", "李静"));
    }

    @Test
    void anotherPersonsNameIsClearlyDissimilar() {
        assertThat(NameSimilarity.of("刘咏诗", "黄志强")).isLessThan(PersonMatcher.OTHER_NAME_THRESHOLD);
    }

    @Test
    void aDroppedCharacterCountsAsOneEdit() {
        assertThat(NameSimilarity.of("欧阳娜娜", "欧阳娜")).isEqualTo(0.75);
    }

    @Test
    void theSurnameIsReadWithoutTones() {
        assertThat(NameSimilarity.surnamePinyin("张倩")).isEqualTo("zhang");
        assertThat(NameSimilarity.surnamePinyin("章子怡")).isEqualTo("zhang");
    }
}
