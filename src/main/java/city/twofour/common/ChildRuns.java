package city.twofour.common;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;

/**
 * Runs a job on behalf of another (the nightly run imports and merges through other jobs): a run that already
 * completed with these parameters is not repeated, and a failed one is resumed where it stopped. One that a killed
 * process left running has been marked failed with the run on whose behalf it ran ({@link KilledRuns}).
 */
public class ChildRuns {

    /**
     * The parameter by which a job run by another names the other's job instance, so that each run of the other runs
     * it anew, and a killed run's children can be found.
     */
    public static final String PARENT_INSTANCE = "parent.instance";

    private final JobOperator jobOperator;
    private final JobRepository jobRepository;

    public ChildRuns(JobOperator jobOperator, JobRepository jobRepository) {
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
    }

    public JobExecution runOnce(Job job, JobParameters parameters) throws Exception {
        JobExecution last = jobRepository.getLastJobExecution(job.getName(), parameters);
        if (last != null && last.getStatus() == BatchStatus.COMPLETED) {
            return last;
        }
        return jobOperator.start(job, parameters);
    }
}
