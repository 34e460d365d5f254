package city.twofour.unit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UnitNamesTests {

    @Test
    void fullWidthLettersDigitsAndBracketsAreWrittenHalfWidth() {
        assertThat(UnitNames.normalise("东莞市华盛（实业）有限公司　ＡＢ１２")).isEqualTo("东莞市华盛(实业)有限公司 AB12");
    }

    @Test
    void aBlankNameNormalisesToNull() {
        assertThat(UnitNames.normalise("  ")).isNull();
    }

    @Test
    void theMatchingKeyDropsTheProvinceAndCityPrefixBracketsAndSpaces() {
        assertThat(UnitNames.key("广东省东莞市华盛（实业）有限公司")).isEqualTo(UnitNames.key("华盛实业 有限公司"));
        assertThat(UnitNames.key("东莞市")).isEqualTo("东莞市");
    }
}
