package city.twofour.feed;

import city.twofour.common.ProgressListener;
import org.springframework.batch.core.listener.SkipListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.item.ItemReader;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The chunk step every check and merge of delivered rows uses: a row the processor refuses with a
 * {@link RejectedRecordException} is handed to the reject recorder and the step goes on; progress is shown.
 */
public final class RowSteps {

    private RowSteps() {
    }

    /**
     * @param rejects records a refused row ({@link RejectRecorder}, or {@link MergeRejectRecorder} in a merge);
     *                registered as a step listener too, it learns the step's job execution and its chunks
     */
    public static <I extends SourceRecord, O, R extends SkipListener<SourceRecord, Object> & StepExecutionListener> Step rejecting(
            String name, JobRepository jobRepository, PlatformTransactionManager transactionManager, int chunkSize,
            ItemReader<? extends I> reader, ItemProcessor<? super I, ? extends O> processor, ItemWriter<? super O> writer,
            R rejects) {
        return new StepBuilder(name, jobRepository)
                .<I, O>chunk(chunkSize)
                .transactionManager(transactionManager)
                .reader(reader)
                .processor(processor)
                .writer(writer)
                .faultTolerant()
                .skip(RejectedRecordException.class)
                .skipLimit(Long.MAX_VALUE)
                .skipListener(rejects)
                .listener(rejects)
                .listener(new ProgressListener())
                .build();
    }
}
