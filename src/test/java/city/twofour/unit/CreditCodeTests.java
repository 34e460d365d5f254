package city.twofour.unit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CreditCodeTests {

    @ParameterizedTest
    @ValueSource(strings = {
            "91350100M000100Y43", // the example printed in GB 32100-2015
            "914403001922038216", // a Shenzhen enterprise
            "9144030071526726XG", // a Shenzhen enterprise whose organisation code ends in X
    })
    void acceptsPublishedCodes(String code) {
        assertThat(CreditCode.problemOf(code)).isEmpty();
    }

    @Test
    void decodesItsParts() {
        CreditCode code = CreditCode.parse("91350100m000100y43 ");

        assertThat(code.value()).isEqualTo("91350100M000100Y43");
        assertThat(code.registeringAuthority()).isEqualTo('9');
        assertThat(code.type()).isEqualTo('1');
        assertThat(code.regionCode()).isEqualTo("350100");
        assertThat(code.organizationCode()).isEqualTo("M000100Y4");
    }

    @Test
    void computesBothCheckCharacters() {
        assertThat(CreditCode.checkCharacter("91350100M000100Y4")).isEqualTo('3');
        assertThat(CreditCode.checkCharacter("9144030071526726X")).isEqualTo('G');
        assertThat(CreditCode.organizationCheckCharacter("M000100Y")).isEqualTo('4');
        assertThat(CreditCode.organizationCheckCharacter("71526726")).isEqualTo('X');
        assertThat(CreditCode.organizationCheckCharacter("19220382")).isEqualTo('1');
    }

    @ParameterizedTest
    @CsvSource({
            "'', BLANK",
            "91350100M000100Y4, WRONG_LENGTH",
            "91350100M000100Y433, WRONG_LENGTH",
            "91350100M000I00Y43, BAD_CHARACTERS",
            "91350100M000100Z43, BAD_CHARACTERS",
            "01350100M000100Y43, BAD_REGISTERING_AUTHORITY",
            "9135A100M000100Y43, BAD_REGION_CODE",
            "91350100M000100Y44, BAD_CHECK_CHARACTER",
            "91350100M000200Y43, BAD_CHECK_CHARACTER",
    })
    void namesTheProblemOfAnInvalidCode(String text, CreditCodeProblem expected) {
        assertThat(CreditCode.problemOf(text)).contains(expected);
        assertThatThrownBy(() -> CreditCode.parse(text))
                .isInstanceOf(InvalidCreditCodeException.class)
                .extracting(e -> ((InvalidCreditCodeException) e).problem()).isEqualTo(expected);
    }

    @Test
    void rejectsAnOrganisationCodeWithAWrongCheckEvenWhenTheOuterCheckFits() {
        String first17 = "91441900" + "12345678" + "0";
        String code = first17 + CreditCode.checkCharacter(first17);

        assertThat(CreditCode.problemOf(code)).contains(CreditCodeProblem.BAD_ORGANIZATION_CODE_CHECK);
    }

    @Test
    void everySingleCharacterSubstitutionBreaksTheCheck() {
        String body = "92441900" + "MA4W3K7P";
        String first17 = body + CreditCode.organizationCheckCharacter("MA4W3K7P");
        String valid = first17 + CreditCode.checkCharacter(first17);
        assertThat(CreditCode.isValid(valid)).isTrue();
        for (int position = 8; position < 18; position++) {
            for (char c : CreditCode.ALPHABET.toCharArray()) {
                if (valid.charAt(position) != c) {
                    String typo = valid.substring(0, position) + c + valid.substring(position + 1);
                    assertThat(CreditCode.isValid(typo)).isFalse();
                }
            }
        }
    }

    @Test
    void roundTripsRandomCodesBuiltWithBothCheckCharacters() {
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < 1_000; i++) {
            StringBuilder body = new StringBuilder();
            for (int j = 0; j < 8; j++) {
                body.append(CreditCode.ALPHABET.charAt(random.nextInt(CreditCode.ALPHABET.length())));
            }
            String first17 = "91441900" + body + CreditCode.organizationCheckCharacter(body.toString());
            assertThat(CreditCode.parse(first17 + CreditCode.checkCharacter(first17)).regionCode()).isEqualTo("441900");
        }
    }
}
