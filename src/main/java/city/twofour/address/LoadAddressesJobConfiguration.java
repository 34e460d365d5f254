package city.twofour.address;

import java.util.List;

import javax.sql.DataSource;

import city.twofour.common.ChildRuns;
import city.twofour.address.internal.AddressLibraryWriter;
import city.twofour.address.internal.RetireMissingAddresses;
import city.twofour.common.PublishChanges;
import city.twofour.feed.AccountForMergedRows;
import city.twofour.feed.ImportFeedParameters;
import city.twofour.feed.MergeRejectRecorder;
import city.twofour.feed.PendingRecord;
import city.twofour.feed.PendingRecordReader;
import city.twofour.feed.RowSteps;
import city.twofour.grid.GridLayer;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.DefaultJobParametersValidator;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.database.JdbcCursorItemReader;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * {@code load-addresses}: loads the standard address list into the address library. Imports the delivered list
 * (as {@code import-feed} does any feed), parses each address into its levels and places it in its grid, upserts the
 * library and links every row to its address, accounts for every row, retires addresses a complete list no longer
 * holds, and publishes the changes.
 */
@Configuration
public class LoadAddressesJobConfiguration {

    public static final String JOB_NAME = "load-addresses";
    public static final String MERGE_JOB_NAME = "merge-addresses";
    public static final String FEED = "standard-addresses";


    private final JobRepository jobRepository;
    private final PlatformTransactionManager transactionManager;
    private final JdbcTemplate jdbc;
    private final DataSource dataSource;
    private final int chunkSize;
    private final String cityName;

    public LoadAddressesJobConfiguration(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                                         JdbcTemplate jdbc, DataSource dataSource,
                                         @Value("${twofour.address.merge-chunk-size}") int chunkSize,
                                         @Value("${twofour.city.name}") String cityName) {
        this.jobRepository = jobRepository;
        this.transactionManager = transactionManager;
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.chunkSize = chunkSize;
        this.cityName = cityName;
    }

    /** @param jobOperator lazy, so that it knows this job when made: see NightlyJobConfiguration */
    @Bean
    public Job loadAddressesJob(@Qualifier("importFeedJob") Job importFeedJob, @Lazy JobOperator jobOperator) {
        return new JobBuilder(JOB_NAME, jobRepository)
                .validator(new DefaultJobParametersValidator(new String[] {LoadAddressesParameters.FILE},
                        new String[] {LoadAddressesParameters.REPLACES, LoadAddressesParameters.RETIRE_MISSING, "run.id"}))
                .start(importAddressList(importFeedJob, jobOperator))
                .next(mergeAddresses())
                .next(accountForAddressRows())
                .next(retireMissingAddresses())
                .next(publishAddressChanges())
                .build();
    }

    /** The merge alone, of every imported address row not merged yet: the nightly run's share of the work. */
    @Bean
    public Job mergeAddressesJob() {
        return new JobBuilder(MERGE_JOB_NAME, jobRepository)
                .validator(new DefaultJobParametersValidator(new String[0],
                        new String[] {ChildRuns.PARENT_INSTANCE, "run.id"}))
                .start(mergeAddresses())
                .next(accountForAddressRows())
                .next(publishAddressChanges())
                .build();
    }

    private Step importAddressList(Job importFeedJob, JobOperator jobOperator) {
        return new StepBuilder("importAddressList", jobRepository)
                .job(importFeedJob)
                .operator(jobOperator)
                .parametersExtractor((job, step) -> importParameters(step))
                .build();
    }

    @Bean
    public Step mergeAddresses() {
        return RowSteps.rejecting("mergeAddresses", jobRepository, transactionManager, chunkSize,
                pendingAddressReader(), standardAddressBuilder(), new AddressLibraryWriter(jdbc),
                new MergeRejectRecorder(jdbc));
    }

    @Bean
    @StepScope
    public JdbcCursorItemReader<PendingRecord> pendingAddressReader() {
        return PendingRecordReader.of("pendingAddressReader", dataSource, List.of(FEED));
    }

    @Bean
    @StepScope
    public StandardAddressBuilder standardAddressBuilder() {
        return new StandardAddressBuilder(AddressLibrary.divisions(jdbc, cityName), GridLayer.index(jdbc));
    }

    @Bean
    public Step accountForAddressRows() {
        return new StepBuilder("accountForAddressRows", jobRepository)
                .tasklet(new AccountForMergedRows(jdbc, List.of(FEED)), transactionManager)
                .build();
    }

    @Bean
    public Step retireMissingAddresses() {
        return new StepBuilder("retireMissingAddresses", jobRepository)
                .tasklet(retireMissing(null), transactionManager)
                .build();
    }

    @Bean
    @StepScope
    public RetireMissingAddresses retireMissing(@Value("#{stepExecution}") StepExecution stepExecution) {
        return new RetireMissingAddresses(jdbc, FEED, LoadAddressesParameters.of(stepExecution.getJobParameters()).retireMissing());
    }

    @Bean
    public Step publishAddressChanges() {
        return new StepBuilder("publishAddressChanges", jobRepository)
                .tasklet(new PublishChanges(jdbc), transactionManager)
                .allowStartIfComplete(true)
                .build();
    }

    /** The import of this run's list: a restart of this job resumes the same import. */
    private static JobParameters importParameters(StepExecution step) {
        JobParameters parameters = step.getJobParameters();
        JobParametersBuilder builder = new JobParametersBuilder()
                .addLong(ChildRuns.PARENT_INSTANCE, step.getJobExecution().getJobInstance().getInstanceId())
                .addString(ImportFeedParameters.FEED, FEED)
                .addString(ImportFeedParameters.FILE, parameters.getString(LoadAddressesParameters.FILE));
        if (parameters.getString(LoadAddressesParameters.REPLACES) != null) {
            builder.addString(ImportFeedParameters.REPLACES, parameters.getString(LoadAddressesParameters.REPLACES));
        }
        return builder.toJobParameters();
    }

}
