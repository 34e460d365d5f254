package city.twofour.feed;

import org.springframework.batch.core.listener.SkipListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Rejects an imported row that a merge cannot use (e.g. its village is unknown): the row moves from the rows
 * waiting to be merged ({@code staging.feed_record}) to {@code ops.reject}, so it is counted once.
 */
public class MergeRejectRecorder implements SkipListener<SourceRecord, Object>, StepExecutionListener {

    private static final String FORGET_PENDING = "DELETE FROM staging.feed_record WHERE file_id = ? AND line_no = ?";

    private final JdbcTemplate jdbc;
    private final RejectRecorder rejects;

    public MergeRejectRecorder(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.rejects = new RejectRecorder(jdbc);
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        rejects.beforeStep(stepExecution);
    }

    @Override
    public void onSkipInProcess(SourceRecord item, Throwable t) {
        rejects.onSkipInProcess(item, t);
        jdbc.update(FORGET_PENDING, item.fileId(), item.recordNo());
    }
}
