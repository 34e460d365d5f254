package city.twofour.feed;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import city.twofour.population.CitizenId;
import city.twofour.population.CitizenIdProblem;
import city.twofour.population.InvalidCitizenIdException;
import city.twofour.unit.CreditCode;
import city.twofour.unit.CreditCodeProblem;
import city.twofour.unit.InvalidCreditCodeException;

/**
 * Checks and normalises single delivered values by {@link FieldType}. Each method takes the field's name so that
 * a {@link RejectedRecordException} names it. Full-width digits and letters (０-９, Ａ-Ｚ), common in hand-typed
 * exports, are read as their ASCII forms in codes, numbers, dates and phone numbers.
 */
public final class FieldValues {

    /** Date patterns accepted when a date field lists none. */
    public static final List<String> DEFAULT_DATE_FORMATS = List.of("yyyy-MM-dd", "yyyy/M/d", "yyyyMMdd", "yyyy年M月d日", "yyyy.M.d");
    /** Date-time patterns accepted when a date-time field lists none. */
    public static final List<String> DEFAULT_DATE_TIME_FORMATS = List.of("yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm",
            "yyyy/M/d H:mm:ss", "yyyy/M/d H:mm", "yyyyMMddHHmmss");

    /** What a phone number may be written with between its digits: white space, brackets, hyphens. */
    private static final String PHONE_SEPARATORS = " \t\n\u000B\f\r()（）-";
    private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]+");

    private FieldValues() {
    }

    /**
     * A citizen ID number, 15-digit old numbers upgraded to 18 characters.
     *
     * @throws RejectedRecordException {@code BAD_CITIZEN_ID_CHECK} for a wrong check character, else {@code BAD_CITIZEN_ID}
     */
    public static CitizenId citizenId(String field, String value) {
        try {
            return CitizenId.parse(halfWidth(value));
        } catch (InvalidCitizenIdException e) {
            RejectReason reason = e.problem() == CitizenIdProblem.BAD_CHECK_CHARACTER
                    ? RejectReason.BAD_CITIZEN_ID_CHECK : RejectReason.BAD_CITIZEN_ID;
            throw new RejectedRecordException(field, reason, e.problem().name().toLowerCase().replace('_', ' ') + ": " + value);
        }
    }

    /**
     * A unified social credit code.
     *
     * @throws RejectedRecordException {@code BAD_CREDIT_CODE_CHECK} for a wrong check character, else {@code BAD_CREDIT_CODE}
     */
    public static CreditCode creditCode(String field, String value) {
        try {
            return CreditCode.parse(halfWidth(value));
        } catch (InvalidCreditCodeException e) {
            RejectReason reason = e.problem() == CreditCodeProblem.BAD_CHECK_CHARACTER
                    || e.problem() == CreditCodeProblem.BAD_ORGANIZATION_CODE_CHECK
                    ? RejectReason.BAD_CREDIT_CODE_CHECK : RejectReason.BAD_CREDIT_CODE;
            throw new RejectedRecordException(field, reason, e.problem().name().toLowerCase().replace('_', ' ') + ": " + value);
        }
    }

    /** A date field's patterns, written with {@code y} for the year ({@code yyyy-MM-dd}); none are the defaults. */
    public static List<DatePattern> dateFormats(List<String> patterns) {
        return (patterns.isEmpty() ? DEFAULT_DATE_FORMATS : patterns).stream().map(DatePattern::of).toList();
    }

    /** A date-time field's patterns ({@code yyyy-MM-dd HH:mm:ss}); none are the defaults. */
    public static List<DatePattern> dateTimeFormats(List<String> patterns) {
        return (patterns.isEmpty() ? DEFAULT_DATE_TIME_FORMATS : patterns).stream().map(DatePattern::of).toList();
    }

    /**
     * A date and time of day in the first of the formats that reads it, as ISO text ({@code 2026-11-19T23:48}, the
     * seconds only when there are).
     *
     * @throws RejectedRecordException {@code BAD_DATE} when none does, or the date is not in the calendar
     */
    public static String dateTime(String field, String value, List<DatePattern> formats) {
        String text = halfWidth(value);
        for (DatePattern format : formats) {
            LocalDateTime time = format.dateTime(text);
            if (time != null) {
                return time.toString();
            }
        }
        throw new RejectedRecordException(field, RejectReason.BAD_DATE, "'" + value + "'");
    }

    /**
     * A date in the first of the formats that reads it, as ISO text ({@code yyyy-MM-dd}).
     *
     * @throws RejectedRecordException {@code BAD_DATE} when none does, or the date is not in the calendar
     */
    public static String date(String field, String value, List<DatePattern> formats) {
        String text = halfWidth(value);
        for (DatePattern format : formats) {
            LocalDate date = format.date(text);
            if (date != null) {
                return date.toString();
            }
        }
        throw new RejectedRecordException(field, RejectReason.BAD_DATE, "'" + value + "'");
    }

    /** Whether the characters from {@code start} to {@code end} are all ASCII digits. */
    private static boolean isDigits(String text, int start, int end) {
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /**
     * A phone number: a mobile number as its 11 digits, a landline as {@code area code-number} (0769-22112233).
     * Spaces, hyphens, brackets and a leading +86 / 0086 are dropped.
     *
     * @throws RejectedRecordException {@code BAD_PHONE} for anything else, e.g. a landline without its area code
     */
    public static String phone(String field, String value) {
        if (isMobile(value)) {
            return value;
        }
        String digits = withoutPhoneSeparators(halfWidth(value));
        if (digits.startsWith("+86")) {
            digits = digits.substring(3);
        } else if (digits.startsWith("0086")) {
            digits = digits.substring(4);
        }
        if (isMobile(digits)) {
            return digits;
        }
        if (isLandline(digits)) {
            int areaCode = digits.startsWith("01") || digits.startsWith("02") ? 3 : 4;
            int local = digits.length() - areaCode;
            if (local == 7 || local == 8) {
                return digits.substring(0, areaCode) + "-" + digits.substring(areaCode);
            }
        }
        throw new RejectedRecordException(field, RejectReason.BAD_PHONE, "'" + value + "'");
    }

    /** The text without {@link #PHONE_SEPARATORS}, dropped by hand: regular expressions are slow for every row. */
    private static String withoutPhoneSeparators(String text) {
        StringBuilder kept = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (PHONE_SEPARATORS.indexOf(c) >= 0) {
                if (kept == null) {
                    kept = new StringBuilder(text.length()).append(text, 0, i);
                }
            } else if (kept != null) {
                kept.append(c);
            }
        }
        return kept == null ? text : kept.toString();
    }

    /** Whether the text is a landline with its area code: 0, a digit from 1, then 8 to 10 digits. */
    private static boolean isLandline(String text) {
        return text.length() >= 10 && text.length() <= 12 && text.charAt(0) == '0' && text.charAt(1) >= '1'
                && text.charAt(1) <= '9' && isDigits(text, 2, text.length());
    }

    /** Whether the text is an 11-digit mobile number ({@code 1[3-9]} and 9 digits), checked by hand for speed. */
    private static boolean isMobile(String text) {
        if (text.length() != 11 || text.charAt(0) != '1' || text.charAt(1) < '3' || text.charAt(1) > '9') {
            return false;
        }
        return isDigits(text, 2, 11);
    }

    /**
     * The normalised value of a delivered enumeration value.
     *
     * @throws RejectedRecordException {@code BAD_VALUE} for a value not in the map
     */
    public static String enumValue(String field, String value, Map<String, String> values) {
        String mapped = values.get(value);
        if (mapped == null) {
            throw new RejectedRecordException(field, RejectReason.BAD_VALUE, "'" + value + "' is not one of " + values.keySet());
        }
        return mapped;
    }

    /** @throws RejectedRecordException {@code BAD_NUMBER} for anything but a whole number */
    public static long integer(String field, String value) {
        String text = halfWidth(value).replace(",", "");
        if (INTEGER.matcher(text).matches()) {
            try {
                return Long.parseLong(text);
            } catch (NumberFormatException e) {
                // too long: rejected below
            }
        }
        throw new RejectedRecordException(field, RejectReason.BAD_NUMBER, "'" + value + "' is not a whole number");
    }

    /** @throws RejectedRecordException {@code BAD_NUMBER} for anything but a decimal number */
    public static BigDecimal decimal(String field, String value) {
        try {
            return new BigDecimal(halfWidth(value).replace(",", ""));
        } catch (NumberFormatException e) {
            throw new RejectedRecordException(field, RejectReason.BAD_NUMBER, "'" + value + "' is not a number");
        }
    }

    /** @throws RejectedRecordException {@code BAD_NUMBER} for anything but a finite number of degrees */
    public static double degrees(String field, String value) {
        try {
            double degrees = Double.parseDouble(halfWidth(value));
            if (Double.isFinite(degrees)) {
                return degrees;
            }
        } catch (NumberFormatException e) {
            // rejected below
        }
        throw new RejectedRecordException(field, RejectReason.BAD_NUMBER, "'" + value + "' is not a number of degrees");
    }

    /** The text with full-width ASCII forms (U+FF01-U+FF5E) and the ideographic space replaced by ASCII. */
    static String halfWidth(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char ascii = c >= '\uFF01' && c <= '\uFF5E' ? (char) (c - 0xFEE0) : c == '\u3000' ? ' ' : c;
            if (ascii != c && out == null) {
                out = new StringBuilder(text.substring(0, i));
            }
            if (out != null) {
                out.append(ascii);
            }
        }
        return out == null ? text : out.toString().strip();
    }
}
