package city.twofour.report;

import java.nio.file.Path;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * {@code report}: writes the reconciliation report of the master data as it stands. The nightly run ends with the
 * same step.
 */
@Configuration
public class ReportJobConfiguration {

    public static final String JOB_NAME = "report";

    private final JobRepository jobRepository;

    public ReportJobConfiguration(JobRepository jobRepository) {
        this.jobRepository = jobRepository;
    }

    @Bean
    public Job reportJob(Step writeNightlyReport) {
        return new JobBuilder(JOB_NAME, jobRepository).start(writeNightlyReport).build();
    }

    /** @param measures what other features add to the report's map */
    @Bean
    public Step writeNightlyReport(JdbcTemplate jdbc, PlatformTransactionManager transactionManager,
                                   @Value("${twofour.outbox}") Path outbox, ObjectProvider<MapMeasure.Source> measures) {
        return new StepBuilder("writeNightlyReport", jobRepository)
                .tasklet(new WriteNightlyReport(jdbc, outbox, measures.orderedStream().toList()), transactionManager)
                .allowStartIfComplete(true)
                .build();
    }
}
