package city.twofour.nightly;

import java.util.List;
import java.util.Optional;

import city.twofour.common.ChildRuns;
import city.twofour.common.Console;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Runs the merge jobs in their order, each taking every imported row not merged yet. A merge that fails stops the
 * night there; a restart resumes it, and merges that completed in this night's run are not repeated.
 */
public class MergeMasterData implements Tasklet {

    private final List<String> merges;
    private final ObjectProvider<Job> jobs;
    private final ChildRuns runs;

    /** @param merges names of the merge jobs in order; a name with no job behind it is left out, saying so */
    public MergeMasterData(List<String> merges, ObjectProvider<Job> jobs, ChildRuns runs) {
        this.merges = merges;
        this.jobs = jobs;
        this.runs = runs;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        long night = contribution.getStepExecution().getJobExecution().getJobInstance().getInstanceId();
        for (String name : merges) {
            Optional<Job> merge = jobs.stream().filter(job -> job.getName().equals(name)).findFirst();
            if (merge.isEmpty()) {
                Console.say("nightly: there is no job %s; left out", name);
                continue;
            }
            JobExecution execution = runs.runOnce(merge.get(), new JobParametersBuilder()
                    .addLong(ChildRuns.PARENT_INSTANCE, night).toJobParameters());
            if (execution.getStatus() != BatchStatus.COMPLETED) {
                throw new IllegalStateException(name + " " + execution.getStatus().name().toLowerCase() + " (execution "
                        + execution.getId() + "); the night stops here and resumes with it on restart");
            }
        }
        return RepeatStatus.FINISHED;
    }
}
