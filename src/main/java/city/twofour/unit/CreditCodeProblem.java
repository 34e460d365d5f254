package city.twofour.unit;

/** Why a text is not a valid unified social credit code (统一社会信用代码, GB 32100). */
public enum CreditCodeProblem {
    /** Null, empty or only whitespace. */
    BLANK,
    /** Not 18 characters. */
    WRONG_LENGTH,
    /** A character outside {@code 0-9 A-H J-N P-R T U W-Y} (I, O, Z, S and V are never used). */
    BAD_CHARACTERS,
    /** The first character is not a registering-authority code. */
    BAD_REGISTERING_AUTHORITY,
    /** Characters 3-8 are not six digits. */
    BAD_REGION_CODE,
    /** The 18th character does not match the GB 32100 MOD 31 check of the first 17. */
    BAD_CHECK_CHARACTER,
    /** Characters 9-17 are not an organisation code with a valid GB 11714 check character. */
    BAD_ORGANIZATION_CODE_CHECK
}
