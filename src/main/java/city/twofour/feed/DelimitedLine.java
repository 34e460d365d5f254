package city.twofour.feed;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits one line of a delimited file into fields, with RFC 4180 quoting ({@code "a,b"}, {@code ""} for a quote).
 * A line is one record: department exports do not break records across lines, so a quote left open at the end
 * of the line is broken quoting, and only that line is lost rather than the rest of the file.
 */
public final class DelimitedLine {

    private static final char QUOTE = '"';

    private DelimitedLine() {
    }

    /**
     * @return the fields, or null when the quoting is broken (an unclosed quote, or text after a closing quote)
     */
    public static List<String> split(String line, char delimiter) {
        List<String> fields = new ArrayList<>();
        int i = 0;
        int n = line.length();
        while (true) {
            int close = i < n && line.charAt(i) == QUOTE ? line.indexOf(QUOTE, i + 1) : -1;
            if (close > 0 && (close + 1 == n || line.charAt(close + 1) == delimiter)) {
                fields.add(line.substring(i + 1, close)); // quoted without quotes inside: taken at once
                i = close + 1;
            } else if (i < n && line.charAt(i) == QUOTE) {
                StringBuilder field = new StringBuilder();
                i++;
                boolean closed = false;
                while (i < n) {
                    char c = line.charAt(i++);
                    if (c != QUOTE) {
                        field.append(c);
                    } else if (i < n && line.charAt(i) == QUOTE) {
                        field.append(QUOTE);
                        i++;
                    } else {
                        closed = true;
                        break;
                    }
                }
                if (!closed || (i < n && line.charAt(i) != delimiter)) {
                    return null;
                }
                fields.add(field.toString());
            } else {
                int end = line.indexOf(delimiter, i);
                end = end < 0 ? n : end;
                fields.add(line.substring(i, end));
                i = end;
            }
            if (i >= n) {
                return fields;
            }
            i++; // the delimiter
        }
    }
}
