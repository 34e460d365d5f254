package city.twofour.samples.internal;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** A minimal streaming UTF-8 CSV writer (RFC 4180 quoting, LF line ends) for the truth files. */
final class Csv implements Closeable {

    private final Writer out;
    private long rows;

    Csv(Path file, String... header) {
        try {
            Files.createDirectories(file.getParent());
            out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8), 1 << 16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        write0(header);
    }

    void row(Object... fields) {
        write0(fields);
        rows++;
    }

    long rows() {
        return rows;
    }

    private void write0(Object[] fields) {
        try {
            for (int i = 0; i < fields.length; i++) {
                if (i > 0) {
                    out.write(',');
                }
                out.write(quote(fields[i] == null ? "" : fields[i].toString(), ',', false));
            }
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String quote(String s, char delimiter, boolean always) {
        boolean needs = always || s.indexOf(delimiter) >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0;
        return needs ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
