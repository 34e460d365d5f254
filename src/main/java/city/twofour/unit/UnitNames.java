package city.twofour.unit;

import java.util.List;

/**
 * Unit names as registries write them, made comparable. {@link #normalise} gives the name to keep: full-width
 * letters, digits and brackets half-width, runs of spaces one space. {@link #key} gives the name to match on: without
 * the province and city prefix, brackets, spaces and punctuation, so {@code 东莞市华盛（实业）有限公司} and
 * {@code 华盛实业有限公司} share a key.
 */
public final class UnitNames {

    private static final List<String> PREFIXES = List.of("广东省", "东莞市");

    private UnitNames() {
    }

    /** The name to keep; null for a blank name. */
    public static String normalise(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        StringBuilder out = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            char half = c >= '\uFF01' && c <= '\uFF5E' ? (char) (c - 0xFEE0) : c == '\u3000' ? ' ' : c;
            half = half == '【' || half == '〔' ? '(' : half == '】' || half == '〕' ? ')' : half;
            if (half == ' ' && (out.isEmpty() || out.charAt(out.length() - 1) == ' ')) {
                continue;
            }
            out.append(half);
        }
        return out.toString().strip();
    }

    /** The name to match on; empty for a blank name. */
    public static String key(String name) {
        String n = normalise(name);
        if (n == null) {
            return "";
        }
        boolean stripped = true;
        while (stripped) {
            stripped = false;
            for (String prefix : PREFIXES) {
                if (n.startsWith(prefix) && n.length() > prefix.length()) {
                    n = n.substring(prefix.length());
                    stripped = true;
                }
            }
        }
        StringBuilder key = new StringBuilder(n.length());
        n.codePoints().filter(Character::isLetterOrDigit).forEach(key::appendCodePoint);
        return key.toString().toUpperCase(java.util.Locale.ROOT);
    }
}
