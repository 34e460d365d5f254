package city.twofour.common;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** CSV files for people: UTF-8 with a byte-order mark, which spreadsheet programs need to read them as UTF-8. */
public final class SpreadsheetCsv {

    private SpreadsheetCsv() {
    }

    /** A printer on a new file that has written the byte-order mark and the header; closing it closes the file. */
    public static CSVPrinter create(Path file, List<String> header) throws IOException {
        return printer(Files.newBufferedWriter(file, StandardCharsets.UTF_8), header);
    }

    /** A printer on a UTF-8 writer that has written the byte-order mark and the header. */
    public static CSVPrinter printer(Writer out, List<String> header) throws IOException {
        out.write('\uFEFF');
        return CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new)).get().print(out);
    }
}
