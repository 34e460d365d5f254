package city.twofour.samples.internal;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/** Reads a generated feed back line by line, the way a strict importer would. */
public final class FeedLines {

    private final FeedFile.Spec spec;
    private final List<String> lines;
    private final boolean endsWithLineEnd;

    private FeedLines(FeedFile.Spec spec, List<String> lines, boolean endsWithLineEnd) {
        this.spec = spec;
        this.lines = lines;
        this.endsWithLineEnd = endsWithLineEnd;
    }

    public static FeedLines read(Path root, String path) throws IOException {
        FeedFile.Spec spec = FeedCatalog.byPath(path);
        byte[] bytes = Files.readAllBytes(root.resolve(path));
        int start = spec.bom() && bytes.length >= 3 && bytes[0] == (byte) 0xEF ? 3 : 0;
        String text = new String(bytes, start, bytes.length - start, spec.charset());
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
        boolean endsWithLineEnd = text.endsWith("\n");
        if (endsWithLineEnd) {
            lines.remove(lines.size() - 1);
        }
        lines.replaceAll(l -> l.endsWith("\r") ? l.substring(0, l.length() - 1) : l);
        return new FeedLines(spec, lines, endsWithLineEnd);
    }

    public static List<String> feedPaths() {
        return FeedCatalog.ALL.stream().map(FeedFile.Spec::path).toList();
    }

    public int lineCount() {
        return lines.size();
    }

    /** The raw text of a 1-based line. */
    public String line(int number) {
        return lines.get(number - 1);
    }

    public boolean isLastLine(int number) {
        return number == lines.size();
    }

    public boolean endsWithLineEnd() {
        return endsWithLineEnd;
    }

    public List<String> header() {
        return spec.header();
    }

    public int column(String name) {
        return spec.column(name);
    }

    public Charset charset() {
        return spec.charset();
    }

    public String dateFormat() {
        return spec.dateFormat();
    }

    /** The fields of a line, or null if the line is not well-formed CSV in the feed's dialect. */
    public List<String> fields(int number) {
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(spec.delimiter()).get();
        try {
            List<CSVRecord> records = format.parse(new StringReader(line(number))).getRecords();
            if (records.size() != 1) {
                return null;
            }
            return records.get(0).toList();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
