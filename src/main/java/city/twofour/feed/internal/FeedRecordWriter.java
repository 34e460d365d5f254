package city.twofour.feed.internal;

import javax.sql.DataSource;

import city.twofour.feed.FeedRecord;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps the rows that passed their checks in {@code staging.feed_record}, normalised, with one {@code COPY} per chunk.
 */
public class FeedRecordWriter implements ItemWriter<FeedRecord> {

    private static final String COPY_RECORDS = """
            COPY staging.feed_record (file_id, line_no, fields) FROM STDIN (FORMAT text)
            """;

    private static final JsonMapper JSON = new JsonMapper();

    private final DataSource dataSource;

    public FeedRecordWriter(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void write(Chunk<? extends FeedRecord> chunk) {
        CopyIn records = new CopyIn();
        for (FeedRecord record : chunk) {
            records.value(record.fileId()).value(record.recordNo()).value(JSON.writeValueAsString(record.values())).endRow();
        }
        records.copy(dataSource, COPY_RECORDS);
    }
}
