package city.twofour.feed;

/**
 * How the value of a feed field is checked and normalised; see {@link FieldValues}.
 */
public enum FieldType {
    /** Any text; kept as delivered, without surrounding whitespace. */
    TEXT,
    /** 公民身份号码 (GB 11643): 18 characters with a check character; a 15-digit old number is upgraded. */
    CITIZEN_ID,
    /** 统一社会信用代码 (GB 32100): 18 characters with a check character. */
    CREDIT_CODE,
    /** A calendar date in one of the field's formats; normalised to ISO {@code yyyy-MM-dd}. */
    DATE,
    /** A calendar date and time of day in one of the field's formats; normalised to ISO {@code yyyy-MM-ddTHH:mm[:ss]}. */
    DATETIME,
    /** A mainland mobile number (11 digits) or a landline with its area code. */
    PHONE,
    /** One of the delivered values listed in the field's value map; normalised to the mapped value. */
    ENUM,
    /** A whole number. */
    INTEGER,
    /** A decimal number. */
    DECIMAL,
    /** Longitude in decimal degrees, in the feed's coordinate system; normalised to CGCS2000. */
    LONGITUDE,
    /** Latitude in decimal degrees, in the feed's coordinate system; normalised to CGCS2000. */
    LATITUDE
}
