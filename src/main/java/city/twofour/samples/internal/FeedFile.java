package city.twofour.samples.internal;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * One department feed file being written: its charset, optional byte-order mark, delimiter,
 * quoting and line end. Counts physical lines (the header is line 1) and reports every data
 * line with its truth to {@link FeedRows}. The last line is held back so that it can be cut
 * off when the feed is meant to arrive truncated.
 */
final class FeedFile implements Closeable {

    /** How a department writes its export. */
    public record Spec(String path, String department, String description, Charset charset, boolean bom, char delimiter,
                boolean quoteAll, String lineEnd, String coordinateSystem, String dateFormat, List<String> header) {

        int column(String name) {
            int i = header.indexOf(name);
            if (i < 0) {
                throw new IllegalArgumentException(path + " has no column " + name);
            }
            return i;
        }
    }

    private final Spec spec;
    private final FeedRows feedRows;
    private final Writer out;
    private int line = 1;
    private String pendingText;
    private FeedRows.Truth pendingTruth;
    private long rows;

    FeedFile(Path root, Spec spec, FeedRows feedRows) {
        this.spec = spec;
        this.feedRows = feedRows;
        try {
            Path file = root.resolve(spec.path());
            Files.createDirectories(file.getParent());
            OutputStream stream = Files.newOutputStream(file);
            if (spec.bom()) {
                stream.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
            }
            out = new BufferedWriter(new OutputStreamWriter(stream, spec.charset().newEncoder()), 1 << 16);
            out.write(format(spec.header().toArray(String[]::new)));
            out.write(spec.lineEnd());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Spec spec() {
        return spec;
    }

    /** Writes a row of fields; returns its line number. */
    int write(String[] fields, FeedRows.Truth truth) {
        return writeText(format(fields), truth);
    }

    /** Writes a row rendered by the caller (for deliberately broken lines); returns its line number. */
    int writeText(String text, FeedRows.Truth truth) {
        flushPending();
        line++;
        pendingText = text;
        pendingTruth = truth;
        rows++;
        return line;
    }

    /** Whether the line written last is one that must be rejected. */
    boolean lastRejected() {
        return pendingTruth != null && pendingTruth.reason() != null;
    }

    String format(String[] fields) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                sb.append(spec.delimiter());
            }
            sb.append(Csv.quote(fields[i] == null ? "" : fields[i], spec.delimiter(), spec.quoteAll()));
        }
        return sb.toString();
    }

    private void flushPending() {
        if (pendingText == null) {
            return;
        }
        try {
            out.write(pendingText);
            out.write(spec.lineEnd());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        feedRows.add(spec.path(), line, pendingTruth);
        pendingText = null;
    }

    long rows() {
        return rows;
    }

    /** Closes the file; if {@code truncateLast}, the last line is cut in the middle and has no line end. */
    void close(boolean truncateLast) {
        try {
            if (pendingText != null && truncateLast) {
                int cut = Math.max(1, pendingText.length() / 2);
                out.write(pendingText.substring(0, cut));
                feedRows.add(spec.path(), line, pendingTruth.rejected(city.twofour.samples.RejectReason.TRUNCATED_LINE, "", "TRUNCATED"));
                pendingText = null;
            } else {
                flushPending();
            }
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        close(false);
    }
}
