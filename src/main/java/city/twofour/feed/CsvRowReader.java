package city.twofour.feed;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import city.twofour.common.ProgressListener;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;

/**
 * Streams the rows of a delimited file with a header line, one line per row. A line that cannot be read (bad
 * encoding, broken quoting) still becomes a row, marked with what is wrong, so that the processor rejects it and
 * nothing is dropped. Blank lines are skipped. Restartable: the step's context keeps the number of rows read.
 * It also keeps an estimate of the rows in the file, from the bytes read so far, for the progress line's ETA.
 */
public class CsvRowReader extends AbstractItemCountingItemStreamItemReader<CsvRow> {

    private final Path path;
    private final long fileId;
    private final Charset charset;
    private final char delimiter;

    private FileLines lines;
    private List<String> header;
    private long size;

    public CsvRowReader(String name, Path path, long fileId, Charset charset, char delimiter) {
        setName(name);
        this.path = path;
        this.fileId = fileId;
        this.charset = charset;
        this.delimiter = delimiter;
    }

    @Override
    protected void doOpen() throws IOException {
        size = Files.size(path);
        lines = new FileLines(Files.newInputStream(path), charset);
        header = header(lines, path, charset, delimiter);
        if (header == null) {
            throw new IllegalStateException(path.getFileName() + " is empty: it has no header line");
        }
    }

    /**
     * Reads the header line: the column names, stripped.
     *
     * @return the column names, or null when the file has no header line (no bytes, or only a byte-order mark)
     * @throws IllegalStateException when the header is not valid text in the charset or its quoting is broken
     */
    public static List<String> header(FileLines lines, Path path, Charset charset, char delimiter) throws IOException {
        FileLines.Line first = lines.next();
        if (first == null) {
            return null;
        }
        if (first.text() == null) {
            throw new IllegalStateException(path.getFileName() + ": the header line is not valid " + charset.name()
                    + " text; is the file in another encoding?");
        }
        List<String> columns = DelimitedLine.split(first.text(), delimiter);
        if (columns == null) {
            throw new IllegalStateException(path.getFileName() + ": the header line has broken quoting");
        }
        return columns.stream().map(String::strip).toList();
    }

    /** Whether a line after the header is a row: blank lines are not, undecodable ones are. */
    public static boolean isRow(FileLines.Line line) {
        return line.text() == null || !line.text().isBlank();
    }

    /** The number of rows after the header line, by the same rules as the reader. */
    public static long countRows(Path path, Charset charset, char delimiter) throws IOException {
        try (FileLines lines = new FileLines(Files.newInputStream(path), charset)) {
            return header(lines, path, charset, delimiter) == null ? 0 : lines.countNonBlank();
        }
    }

    @Override
    protected CsvRow doRead() throws IOException {
        FileLines.Line line;
        do {
            line = lines.next();
        } while (line != null && !isRow(line));
        if (line == null) {
            return null;
        }
        if (line.text() == null) {
            return malformed(line, line.original(), RejectReason.BAD_ENCODING);
        }
        List<String> fields = DelimitedLine.split(line.text(), delimiter);
        if (fields == null) {
            return malformed(line, line.text(), RejectReason.BROKEN_QUOTING);
        }
        return new CsvRow(fileId, line.number(), header, fields, line.text(), null, line.terminated());
    }

    @Override
    public void update(ExecutionContext executionContext) {
        super.update(executionContext);
        if (lines != null && lines.position() > 0 && getCurrentItemCount() > 0) {
            executionContext.putLong(ProgressListener.TOTAL_KEY,
                    Math.round(getCurrentItemCount() * ((double) size / lines.position())));
        }
    }

    @Override
    protected void doClose() throws IOException {
        if (lines != null) {
            lines.close();
        }
    }

    private CsvRow malformed(FileLines.Line line, String original, RejectReason reason) {
        return new CsvRow(fileId, line.number(), header, List.of(), original, reason, line.terminated());
    }
}
