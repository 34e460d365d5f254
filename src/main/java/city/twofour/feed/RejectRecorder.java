package city.twofour.feed;

import java.util.List;

import org.springframework.batch.core.listener.SkipListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes every row a processor rejected to {@code ops.reject}, either as a skip listener or called by a writer. A row rejected again (a re-run or a
 * restart) replaces its earlier reject, so rejects are never doubled.
 */
public class RejectRecorder implements SkipListener<SourceRecord, Object>, StepExecutionListener {

    private static final String UPSERT_REJECT = """
            INSERT INTO ops.reject (file_id, record_no, field, reason, message_zh, message_en, original, job_execution_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (file_id, record_no) DO UPDATE
               SET field = excluded.field, reason = excluded.reason, message_zh = excluded.message_zh,
                   message_en = excluded.message_en, original = excluded.original,
                   job_execution_id = excluded.job_execution_id, rejected_at = now()
            """;

    private final JdbcTemplate jdbc;
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
        record(item, rejected);
    }

    public void record(SourceRecord item, RejectedRecordException rejected) {
        jdbc.update(UPSERT_REJECT, item.fileId(), item.recordNo(), rejected.field(), rejected.reason().name(),
                rejected.messageZh(), rejected.messageEn(), item.original(), jobExecutionId);
    }

    /** Records rejected rows in one batch, e.g. those of a chunk. */
    public void recordAll(List<Rejection> rejections) {
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
