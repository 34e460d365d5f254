package city.twofour.unit;

import java.util.Locale;

/**
 * The kind of an actual unit (实有单位), as its credit code tells it: character 1 is the registering authority,
 * character 2 the type within it (GB 32100 appendix).
 */
public enum UnitKind {
    /** 企业: market supervision (9), type 1. */
    ENTERPRISE,
    /** 个体工商户: market supervision (9), type 2. */
    INDIVIDUAL_BUSINESS,
    /** 事业单位 and other bodies of the establishment office (1). */
    INSTITUTION,
    /** 社会团体, 民办非企业单位, 基金会: civil affairs (5). */
    SOCIAL_ORGANIZATION,
    /** Anything else, e.g. farmers' cooperatives (93) or bodies of other authorities. */
    OTHER;

    /** The kind the credit code's registering authority and type characters say. */
    public static UnitKind of(CreditCode code) {
        return switch (code.registeringAuthority()) {
            case '9' -> switch (code.type()) {
                case '1' -> ENTERPRISE;
                case '2' -> INDIVIDUAL_BUSINESS;
                default -> OTHER;
            };
            case '1' -> INSTITUTION;
            case '5' -> SOCIAL_ORGANIZATION;
            default -> OTHER;
        };
    }

    /** The value stored in {@code master.unit.kind}. */
    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
