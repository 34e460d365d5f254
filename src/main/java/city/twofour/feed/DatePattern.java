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
 * text are read by hand first, since the formatter's parser costs more than all the other checks of a row; what the
 * hand reading does not take goes to the formatter, so the answer is always the formatter's. A field of two or four
 * letters takes that many digits, one of one letter one or two digits before literal text or the end.
 */
public final class DatePattern {

    private static final String FIELDS = "yMdHms";

    /**
     * A field with the digits it takes, its place in {@link #FIELDS}; or literal text, when {@code field} is -1.
     */
    private record Part(int field, int minDigits, int maxDigits, String literal) {
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
        int[] fields = parts == null ? null : read(text);
        if (fields != null) {
            try {
                if (hasTime) {
                    LocalTime.of(fields[3], fields[4], fields[5]); // the formatter checks the time it reads too
                }
                return LocalDate.of(fields[0], fields[1], fields[2]);
            } catch (DateTimeException e) {
                return null;
            }
        }
        try {
            return LocalDate.parse(text, formatter);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The date and time of day the text is in the pattern, or null. */
    LocalDateTime dateTime(String text) {
        int[] fields = hasTimeOfDay ? read(text) : null;
        if (fields != null) {
            try {
                return LocalDateTime.of(fields[0], fields[1], fields[2], fields[3], fields[4], fields[5]);
            } catch (DateTimeException e) {
                return null;
            }
        }
        try {
            return LocalDateTime.parse(text, formatter);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Year, month, day, hour, minute, second (0 where the pattern has none), or null when the text is not read. */
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
            int start = at;
            int value = 0;
            while (at < text.length() && at - start < part.maxDigits() && text.charAt(at) >= '0' && text.charAt(at) <= '9') {
                value = 10 * value + text.charAt(at++) - '0';
            }
            if (at - start < part.minDigits()) {
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
            while (end < pattern.length() && (field ? pattern.charAt(end) == c : !isPatternLetter(pattern.charAt(end)))) {
                end++;
            }
            if (field) {
                int count = end - i;
                boolean beforeField = end < pattern.length() && isPatternLetter(pattern.charAt(end));
                boolean read = c == 'y' ? count == 4 : FIELDS.indexOf(c) > 0 && (count == 2 || count == 1 && !beforeField);
                if (!read || fields.indexOf(String.valueOf(c)) >= 0) {
                    return null;
                }
                fields.append(c);
                parts.add(new Part(FIELDS.indexOf(c), count, count == 1 ? 2 : count, null));
            } else {
                String literal = pattern.substring(i, end);
                if (literal.chars().anyMatch(ch -> "'[]#{}".indexOf(ch) >= 0)) {
                    return null;
                }
                parts.add(new Part(-1, 0, 0, literal));
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
