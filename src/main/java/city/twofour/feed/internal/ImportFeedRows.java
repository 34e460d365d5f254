package city.twofour.feed.internal;

import java.util.ArrayList;
import java.util.List;

import city.twofour.common.AsynchronousCommit;
import city.twofour.feed.CsvRow;
import city.twofour.feed.CsvRowReader;
import city.twofour.feed.FeedRecord;
import city.twofour.feed.FeedRowValidator;
import city.twofour.feed.RejectedRecordException;
import city.twofour.feed.Rejection;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStream;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Imports the rows of a delivered file in one pass: each row read is checked and normalised at once, and the good
 * ones are streamed with {@code COPY} into {@code staging.feed_record}, with the line as delivered, while the file is
 * read, so the server stores rows while the next are checked; the bad ones follow into {@code ops.reject}. Each call
 * imports the next chunk of rows in one transaction, which also stores the reader's position (register this tasklet
 * as the step's stream), so an import that fails resumes after its last committed chunk, neither losing nor doubling
 * a row.
 */
public class ImportFeedRows implements Tasklet, ItemStream {

    private static final String COPY_RECORDS = """
            COPY staging.feed_record (file_id, line_no, fields, original) FROM STDIN (FORMAT text)
            """;

    private static final String COPY_REJECTS = """
            COPY ops.reject (file_id, record_no, field, reason, message_zh, message_en, original, job_execution_id)
            FROM STDIN (FORMAT text)
            """;

    private final CsvRowReader rows;
    private final FeedRowValidator validator;
    private final JdbcTemplate jdbc;
    private final int chunkSize;

    /**
     * @param chunkSize rows per transaction
     */
    public ImportFeedRows(CsvRowReader rows, FeedRowValidator validator, JdbcTemplate jdbc, int chunkSize) {
        this.rows = rows;
        this.validator = validator;
        this.jdbc = jdbc;
        this.chunkSize = chunkSize;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        // A chunk's rows and the reader's position commit together, in one database, so a commit that a server
        // crash loses takes both back and the restart resumes where the rows end.
        AsynchronousCommit.forThisTransaction(jdbc);
        List<Rejection> rejections = new ArrayList<>();
        StringBuilder json = new StringBuilder(512);
        CsvRow row = null;
        long loaded;
        try (CopyIn records = new CopyIn(jdbc.getDataSource(), COPY_RECORDS)) {
            for (int n = 0; n < chunkSize && (row = rows.read()) != null; n++) {
                contribution.incrementReadCount();
                try {
                    FeedRecord record = validator.process(row);
                    records.value(record.fileId()).value(record.recordNo()).value(JsonFields.write(record.values(), json))
                            .value(row.original()).endRow();
                } catch (RejectedRecordException e) {
                    rejections.add(new Rejection(row, e));
                }
            }
            loaded = records.finish();
        }
        reject(rejections, contribution.getStepExecution().getJobExecutionId());
        contribution.incrementWriteCount(loaded);
        contribution.incrementProcessSkipCount(rejections.size());
        return row == null ? RepeatStatus.FINISHED : RepeatStatus.CONTINUABLE;
    }

    /** The rows of a chunk are read once, so their rejects are new: no reject of the file has their line yet. */
    private void reject(List<Rejection> rejections, long jobExecutionId) {
        if (rejections.isEmpty()) {
            return;
        }
        try (CopyIn rejects = new CopyIn(jdbc.getDataSource(), COPY_REJECTS)) {
            for (Rejection r : rejections) {
                RejectedRecordException reason = r.reason();
                rejects.value(r.item().fileId()).value(r.item().recordNo()).value(reason.field()).value(reason.reason())
                        .value(reason.messageZh()).value(reason.messageEn()).value(r.item().original())
                        .value(jobExecutionId).endRow();
            }
            rejects.finish();
        }
    }

    @Override
    public void open(ExecutionContext executionContext) {
        rows.open(executionContext);
    }

    @Override
    public void update(ExecutionContext executionContext) {
        rows.update(executionContext);
    }

    @Override
    public void close() {
        rows.close();
    }
}
