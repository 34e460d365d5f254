package city.twofour.population;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import city.twofour.address.internal.ChineseCharacters;
import net.sourceforge.pinyin4j.PinyinHelper;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * How alike two Chinese names are, in [0, 1], tolerant of the typos clerks make: a homophone (张/章, 王/汪) or a
 * look-alike character costs little, a character with a near reading (陈 chen / 程 cheng) a little more, any other
 * character a whole edit. The score is one minus the weighted edit distance over the longer name's length.
 */
public final class NameSimilarity {

    private static final LevenshteinDistance LEVENSHTEIN = LevenshteinDistance.getDefaultInstance();

    /** What a homophone or look-alike character keeps of a full match. */
    public static final double HOMOPHONE_SIMILARITY = 0.9;

    /** What a character with a near reading keeps at most (scaled by how alike the readings are). */
    public static final double NEAR_READING_SIMILARITY = 0.7;

    private static final Map<Character, String[]> READINGS = new ConcurrentHashMap<>();

    private NameSimilarity() {
    }

    public static double of(String a, String b) {
        if (a == null || b == null || a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        if (a.equals(b)) {
            return 1;
        }
        double[] previous = new double[b.length() + 1];
        double[] current = new double[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                double substitute = previous[j - 1] + 1 - characters(a.charAt(i - 1), b.charAt(j - 1));
                current[j] = Math.min(substitute, Math.min(previous[j], current[j - 1]) + 1);
            }
            double[] swap = previous;
            previous = current;
            current = swap;
        }
        return 1 - previous[b.length()] / Math.max(a.length(), b.length());
    }

    /** How alike two characters are: 1 equal, {@link #HOMOPHONE_SIMILARITY} for homophones and look-alikes. */
    public static double characters(char a, char b) {
        if (a == b) {
            return 1;
        }
        if (ChineseCharacters.homophones(a, b) || ChineseCharacters.lookAlike(a, b)) {
            return HOMOPHONE_SIMILARITY;
        }
        double best = 0;
        for (String ra : readings(a)) {
            for (String rb : readings(b)) {
                best = Math.max(best, 1 - (double) LEVENSHTEIN.apply(ra, rb) / Math.max(ra.length(), rb.length()));
            }
        }
        return best * NEAR_READING_SIMILARITY;
    }

    /** The toneless pinyin of a name's first character (its surname, for all but a few compound ones). */
    public static String surnamePinyin(String name) {
        if (name == null || name.isEmpty()) {
            return "";
        }
        String[] readings = readings(name.charAt(0));
        return readings.length == 0 ? String.valueOf(name.charAt(0)) : readings[0];
    }

    private static String[] readings(char c) {
        return READINGS.computeIfAbsent(c, k -> {
            String[] pinyin = PinyinHelper.toHanyuPinyinStringArray(k);
            return pinyin == null ? new String[0] : Arrays.stream(pinyin)
                    .map(p -> p.replaceAll("[0-9]", "").toLowerCase(Locale.ROOT)).distinct().toArray(String[]::new);
        });
    }
}
