package city.twofour.feed.internal;

import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import city.twofour.feed.FeedRowVerdict;
import city.twofour.feed.RejectRecorder;
import city.twofour.feed.Rejection;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the verdicts of a chunk: rows that passed their checks go to {@code staging.feed_record}, normalised, with
 * one {@code COPY}; rejected rows go to {@code ops.reject} in one batch. Both commit with the chunk.
 */
public class FeedRecordWriter implements ItemWriter<FeedRowVerdict> {

    private static final String COPY_RECORDS = """
            COPY staging.feed_record (file_id, line_no, fields) FROM STDIN (FORMAT text)
            """;

    private static final JsonMapper JSON = new JsonMapper();

    private final DataSource dataSource;
    private final RejectRecorder rejects;

    public FeedRecordWriter(DataSource dataSource, RejectRecorder rejects) {
        this.dataSource = dataSource;
        this.rejects = rejects;
    }

    @Override
    public void write(Chunk<? extends FeedRowVerdict> chunk) {
        CopyIn records = new CopyIn();
        List<Rejection> rejections = new ArrayList<>();
        for (FeedRowVerdict verdict : chunk) {
            if (verdict.loaded() != null) {
                records.value(verdict.loaded().fileId()).value(verdict.loaded().recordNo())
                        .value(JSON.writeValueAsString(verdict.loaded().values())).endRow();
            } else {
                rejections.add(verdict.rejection());
            }
        }
        records.copy(dataSource, COPY_RECORDS);
        if (!rejections.isEmpty()) {
            rejects.recordAll(rejections);
        }
    }
}
