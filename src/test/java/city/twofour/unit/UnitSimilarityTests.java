package city.twofour.unit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UnitSimilarityTests {

    private static final String ADDRESS = "441900006001000007";

    @Test
    void oneMistypedCharacterAtTheSameAddressIsTheSameUnit() {
        double score = UnitSimilarity.score(UnitNames.key("东莞市华盛实业有限公司"), ADDRESS,
                UnitNames.key("东莞市华胜实业有限公司"), ADDRESS);
        assertThat(score).isGreaterThanOrEqualTo(UnitSimilarity.SAME_UNIT);
    }

    @Test
    void theSameNameAtAnotherAddressOfTheVillageIsLeftForReview() {
        double score = UnitSimilarity.score("华盛实业有限公司", ADDRESS, "华盛实业有限公司", "441900006001000099");
        assertThat(score).isGreaterThanOrEqualTo(UnitSimilarity.REVIEW).isLessThan(UnitSimilarity.SAME_UNIT);
    }

    @Test
    void twoShopsInOneBuildingAreDifferentUnits() {
        double score = UnitSimilarity.score("莞城创新粮油店", ADDRESS, "莞城阿宇快餐店", ADDRESS);
        assertThat(score).isLessThan(UnitSimilarity.REVIEW);
    }

    @Test
    void anUnknownAddressLeavesOnlyTheName() {
        assertThat(UnitSimilarity.score("华盛实业有限公司", null, "华盛实业有限公司", ADDRESS))
                .isEqualTo(UnitSimilarity.NAME_WEIGHT);
        assertThat(UnitSimilarity.nameSimilarity("", "华盛")).isZero();
    }
}
