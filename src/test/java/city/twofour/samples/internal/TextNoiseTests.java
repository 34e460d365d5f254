package city.twofour.samples.internal;

import static org.assertj.core.api.Assertions.assertThat;

import city.twofour.population.CitizenId;
import city.twofour.population.CitizenIdProblem;
import city.twofour.unit.CreditCode;
import city.twofour.unit.CreditCodeProblem;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TextNoiseTests {

    @ParameterizedTest
    @CsvSource({"1, 一", "10, 十", "18, 十八", "20, 二十", "35, 三十五", "100, 一百", "103, 一百零三",
            "110, 一百一十", "118, 一百一十八", "250, 二百五十", "1000, 一千", "1005, 一千零五", "1234, 一千二百三十四"})
    void writesDoorNumbersInChineseNumerals(int n, String expected) {
        assertThat(TextNoise.chineseNumber(n)).isEqualTo(expected);
    }

    @Test
    void writesFullWidthDigits() {
        assertThat(TextNoise.fullWidthDigits("鸿福路18号2栋301室")).isEqualTo("鸿福路１８号２栋３０１室");
    }

    @Test
    void typosReplaceOneCharacterFromTheTable() {
        SplittableRandom random = new SplittableRandom(1);
        String typo = TextNoise.typo("张伟", TextNoise.NAME_CONFUSIONS, random);

        assertThat(typo).hasSize(2).isNotEqualTo("张伟");
        assertThat(TextNoise.typo("丁一", TextNoise.NAME_CONFUSIONS, random)).isNull();
    }

    @Test
    void mistypedIdsAndCreditCodesFailOnlyTheirCheck() {
        SplittableRandom random = new SplittableRandom(3);
        String id = "44190019860228293" + CitizenId.checkCharacter("44190019860228293");
        String first17 = "91441900MA4W3K7P" + CreditCode.organizationCheckCharacter("MA4W3K7P");
        String code = first17 + CreditCode.checkCharacter(first17);
        for (int i = 0; i < 500; i++) {
            assertThat(CitizenId.problemOf(TextNoise.mistypeCitizenId(id, random))).contains(CitizenIdProblem.BAD_CHECK_CHARACTER);
            assertThat(CreditCode.problemOf(TextNoise.mistypeCreditCode(code, random))).contains(CreditCodeProblem.BAD_CHECK_CHARACTER);
        }
    }

    @Test
    void writesTheOldFifteenDigitFormOnlyForThe1900s() {
        String id = "44190019860228293" + CitizenId.checkCharacter("44190019860228293");

        assertThat(TextNoise.oldFormat(id)).isEqualTo("441900860228293");
        assertThat(CitizenId.parse(TextNoise.oldFormat(id)).value()).isEqualTo(id);
        assertThat(TextNoise.oldFormat("44190020030719333" + CitizenId.checkCharacter("44190020030719333"))).isNull();
    }
}
