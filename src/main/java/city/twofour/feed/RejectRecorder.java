package city.twofour.feed;

import java.util.ArrayList;
import java.util.List;

import org.springframework.batch.core.listener.ChunkListener;
import org.springframework.batch.core.listener.SkipListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes every row a processor rejected to {@code ops.reject}. A row rejected again (a re-run or a restart) replaces
 * its earlier reject, so rejects are never doubled. Registered as a skip listener only, it writes each reject at
 * once; registered as a step listener ({@code .listener(recorder)}) it also hears of chunks and writes a chunk's
 * rejects in one batch at the end of the chunk, in its transaction, which is much faster for large files.
 */
public class RejectRecorder implements SkipListener<SourceRecord, Object>, StepExecutionListener,
        ChunkListener<Object, Object> {

    private static final String UPSERT_REJECT = """
            INSERT INTO ops.reject (file_id, record_no, field, reason, message_zh, message_en, original, job_execution_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (file_id, record_no) DO UPDATE
               SET field = excluded.field, reason = excluded.reason, message_zh = excluded.message_zh,
                   message_en = excluded.message_en, original = excluded.original,
                   job_execution_id = excluded.job_execution_id, rejected_at = now()
            """;

    private final JdbcTemplate jdbc;
    private final List<Rejection> chunkRejections = new ArrayList<>();
    private boolean inChunk;
    private Long jobExecutionId;

    public RejectRecorder(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        jobExecutionId = stepExecution.getJobExecutionId();
    }

    @Override
    public void onSkipInProcess(SourceRecord item, Throwable t) {
        if (!(t instanceof RejectedRecordException rejected)) {
            throw new IllegalStateException("row " + item.recordNo() + " skipped without a reject reason", t);
        }
        if (inChunk) {
            chunkRejections.add(new Rejection(item, rejected));
        } else {
            record(item, rejected);
        }
    }

    @Override
    public void beforeChunk(Chunk<Object> chunk) {
        inChunk = true;
        chunkRejections.clear();
    }

    @Override
    public void afterChunk(Chunk<Object> chunk) {
        if (!chunkRejections.isEmpty()) {
            recordAll(chunkRejections);
            chunkRejections.clear();
        }
    }

    @Override
    public void onChunkError(Exception exception, Chunk<Object> chunk) {
        chunkRejections.clear();
    }

    public void record(SourceRecord item, RejectedRecordException rejected) {
        jdbc.update(UPSERT_REJECT, item.fileId(), item.recordNo(), rejected.field(), rejected.reason().name(),
                rejected.messageZh(), rejected.messageEn(), item.original(), jobExecutionId);
    }

    private void recordAll(List<Rejection> rejections) {
        jdbc.batchUpdate(UPSERT_REJECT, rejections, rejections.size(), (ps, r) -> {
            RejectedRecordException rejected = r.reason();
            ps.setLong(1, r.item().fileId());
            ps.setInt(2, r.item().recordNo());
            ps.setString(3, rejected.field());
            ps.setString(4, rejected.reason().name());
            ps.setString(5, rejected.messageZh());
            ps.setString(6, rejected.messageEn());
            ps.setString(7, r.item().original());
            ps.setObject(8, jobExecutionId);
        });
    }
}
