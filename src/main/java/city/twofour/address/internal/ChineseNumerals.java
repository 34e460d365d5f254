package city.twofour.address.internal;

/**
 * Reads numbers written in Chinese characters, as used for door, building and room numbers.
 * <ul>
 * <li>Positional digit strings: {@code 一〇二} → 102, {@code 五零一} → 501.</li>
 * <li>Counted numbers: {@code 十八} → 18, {@code 二十三} → 23, {@code 一百零二} → 102,
 * {@code 两千} → 2000.</li>
 * <li>{@code 两} = 2, {@code 廿} = 20, {@code 卅} = 30.</li>
 * </ul>
 */
public final class ChineseNumerals {

    /** Every character this class reads. */
    public static final String CHARACTERS = "〇零一二两三四五六七八九十百千廿卅";

    private ChineseNumerals() {
    }

    /** The value of a digit character, or -1 if it is not one. */
    public static int digit(char c) {
        return switch (c) {
            case '〇', '零' -> 0;
            case '一' -> 1;
            case '二', '两' -> 2;
            case '三' -> 3;
            case '四' -> 4;
            case '五' -> 5;
            case '六' -> 6;
            case '七' -> 7;
            case '八' -> 8;
            case '九' -> 9;
            default -> -1;
        };
    }

    /**
     * The decimal digits for a Chinese numeral. Positional strings keep their leading zeros
     * ({@code 〇一} → {@code 01}).
     *
     * @throws IllegalArgumentException if the text holds a character that is not a numeral
     */
    public static String toDigits(String text) {
        boolean counted = text.chars().anyMatch(c -> c == '十' || c == '百' || c == '千' || c == '廿' || c == '卅');
        if (!counted) {
            StringBuilder sb = new StringBuilder(text.length());
            for (int i = 0; i < text.length(); i++) {
                int d = digit(text.charAt(i));
                if (d < 0) {
                    throw new IllegalArgumentException("not a Chinese numeral: " + text);
                }
                sb.append((char) ('0' + d));
            }
            return sb.toString();
        }
        long total = 0;
        int current = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '十' -> { total += (current == 0 ? 1 : current) * 10L; current = 0; }
                case '百' -> { total += (current == 0 ? 1 : current) * 100L; current = 0; }
                case '千' -> { total += (current == 0 ? 1 : current) * 1000L; current = 0; }
                case '廿' -> { total += 20; current = 0; }
                case '卅' -> { total += 30; current = 0; }
                default -> {
                    int d = digit(c);
                    if (d < 0) {
                        throw new IllegalArgumentException("not a Chinese numeral: " + text);
                    }
                    current = d;
                }
            }
        }
        return Long.toString(total + current);
    }
}
