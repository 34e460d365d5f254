package city.twofour.nightly;

import java.time.LocalDate;
import java.util.List;

import city.twofour.common.ChildRuns;
import city.twofour.common.Console;
import city.twofour.feed.FeedDefinitions;
import city.twofour.feed.ImportFeedParameters;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Imports every file waiting in the inbox with its feed's definition, one {@code import-feed} run each, and moves
 * each imported file to the archive. A file whose import fails stays in the inbox and fails the step after the
 * other files are done; a restart imports what is left, and an import that already completed in this night's run
 * is not repeated.
 */
public class ImportDeliveredFiles implements Tasklet {

    private final Inbox inbox;
    private final FeedDefinitions definitions;
    private final ChildRuns runs;
    private final Job importFeedJob;

    public ImportDeliveredFiles(Inbox inbox, FeedDefinitions definitions, ChildRuns runs, Job importFeedJob) {
        this.inbox = inbox;
        this.definitions = definitions;
        this.runs = runs;
        this.importFeedJob = importFeedJob;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        long night = contribution.getStepExecution().getJobExecution().getJobInstance().getInstanceId();
        Inbox.Contents contents = inbox.contents(definitions.all());
        contents.unknown().forEach(file -> Console.say("inbox: %s; left in the inbox", file));
        Console.say("inbox: %,d files to import", contents.files().size());
        List<DeliveredFile> failed = new java.util.ArrayList<>();
        for (DeliveredFile file : contents.files()) {
            JobExecution execution = runs.runOnce(importFeedJob, parameters(file, night));
            if (execution.getStatus() == BatchStatus.COMPLETED) {
                inbox.archive(file, LocalDate.now().toString());
                contribution.incrementWriteCount(1);
            } else {
                failed.add(file);
                Console.say("inbox: %s did not import (execution %d, %s); it stays in the inbox", file.relativePath(),
                        execution.getId(), execution.getStatus().name().toLowerCase());
            }
        }
        if (!failed.isEmpty()) {
            throw new IllegalStateException(failed.size() + " delivered files did not import and stay in the inbox: "
                    + failed.stream().map(f -> f.relativePath().toString()).toList());
        }
        return RepeatStatus.FINISHED;
    }

    private static JobParameters parameters(DeliveredFile file, long night) {
        return new JobParametersBuilder()
                .addLong(ChildRuns.PARENT_INSTANCE, night)
                .addString(ImportFeedParameters.FEED, file.feed())
                .addString(ImportFeedParameters.FILE, file.relativePath().toString())
                .toJobParameters();
    }
}
