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

    /** A printer that has written the byte-order mark and the header; closing it closes the file. */
    public static CSVPrinter create(Path file, List<String> header) throws IOException {
        Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        out.write('\uFEFF');
        return CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new)).get().print(out);
    }
}
