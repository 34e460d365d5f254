package city.twofour.samples;

/**
 * Why a feed row (or a whole feed file) must be rejected by an import; written to
 * {@code truth/feed_rows.csv} as the expected reason. Upper snake case, stable.
 */
public enum RejectReason {
    /** A required field (name, ID number, credit code, address, coordinate …) is empty. */
    MISSING_REQUIRED_FIELD,
    /** An 18-character citizen ID number whose check character does not match (a typo). */
    BAD_CITIZEN_ID_CHECK,
    /** A unified social credit code whose check character does not match (a typo). */
    BAD_CREDIT_CODE_CHECK,
    /** A date that is not a calendar date in the feed's format. */
    BAD_DATE,
    /** A phone number that is neither an 11-digit mobile number nor a 0769 landline. */
    BAD_PHONE,
    /** A line with more or fewer fields than the header. */
    WRONG_COLUMN_COUNT,
    /** A quoted field followed by more characters before the delimiter. */
    BROKEN_QUOTING,
    /** The last line of a file cut off in the middle (no line end). */
    TRUNCATED_LINE,
    /** A coordinate outside the city extent (typically longitude and latitude swapped). */
    COORDINATE_OUTSIDE_CITY,
    /** A verification result whose task number matches no declaration. */
    UNKNOWN_TASK,
    /** A verification result by an officer who is not on the roster of the task's grid. */
    OFFICER_NOT_IN_GRID,
    /** A verification result whose corrected value fails validation (层数 not a positive number, 类型 not a label). */
    BAD_CORRECTION,
    /** A file with the same bytes as a file already delivered (whole file rejected). */
    DUPLICATE_FILE,
    /** A file of zero bytes (whole file rejected). */
    EMPTY_FILE
}
