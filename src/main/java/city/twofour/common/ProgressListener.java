package city.twofour.common;

import java.time.Duration;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.ChunkListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;

/**
 * Shows how a step is getting on (a chunk step, or a tasklet step whose tasklet works chunk by chunk): records read,
 * written and rejected, records per second and, when the step knows its total ({@value #TOTAL_KEY} in its context),
 * the time left. At most one line every {@value #INTERVAL_MILLIS} ms.
 */
public class ProgressListener implements ChunkListener<Object, Object>, StepExecutionListener {

    /** Context key under which a reader may state how many records the step will read. */
    public static final String TOTAL_KEY = "progress.total";

    private static final long INTERVAL_MILLIS = 2_000;

    private StepExecution step;
    private long startedAt;
    private long lastShownAt;
    private long readAtStart;

    @Override
    public void beforeStep(StepExecution stepExecution) {
        step = stepExecution;
        startedAt = System.currentTimeMillis();
        lastShownAt = startedAt;
        readAtStart = stepExecution.getReadCount();
    }

    @Override
    public void afterChunk(Chunk<Object> chunk) {
        show();
    }

    /** After each call of a tasklet that works in chunks of its own. */
    @Override
    public void afterChunk(ChunkContext context) {
        show();
    }

    private void show() {
        long now = System.currentTimeMillis();
        if (now - lastShownAt >= INTERVAL_MILLIS) {
            lastShownAt = now;
            Console.say("  %s", line(now));
        }
    }

    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        Console.say("  %s: %s", line(System.currentTimeMillis()), stepExecution.getStatus().name().toLowerCase());
        return null;
    }

    private String line(long now) {
        long read = step.getReadCount();
        double seconds = Math.max(now - startedAt, 1) / 1000.0;
        double rate = (read - readAtStart) / seconds;
        StringBuilder line = new StringBuilder(String.format("%-22s %,10d read %,10d written %,8d rejected %,9.0f/s",
                step.getStepName(), read, step.getWriteCount(), step.getSkipCount(), rate));
        long total = step.getExecutionContext().getLong(TOTAL_KEY, -1);
        if (total > 0 && rate > 0 && read < total) {
            Duration left = Duration.ofSeconds((long) ((total - read) / rate));
            line.append(String.format("  ETA %d:%02d:%02d", left.toHours(), left.toMinutesPart(), left.toSecondsPart()));
        }
        return line.toString();
    }
}
