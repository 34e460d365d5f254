package city.twofour.report.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import city.twofour.common.SpreadsheetCsv;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A list of the report: its column headings and rows as shown, and the CSV file beside the report it is exported to.
 * The CSVs are UTF-8 with a byte-order mark, so that spreadsheet programs open them as UTF-8.
 */
public record Table(String csv, List<String> header, List<List<String>> rows) {

    /** The rows of a query as the table's rows. */
    public static Table of(JdbcTemplate jdbc, String csv, List<String> header, String sql, Object... args) {
        return new Table(csv, header, rows(jdbc, sql, args));
    }

    /** The rows of a query, every column as text in its order. */
    public static List<List<String>> rows(JdbcTemplate jdbc, String sql, Object... args) {
        return jdbc.query(sql, (rs, n) -> cells(rs), args);
    }

    /** Streams the rows of a query straight into a CSV in the folder: for lists of records too long to hold. */
    public static void export(JdbcTemplate jdbc, Path folder, String csv, List<String> header, String sql,
                              Object... args) throws IOException {
        try (Writer out = Files.newBufferedWriter(folder.resolve(csv), StandardCharsets.UTF_8)) {
            CSVPrinter printer = SpreadsheetCsv.printer(out, header);
            jdbc.query(sql, rs -> {
                try {
                    printer.printRecord(cells(rs));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }, args);
            printer.flush();
        }
    }

    public void writeInto(Path folder) throws IOException {
        try (Writer out = Files.newBufferedWriter(folder.resolve(csv), StandardCharsets.UTF_8)) {
            CSVPrinter printer = SpreadsheetCsv.printer(out, header);
            for (List<String> row : rows) {
                printer.printRecord(row);
            }
            printer.flush();
        }
    }

    private static List<String> cells(ResultSet rs) throws SQLException {
        List<String> cells = new ArrayList<>();
        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
            cells.add(rs.getString(i));
        }
        return cells;
    }
}
