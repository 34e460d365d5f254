package city.twofour.population;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CitizenIdTests {

    @Test
    void acceptsTheStandardsPublishedExampleAndDecodesIt() {
        CitizenId id = CitizenId.parse("11010519491231002X");

        assertThat(id.regionCode()).isEqualTo("110105");
        assertThat(id.birthDate()).isEqualTo(LocalDate.of(1949, 12, 31));
        assertThat(id.birthDateText()).isEqualTo("1949-12-31");
        assertThat(id.sex()).isEqualTo(Sex.FEMALE);
        assertThat(id.wasUpgraded()).isFalse();
    }

    @Test
    void acceptsTheSecondPublishedExampleAsMale() {
        CitizenId id = CitizenId.parse("440524188001010014");

        assertThat(id.birthDate()).isEqualTo(LocalDate.of(1880, 1, 1));
        assertThat(id.sex()).isEqualTo(Sex.MALE);
        assertThat(id.provinceCode()).isEqualTo("44");
    }

    @Test
    void computesTheCheckCharacterOfTheFirstSeventeenDigits() {
        assertThat(CitizenId.checkCharacter("11010519491231002")).isEqualTo('X');
        assertThat(CitizenId.checkCharacter("44052418800101001")).isEqualTo('4');
    }

    @Test
    void upgradesAFifteenDigitOldNumber() {
        assertThat(CitizenId.upgrade("110105491231002")).isEqualTo("11010519491231002X");

        CitizenId id = CitizenId.parse("110105491231002");
        assertThat(id.value()).isEqualTo("11010519491231002X");
        assertThat(id.wasUpgraded()).isTrue();
        assertThat(id.birthDate()).isEqualTo(LocalDate.of(1949, 12, 31));
        assertThat(id.birthDateText()).isEqualTo("1949-12-31");
    }

    @Test
    void acceptsLowerCaseXAndSurroundingSpaces() {
        assertThat(CitizenId.parse(" 11010519491231002x ").value()).isEqualTo("11010519491231002X");
    }

    @ParameterizedTest
    @CsvSource({
            "'', BLANK",
            "'   ', BLANK",
            "1101051949123100, WRONG_LENGTH",
            "11010519491231002XX, WRONG_LENGTH",
            "11010519491231X02X, BAD_CHARACTERS",
            "11010519491231002Y, BAD_CHARACTERS",
            "１１0105491231002, BAD_CHARACTERS",
            "110105X91231002, BAD_CHARACTERS",
            "00010519491231002X, BAD_REGION_CODE",
            "990105194912310021, BAD_REGION_CODE",
            "110105194902300021, BAD_BIRTH_DATE",
            "110105194913010021, BAD_BIRTH_DATE",
            "110105174901010021, BAD_BIRTH_DATE",
            "110105491301002, BAD_BIRTH_DATE",
            "110105194912310021, BAD_CHECK_CHARACTER",
            "11010519491231003X, BAD_CHECK_CHARACTER",
    })
    void namesTheProblemOfAnInvalidNumber(String text, CitizenIdProblem expected) {
        assertThat(CitizenId.problemOf(text)).contains(expected);
        assertThat(CitizenId.isValid(text)).isFalse();
        assertThatThrownBy(() -> CitizenId.parse(text))
                .isInstanceOf(InvalidCitizenIdException.class)
                .extracting(e -> ((InvalidCitizenIdException) e).problem()).isEqualTo(expected);
    }

    @Test
    void everySingleDigitSubstitutionBreaksTheCheck() {
        String valid = "44190019900101123";
        valid = valid + CitizenId.checkCharacter(valid);
        for (int position = 14; position < 17; position++) {
            for (char d = '0'; d <= '9'; d++) {
                if (valid.charAt(position) == d) {
                    continue;
                }
                String typo = valid.substring(0, position) + d + valid.substring(position + 1);
                assertThat(CitizenId.problemOf(typo)).contains(CitizenIdProblem.BAD_CHECK_CHARACTER);
            }
        }
    }

    @Test
    void roundTripsRandomNumbersBuiltWithTheCheckCharacter() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 1_000; i++) {
            LocalDate birth = LocalDate.of(1930, 1, 1).plusDays(random.nextInt(30_000));
            int sequence = random.nextInt(1000);
            String first17 = "441900" + birth.toString().replace("-", "") + String.format("%03d", sequence);
            CitizenId id = CitizenId.parse(first17 + CitizenId.checkCharacter(first17));

            assertThat(id.birthDate()).isEqualTo(birth);
            assertThat(id.sex()).isEqualTo(sequence % 2 == 1 ? Sex.MALE : Sex.FEMALE);
            assertThat(id.regionCode()).isEqualTo("441900");
        }
    }
}
