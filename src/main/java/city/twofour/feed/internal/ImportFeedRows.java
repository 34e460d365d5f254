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
import city.twofour.feed.StagedFields;
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
 * a row. The rows' values are staged in the order of the names registered for the file ({@link StagedFields}).
 */
public class ImportFeedRows implements Tasklet, ItemStream {

    private static final String COPY_RECORDS = """
            COPY staging.feed_record (file_id, line_no, fields, original) FROM STDIN (FORMAT binary)
            """;

    private static final String COPY_REJECTS = """
            COPY ops.reject (file_id, record_no, field, reason, message_zh, message_en, original, job_execution_id)
            FROM STDIN (FORMAT binary)
            """;

    /**
     * Rejects a chunk collects at most: they wait in memory until the chunk's good rows are copied, so a chunk of a
     * file of bad rows ends early rather than fill the heap.
     */
    static final int MAX_REJECTS_PER_CHUNK = 10_000;

    private final CsvRowReader rows;
    private final FeedRowValidator validator;
    private final List<String> registeredFields;
    private final JdbcTemplate jdbc;
    private final int chunkSize;

    /**
     * @param registeredFields the names registered for the file's staged values when its import started
     * @param chunkSize        rows per transaction, fewer when {@value #MAX_REJECTS_PER_CHUNK} of them are rejected
     */
    public ImportFeedRows(CsvRowReader rows, FeedRowValidator validator, List<String> registeredFields, JdbcTemplate jdbc,
                          int chunkSize) {
        this.rows = rows;
        this.validator = validator;
        this.registeredFields = registeredFields;
        this.jdbc = jdbc;
        this.chunkSize = chunkSize;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        // A chunk's rows and the reader's position commit together, in one database, so a commit that a server
        // crash loses takes both back and the restart resumes where the rows end.
        AsynchronousCommit.forThisTransaction(jdbc);
        List<Rejection> rejections = new ArrayList<>();
        CsvRow row = null;
        long loaded;
        try (CopyIn records = new CopyIn(jdbc.getDataSource(), COPY_RECORDS, 4)) {
            for (int n = 0; n < chunkSize && rejections.size() < MAX_REJECTS_PER_CHUNK; n++) {
                if ((row = rows.read()) == null) {
                    break;
                }
                contribution.incrementReadCount();
                try {
                    FeedRecord record = validator.process(row);
                    records.int8(record.fileId()).int4(record.recordNo()).text(record.values(), StagedFields.SEPARATOR)
                            .text(row.original()).endRow();
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
        try (CopyIn rejects = new CopyIn(jdbc.getDataSource(), COPY_REJECTS, 8)) {
            for (Rejection r : rejections) {
                RejectedRecordException reason = r.reason();
                rejects.int8(r.item().fileId()).int4(r.item().recordNo()).text(reason.field()).text(reason.reason().name())
                        .text(reason.messageZh()).text(reason.messageEn()).text(r.item().original())
                        .int8(jobExecutionId).endRow();
            }
            rejects.finish();
        }
    }

    /**
     * @throws IllegalStateException when the feed's fields changed since the import started: the rows staged before
     *                               and after would not hold their values in one order
     */
    @Override
    public void open(ExecutionContext executionContext) {
        if (!validator.recordFields().equals(registeredFields)) {
            throw new IllegalStateException("the feed's fields are now " + validator.recordFields() + " but were "
                    + registeredFields + " when the import of the file started; restore the feed's definition to finish it");
        }
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
