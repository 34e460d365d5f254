package city.twofour.feed.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import javax.sql.DataSource;

import city.twofour.feed.CsvRow;
import city.twofour.feed.FeedDefinition;
import city.twofour.feed.RejectReason;
import city.twofour.feed.RejectedRecordException;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stages every delivered line in {@code staging.feed_row} with one {@code COPY} per chunk: the values of a
 * well-formed line keyed by the feed's field names, a malformed one with what is wrong with it. Nothing is checked
 * here and nothing is dropped.
 */
public class FeedRowStager implements ItemWriter<CsvRow> {

    private static final String COPY_ROWS = """
            COPY staging.feed_row (file_id, line_no, fields, original, malformation, malformation_detail)
            FROM STDIN (FORMAT text)
            """;

    private static final JsonMapper JSON = new JsonMapper();

    private final DataSource dataSource;
    private final long fileId;
    private final Map<String, String> columnOfField = new LinkedHashMap<>();

    public FeedRowStager(DataSource dataSource, FeedDefinition feed, long fileId) {
        this.dataSource = dataSource;
        this.fileId = fileId;
        feed.fields().forEach((name, field) -> columnOfField.put(name, field.column().strip()));
    }

    @Override
    public void write(Chunk<? extends CsvRow> chunk) {
        CopyIn rows = new CopyIn();
        for (CsvRow row : chunk) {
            RejectedRecordException malformation = malformation(row);
            rows.value(fileId).value(row.recordNo())
                    .value(malformation == null ? JSON.writeValueAsString(fields(row)) : null)
                    .value(row.original())
                    .value(malformation == null ? null : malformation.reason().name())
                    .value(malformation == null ? null : malformation.detail())
                    .endRow();
        }
        rows.copy(dataSource, COPY_ROWS);
    }

    private Map<String, String> fields(CsvRow row) {
        Map<String, String> fields = new LinkedHashMap<>();
        columnOfField.forEach((name, column) -> {
            String value = row.values().get(column);
            if (value != null) {
                fields.put(name, value);
            }
        });
        return fields;
    }

    private static RejectedRecordException malformation(CsvRow row) {
        try {
            row.requireWellFormed();
        } catch (RejectedRecordException e) {
            return e;
        }
        if (row.original().indexOf('\0') >= 0) {
            return new RejectedRecordException(null, RejectReason.BAD_ENCODING, "the line contains NUL bytes");
        }
        return null;
    }
}
