package city.twofour.unit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UnitKindTests {

    @Test
    void marketSupervisionCodesAreEnterprisesOrIndividualBusinessesByTheirTypeCharacter() {
        assertThat(UnitKind.of(CreditCode.parse("91441900MAF9LUA45B"))).isEqualTo(UnitKind.ENTERPRISE);
        assertThat(UnitKind.of(CreditCode.parse("92441900MAQJWMJR86"))).isEqualTo(UnitKind.INDIVIDUAL_BUSINESS);
    }

    @Test
    void establishmentOfficeCodesAreInstitutionsAndCivilAffairsCodesSocialOrganisations() {
        assertThat(UnitKind.of(CreditCode.parse(code("12441900", "45678901")))).isEqualTo(UnitKind.INSTITUTION);
        assertThat(UnitKind.of(CreditCode.parse(code("51441900", "45678901")))).isEqualTo(UnitKind.SOCIAL_ORGANIZATION);
        assertThat(UnitKind.of(CreditCode.parse(code("93441900", "45678901")))).isEqualTo(UnitKind.OTHER);
    }

    @Test
    void theStoredValueIsTheLowerCaseName() {
        assertThat(UnitKind.INDIVIDUAL_BUSINESS.dbValue()).isEqualTo("individual_business");
    }

    /** A valid credit code from its first eight characters and an organisation code body. */
    private static String code(String authorityTypeRegion, String organisationBody) {
        String first17 = authorityTypeRegion + organisationBody + CreditCode.organizationCheckCharacter(organisationBody);
        return first17 + CreditCode.checkCharacter(first17);
    }
}
