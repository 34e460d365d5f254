package city.twofour.nightly;

import java.nio.file.Path;
import java.util.List;

import city.twofour.common.ChildRuns;
import city.twofour.common.PublishChanges;
import city.twofour.common.SingleRunLock;
import city.twofour.feed.FeedDefinitions;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.interceptor.DefaultTransactionAttribute;

/**
 * {@code nightly}: the night's run over the inbox. Imports every delivered file with its feed's definition and
 * archives it, then runs the merges of the master data in their order (each merge takes every imported row not
 * merged yet), then publishes the changes and writes the reconciliation report. Never runs twice at once; a failed
 * or killed run resumes on restart.
 */
@Configuration
public class NightlyJobConfiguration {

    public static final String JOB_NAME = "nightly";

    /** Steps that run other jobs hold no transaction of their own: each job they run commits as it goes. */
    private static final DefaultTransactionAttribute OUTSIDE_TRANSACTIONS =
            new DefaultTransactionAttribute(TransactionDefinition.PROPAGATION_NOT_SUPPORTED);

    private final JobRepository jobRepository;
    private final PlatformTransactionManager transactionManager;
    private final JdbcTemplate jdbc;

    public NightlyJobConfiguration(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                                   JdbcTemplate jdbc) {
        this.jobRepository = jobRepository;
        this.transactionManager = transactionManager;
        this.jdbc = jdbc;
    }

    /**
     * @param jobOperator lazy: the operator learns the jobs it can restart from the job beans when it is made, so a job
     *                    that needs it while being made would be left out, and a failed night could not be restarted
     * @param merges      names of the merge jobs, in the order they run
     */
    @Bean
    public Job nightlyJob(@Qualifier("importFeedJob") Job importFeedJob, ObjectProvider<Job> jobs, @Lazy JobOperator jobOperator,
                          @Qualifier("writeNightlyReport") Step writeNightlyReport,
                          SingleRunLock runLock, FeedDefinitions definitions,
                          @Value("${twofour.inbox}") Path inbox, @Value("${twofour.archive}") Path archive,
                          @Value("${twofour.nightly.merges}") List<String> merges) {
        ChildRuns runs = new ChildRuns(jobOperator, jobRepository);
        return new JobBuilder(JOB_NAME, jobRepository)
                .listener(runLock)
                .start(new StepBuilder("importDeliveredFiles", jobRepository)
                        .tasklet(new ImportDeliveredFiles(new Inbox(inbox, archive), definitions, runs,
                                importFeedJob), transactionManager)
                        .transactionAttribute(OUTSIDE_TRANSACTIONS)
                        .build())
                .next(new StepBuilder("mergeMasterData", jobRepository)
                        .tasklet(new MergeMasterData(merges, jobs, runs), transactionManager)
                        .transactionAttribute(OUTSIDE_TRANSACTIONS)
                        .build())
                .next(publishNightlyChanges())
                .next(writeNightlyReport)
                .build();
    }

    private Step publishNightlyChanges() {
        return new StepBuilder("publishNightlyChanges", jobRepository)
                .tasklet(new PublishChanges(jdbc), transactionManager)
                .allowStartIfComplete(true)
                .build();
    }
}
