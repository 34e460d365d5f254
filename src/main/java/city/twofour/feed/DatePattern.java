package city.twofour.feed;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;

/**
 * A feed's date or date-time pattern ({@code yyyy-MM-dd}, {@code yyyy年M月d日}, {@code yyyyMMdd HH:mm:ss}) read as a
 * strict {@link DateTimeFormatter} reads it, with {@code y} for the proleptic year. Patterns of numbers and literal
 * text are read by hand, since the formatter's parser costs more than all the other checks of a row, and a text that
 * does not fit one pattern is often tried against the next; only what the hand reading cannot tell (a signed year)
 * and other patterns go to the formatter, so the answer is always the formatter's. The hand reading takes as the
 * formatter does: a field of two or four letters that many digits, one of one letter any number of digits before
 * literal text or the end.
 */
public final class DatePattern {

    private static final String FIELDS = "yMdHms";
    /** The hand reading's answer when only the formatter can tell. */
    private static final int[] ASK_THE_FORMATTER = new int[0];
    /** Digits a field of one letter is read with by hand; a longer number is left to the formatter. */
    private static final int MOST_DIGITS = 9;

    /**
     * A field, its place in {@link #FIELDS}, with the digits it takes (0: any number), or literal text when
     * {@code field} is -1.
     */
    private record Part(int field, int digits, String literal) {
    }

    private final DateTimeFormatter formatter;
    /** Null when the pattern is not one the hand reading takes. */
    private final Part[] parts;
    /** Whether the pattern has any time field; and the hour and minute a date and time needs. */
    private final boolean hasTime;
    private final boolean hasTimeOfDay;

    private DatePattern(String pattern) {
        this.formatter = DateTimeFormatter.ofPattern(pattern.replace('y', 'u')).withResolverStyle(ResolverStyle.STRICT);
        List<Part> read = parts(pattern);
        this.parts = read == null ? null : read.toArray(Part[]::new);
        this.hasTime = read != null && read.stream().anyMatch(p -> p.field() >= 3);
        this.hasTimeOfDay = read != null && read.stream().anyMatch(p -> p.field() == 3)
                && read.stream().anyMatch(p -> p.field() == 4);
    }

    public static DatePattern of(String pattern) {
        return new DatePattern(pattern);
    }

    /** The date the text is in the pattern, or null. */
    LocalDate date(String text) {
        int[] fields = parts == null ? ASK_THE_FORMATTER : read(text);
        if (fields == ASK_THE_FORMATTER) {
            try {
                return LocalDate.parse(text, formatter);
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        try {
            if (fields != null && hasTime) {
                LocalTime.of(fields[3], fields[4], fields[5]); // the formatter checks the time it reads too
            }
            return fields == null ? null : LocalDate.of(fields[0], fields[1], fields[2]);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** The date and time of day the text is in the pattern, or null. */
    LocalDateTime dateTime(String text) {
        int[] fields = hasTimeOfDay ? read(text) : ASK_THE_FORMATTER;
        if (fields == ASK_THE_FORMATTER) {
            try {
                return LocalDateTime.parse(text, formatter);
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        try {
            return fields == null ? null
                    : LocalDateTime.of(fields[0], fields[1], fields[2], fields[3], fields[4], fields[5]);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /**
     * Year, month, day, hour, minute, second (0 where the pattern has none); null when the text is not in the
     * pattern; {@link #ASK_THE_FORMATTER} when the hand reading cannot tell.
     */
    private int[] read(String text) {
        int[] fields = new int[6];
        int at = 0;
        for (Part part : parts) {
            if (part.field() < 0) {
                if (!text.startsWith(part.literal(), at)) {
                    return null;
                }
                at += part.literal().length();
                continue;
            }
            if (at < text.length() && (text.charAt(at) == '+' || text.charAt(at) == '-')) {
                return part.field() == 0 ? ASK_THE_FORMATTER : null; // the year may have a sign, nothing else
            }
            int start = at;
            int most = part.digits() > 0 ? part.digits() : MOST_DIGITS + 1;
            int value = 0;
            while (at < text.length() && at - start < most && text.charAt(at) >= '0' && text.charAt(at) <= '9') {
                value = 10 * value + text.charAt(at++) - '0';
            }
            if (at - start > MOST_DIGITS) {
                return ASK_THE_FORMATTER;
            }
            if (at == start || part.digits() > 0 && at - start < part.digits()) {
                return null;
            }
            fields[part.field()] = value;
        }
        return at == text.length() ? fields : null;
    }

    /**
     * The parts of a pattern the hand reading takes: year, month and day, perhaps hour, minute and second, each once,
     * and literal text between them without the formatter's special characters; else null.
     */
    private static List<Part> parts(String pattern) {
        List<Part> parts = new ArrayList<>();
        StringBuilder fields = new StringBuilder();
        int i = 0;
        while (i < pattern.length()) {
            char c = pattern.charAt(i);
            boolean field = isPatternLetter(c);
            int end = i + 1;
            while (end < pattern.length()
                    && (field ? pattern.charAt(end) == c : !isPatternLetter(pattern.charAt(end)))) {
                end++;
            }
            if (field) {
                int count = end - i;
                boolean beforeField = end < pattern.length() && isPatternLetter(pattern.charAt(end));
                boolean read = c == 'y' ? count == 4
                        : FIELDS.indexOf(c) > 0 && (count == 2 || count == 1 && !beforeField);
                if (!read || fields.indexOf(String.valueOf(c)) >= 0) {
                    return null;
                }
                fields.append(c);
                parts.add(new Part(FIELDS.indexOf(c), count == 1 ? 0 : count, null));
            } else {
                String literal = pattern.substring(i, end);
                if (literal.chars().anyMatch(ch -> "'[]#{}".indexOf(ch) >= 0)) {
                    return null;
                }
                parts.add(new Part(-1, 0, literal));
            }
            i = end;
        }
        return fields.indexOf("y") >= 0 && fields.indexOf("M") >= 0 && fields.indexOf("d") >= 0 ? parts : null;
    }

    /** The letters a {@link DateTimeFormatter} pattern reserves for fields. */
    private static boolean isPatternLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }
}
