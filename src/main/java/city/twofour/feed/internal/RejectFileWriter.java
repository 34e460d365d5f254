package city.twofour.feed.internal;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import city.twofour.common.Console;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes the rejected rows of a delivered file to a CSV a data officer can open in Excel (UTF-8 with a byte-order
 * mark), fix and re-deliver: line number, field, reason code, message in Chinese and in English, the line as
 * delivered. The file is written whole each time (to a temporary file, then moved into place); a file without
 * rejects has none, and an earlier reject file of that name is removed.
 */
public class RejectFileWriter implements Tasklet {

    public static final String[] HEADER = {"行号 line", "字段 field", "原因代码 reason", "说明", "message", "原始行 original line"};

    private static final String REJECTS = """
            SELECT record_no, field, reason, message_zh, message_en, original
              FROM ops.reject WHERE file_id = ? ORDER BY record_no
            """;

    /** Rejects fetched at a time: the reject file is streamed, however many there are. */
    private static final int REJECTS_FETCH_SIZE = 1_000;

    private final JdbcTemplate jdbc;
    private final long fileId;
    private final Path rejectFile;

    /**
     * @param rejectFile where the reject CSV goes, e.g. {@code var/outbox/rejects/<feed>/<file>.rejects.csv}
     */
    public RejectFileWriter(JdbcTemplate jdbc, long fileId, Path rejectFile) {
        this.jdbc = new JdbcTemplate(jdbc.getDataSource());
        this.jdbc.setFetchSize(REJECTS_FETCH_SIZE);
        this.fileId = fileId;
        this.rejectFile = rejectFile;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        try {
            Files.createDirectories(rejectFile.getParent());
            Path partial = rejectFile.resolveSibling(rejectFile.getFileName() + ".part");
            long rows = 0;
            try (BufferedWriter out = byteOrderMarked(Files.newBufferedWriter(partial, StandardCharsets.UTF_8));
                 CSVPrinter csv = new CSVPrinter(out, CSVFormat.EXCEL.builder().setHeader(HEADER).get())) {
                rows = jdbc.query(REJECTS, rs -> {
                    long n = 0;
                    while (rs.next()) {
                        print(csv, rs.getInt("record_no"), rs.getString("field"), rs.getString("reason"),
                                rs.getString("message_zh"), rs.getString("message_en"), rs.getString("original"));
                        n++;
                    }
                    return n;
                }, fileId);
            }
            if (rows == 0) {
                Files.delete(partial);
                Files.deleteIfExists(rejectFile);
                return RepeatStatus.FINISHED;
            }
            Files.move(partial, rejectFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            Console.say("  %,d rejected rows, to fix and deliver again: %s", rows, rejectFile);
            return RepeatStatus.FINISHED;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + rejectFile + ": " + e.getMessage(), e);
        }
    }

    private static BufferedWriter byteOrderMarked(BufferedWriter out) throws IOException {
        out.write('\uFEFF');
        return out;
    }

    private static void print(CSVPrinter csv, Object... values) {
        try {
            csv.printRecord(values);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
