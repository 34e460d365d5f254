package city.twofour.feed;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;

/**
 * Streams the rows of a delimited file with a header line, one line per row. A line that cannot be read (bad
 * encoding, broken quoting) still becomes a row, marked with what is wrong, so that the processor rejects it and
 * nothing is dropped. Blank lines are skipped. Restartable: the step's context keeps the number of rows read.
 */
public class CsvRowReader extends AbstractItemCountingItemStreamItemReader<CsvRow> {

    private final Path path;
    private final long fileId;
    private final Charset charset;
    private final char delimiter;

    private FileLines lines;
    private List<String> header;

    public CsvRowReader(String name, Path path, long fileId, Charset charset, char delimiter) {
        setName(name);
        this.path = path;
        this.fileId = fileId;
        this.charset = charset;
        this.delimiter = delimiter;
    }

    @Override
    protected void doOpen() throws IOException {
        lines = new FileLines(Files.newInputStream(path), charset);
        FileLines.Line first = lines.next();
        if (first == null) {
            throw new IllegalStateException(path.getFileName() + " is empty: it has no header line");
        }
        if (first.text() == null) {
            throw new IllegalStateException(path.getFileName() + ": the header line is not valid " + charset.name()
                    + " text; is the file in another encoding?");
        }
        header = DelimitedLine.split(first.text(), delimiter);
        if (header == null) {
            throw new IllegalStateException(path.getFileName() + ": the header line has broken quoting");
        }
        header = header.stream().map(String::strip).toList();
    }

    @Override
    protected CsvRow doRead() throws IOException {
        FileLines.Line line;
        do {
            line = lines.next();
        } while (line != null && line.text() != null && line.text().isBlank());
        if (line == null) {
            return null;
        }
        if (line.text() == null) {
            return malformed(line, new String(line.bytes(), charset), RejectReason.BAD_ENCODING);
        }
        List<String> fields = DelimitedLine.split(line.text(), delimiter);
        if (fields == null) {
            return malformed(line, line.text(), RejectReason.BROKEN_QUOTING);
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            values.put(header.get(i), i < fields.size() ? fields.get(i) : null);
        }
        return new CsvRow(fileId, line.number(), values, fields.size(), line.text(), null, line.terminated());
    }

    @Override
    protected void doClose() throws IOException {
        if (lines != null) {
            lines.close();
        }
    }

    private CsvRow malformed(FileLines.Line line, String original, RejectReason reason) {
        return new CsvRow(fileId, line.number(), Map.of(), 0, original, reason, line.terminated());
    }
}
