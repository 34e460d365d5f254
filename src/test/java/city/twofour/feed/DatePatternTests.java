package city.twofour.feed;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class DatePatternTests {

    /** The patterns of the feeds and the defaults, and some the hand reading leaves to the formatter. */
    @ParameterizedTest
    @ValueSource(strings = {"yyyy-MM-dd", "yyyy/M/d", "yyyyMMdd", "yyyy年M月d日", "yyyy.M.d", "yyyy.MM.dd", "yyyy-MM-dd HH:mm",
            "yyyy-MM-dd HH:mm:ss", "yyyy/M/d H:mm:ss", "yyyy/M/d H:mm", "yyyyMMddHHmmss", "yy-MM-dd", "dd.MM.yyyy",
            "yyyy-MM-dd'T'HH:mm", "yyyyMd"})
    void readsWhatTheStrictFormatterReadsAsItDoes(String pattern) {
        DateTimeFormatter formatter = DateTimeFormatter.ofPattern(pattern.replace('y', 'u')).withResolverStyle(ResolverStyle.STRICT);
        DatePattern hand = DatePattern.of(pattern);

        for (String text : texts(pattern, formatter)) {
            LocalDate date = parsed(text, t -> LocalDate.parse(t, formatter));
            LocalDateTime time = parsed(text, t -> LocalDateTime.parse(t, formatter));
            assertThat(hand.date(text)).as(pattern + " date of '" + text + "'").isEqualTo(date);
            assertThat(hand.dateTime(text)).as(pattern + " date-time of '" + text + "'").isEqualTo(time);
        }
    }

    /** Dates and times formatted in the pattern, some of them spoiled: digits too many or too few, out of range, cut. */
    private static List<String> texts(String pattern, DateTimeFormatter formatter) {
        SplittableRandom random = new SplittableRandom(pattern.hashCode());
        List<String> texts = new ArrayList<>(List.of("", "2026", "２０２６-１１-２０", "2024-02-29", "2023-02-29", "2026-11-20 24:00",
                "2026-11-20 23:60", "2026-11-20 23:59:60", "2026/13/1", "2026/2/30 9:05", "20260230", "2026年2月29日", "2026.1.5",
                "+20261-01-01", "-2026-01-01", "+2026-01-01", "20261-01-01", "2026/012/5", "2026/0000000001/5",
                "2026/00000000001/5", "2026/-1/5", "2026/+1/5", "202611201", "+202611201", "2026/1/5 009:05", "2026-01-01 1:05",
                "-20260101", "2026年01月05日", "2026-11-20 23:59:59.5"));
        for (int i = 0; i < 3_000; i++) {
            LocalDateTime time = LocalDateTime.of(1900 + random.nextInt(200), 1 + random.nextInt(12), 1 + random.nextInt(28),
                    random.nextInt(24), random.nextInt(60), random.nextInt(60));
            String text = formatter.format(time);
            texts.add(text);
            int at = random.nextInt(text.length());
            texts.add(switch (random.nextInt(6)) {
                case 0 -> text.substring(0, at) + text.substring(at + 1);
                case 1 -> text.substring(0, at) + random.nextInt(10) + text.substring(at);
                case 2 -> text.substring(0, at) + (char) ('0' + random.nextInt(10)) + text.substring(at + 1);
                case 3 -> text + random.nextInt(10);
                case 4 -> text.replace("-", "/");
                default -> text.substring(0, at);
            });
        }
        return texts;
    }

    private static <T> T parsed(String text, Function<String, T> parse) {
        try {
            return parse.apply(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
