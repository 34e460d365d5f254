package city.twofour.population;

/** Why a text is not a valid citizen ID number (公民身份号码, GB 11643). */
public enum CitizenIdProblem {
    /** Null, empty or only whitespace. */
    BLANK,
    /** Neither 18 characters nor an old 15-digit number. */
    WRONG_LENGTH,
    /** Characters other than digits, or an X anywhere but the last place of an 18-character number. */
    BAD_CHARACTERS,
    /** The first two digits are not a province-level code. */
    BAD_REGION_CODE,
    /** The birth date digits are not a calendar date, or lie before 1850. */
    BAD_BIRTH_DATE,
    /** The 18th character does not match the ISO 7064 MOD 11-2 check of the first 17. */
    BAD_CHECK_CHARACTER
}
