package city.twofour.common;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;

/**
 * Runs that a killed process (kill -9, power loss, out of memory) left marked as running in the job repository.
 * Spring Batch refuses to restart such a run, since for all it knows it is still going; once it is marked failed it
 * resumes as any failed run does, after the last committed chunk of the step that was running.
 * <p>
 * Only the caller can tell that no process runs it: by holding the run lock of the job at the top of it
 * ({@link SingleRunLock}, a lock a live run would hold). Jobs that another job runs ({@link ChildRuns}) run in the
 * same process, under the lock of the run at the top, and are marked failed with it.
 */
public class KilledRuns {

    private final JobOperator jobOperator;
    private final JobRepository jobRepository;

    public KilledRuns(JobOperator jobOperator, JobRepository jobRepository) {
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
    }

    /** The job whose run lock covers an execution: its own, or that of the run at the top of the runs it belongs to. */
    public String topJobName(JobExecution execution) {
        JobInstance instance = execution.getJobInstance();
        Long parent = execution.getJobParameters().getLong(ChildRuns.PARENT_INSTANCE);
        while (parent != null) {
            instance = jobRepository.getJobInstance(parent);
            parent = jobRepository.getLastJobExecution(instance).getJobParameters().getLong(ChildRuns.PARENT_INSTANCE);
        }
        return instance.getJobName();
    }

    /**
     * Marks failed every run of a job that the repository shows running, with its running steps and the runs of other
     * jobs it was running, saying so on standard error. The caller holds the job's run lock.
     */
    public void markFailed(String jobName) {
        String message = "killed: no process was running it; marked failed at "
                + LocalDateTime.now().withNano(0).toString().replace('T', ' ');
        for (JobExecution execution : jobRepository.findRunningJobExecutions(jobName)) {
            if (execution.getJobParameters().getLong(ChildRuns.PARENT_INSTANCE) == null) {
                markFailed(execution, message);
            }
        }
    }

    private void markFailed(JobExecution execution, String message) {
        JobExecution stored = jobRepository.getJobExecution(execution.getId());
        List<StepExecution> running = stored.getStepExecutions().stream().filter(step -> step.getStatus().isRunning()).toList();
        jobOperator.recover(stored);
        ExitStatus exit = ExitStatus.FAILED.addExitDescription(message);
        for (StepExecution step : running) {
            step.setExitStatus(exit);
            jobRepository.update(step);
        }
        stored.setExitStatus(exit);
        jobRepository.update(stored);
        System.err.printf("twofour: %s execution %d was left running by a process that is gone: marked failed%s%n",
                stored.getJobInstance().getJobName(), stored.getId(), running.isEmpty() ? ""
                        : " (in step " + String.join(", ", running.stream().map(StepExecution::getStepName).toList()) + ")");
        for (JobExecution child : runningChildren(stored.getJobInstance().getInstanceId())) {
            markFailed(child, message);
        }
    }

    private List<JobExecution> runningChildren(long instanceId) {
        List<JobExecution> children = new ArrayList<>();
        for (String name : jobRepository.getJobNames()) {
            for (JobExecution execution : jobRepository.findRunningJobExecutions(name)) {
                if (Long.valueOf(instanceId).equals(execution.getJobParameters().getLong(ChildRuns.PARENT_INSTANCE))) {
                    children.add(execution);
                }
            }
        }
        return children;
    }
}
