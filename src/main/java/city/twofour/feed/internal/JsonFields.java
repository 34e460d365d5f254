package city.twofour.feed.internal;

import java.util.Map;

/**
 * A record's normalised fields as a JSON object, written directly: the values are only text and numbers, and a
 * general-purpose mapper per row cost the import more than all the checks.
 */
final class JsonFields {

    private JsonFields() {
    }

    /**
     * Writes the fields into an emptied builder, which the caller may keep for the next record.
     *
     * @param values field name → text or number (a number's {@code toString()} is valid JSON: the checks admit only
     *               finite numbers)
     * @return the builder
     */
    static StringBuilder write(Map<String, Object> values, StringBuilder json) {
        json.setLength(0);
        json.append('{');
        for (Map.Entry<String, Object> field : values.entrySet()) {
            if (json.length() > 1) {
                json.append(',');
            }
            string(json, field.getKey()).append(':');
            Object value = field.getValue();
            if (value instanceof Number number) {
                json.append(number);
            } else {
                string(json, value.toString());
            }
        }
        return json.append('}');
    }

    private static StringBuilder string(StringBuilder json, String text) {
        json.append('"');
        int plain = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\' || c < 0x20) {
                json.append(text, plain, i).append(escaped(c));
                plain = i + 1;
            }
        }
        // appending a whole string copies it at once, a part of one char by char
        return (plain == 0 ? json.append(text) : json.append(text, plain, text.length())).append('"');
    }

    private static String escaped(char c) {
        return switch (c) {
            case '"' -> "\\\"";
            case '\\' -> "\\\\";
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            case '\t' -> "\\t";
            default -> String.format("\\u%04x", (int) c);
        };
    }
}
