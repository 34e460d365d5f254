package city.twofour.unit;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import city.twofour.address.AddressLibrary;
import city.twofour.common.ProgressListener;
import city.twofour.common.PublishChanges;
import city.twofour.feed.ImportFeedParameters;
import city.twofour.feed.AccountForMergedRows;
import city.twofour.feed.FeedDefinition;
import city.twofour.feed.FeedDefinitions;
import city.twofour.feed.MergeRejectRecorder;
import city.twofour.feed.PendingRecord;
import city.twofour.feed.PendingRecordReader;
import city.twofour.feed.RejectedRecordException;
import city.twofour.unit.internal.UnitWriter;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.DefaultJobParametersValidator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.database.JdbcCursorItemReader;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * {@code merge-units}: merges every imported, not yet merged row of the unit feeds into the actual units
 * ({@code master.unit}): standardises each row and matches its registered address, matches it to its unit (credit
 * code, else name and address), upserts the unit by survivorship and links the row, accounts for every row, and
 * publishes the changes. The feeds are imported first with {@code import-feed}.
 */
@Configuration
public class MergeUnitsJobConfiguration {

    public static final String JOB_NAME = "merge-units";
    public static final List<String> FEEDS = List.of("business-registration");

    private final JobRepository jobRepository;
    private final PlatformTransactionManager transactionManager;
    private final JdbcTemplate jdbc;
    private final DataSource dataSource;
    private final int chunkSize;
    private final String cityName;
    private final FeedDefinitions definitions;

    public MergeUnitsJobConfiguration(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                                      JdbcTemplate jdbc, DataSource dataSource,
                                      @Value("${twofour.chunk-size}") int chunkSize,
                                      @Value("${twofour.city.name}") String cityName,
                                      @Value("${twofour.feeds}") Path feeds) {
        this.jobRepository = jobRepository;
        this.transactionManager = transactionManager;
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.chunkSize = chunkSize;
        this.cityName = cityName;
        this.definitions = new FeedDefinitions(feeds);
    }

    @Bean
    public Job mergeUnitsJob() {
        return new JobBuilder(JOB_NAME, jobRepository)
                .validator(new DefaultJobParametersValidator(new String[0],
                        new String[] {ImportFeedParameters.PARENT_INSTANCE, "run.id"}))
                .start(mergeUnits())
                .next(accountForUnitRows())
                .next(publishUnitChanges())
                .build();
    }

    @Bean
    public Step mergeUnits() {
        return new StepBuilder("mergeUnits", jobRepository)
                .<PendingRecord, DeliveredUnit>chunk(chunkSize)
                .transactionManager(transactionManager)
                .reader(pendingUnitReader())
                .processor(unitRecordBuilder())
                .writer(new UnitWriter(jdbc))
                .faultTolerant()
                .skip(RejectedRecordException.class)
                .skipLimit(Long.MAX_VALUE)
                .skipListener(new MergeRejectRecorder(jdbc))
                .listener(new ProgressListener())
                .build();
    }

    @Bean
    @StepScope
    public JdbcCursorItemReader<PendingRecord> pendingUnitReader() {
        return PendingRecordReader.of("pendingUnitReader", dataSource, FEEDS);
    }

    @Bean
    @StepScope
    public UnitRecordBuilder unitRecordBuilder() {
        Map<String, Integer> priorities = FEEDS.stream().map(definitions::get)
                .collect(Collectors.toMap(FeedDefinition::name, FeedDefinition::priority));
        return new UnitRecordBuilder(AddressLibrary.matcher(jdbc, AddressLibrary.divisions(jdbc, cityName)), priorities);
    }

    @Bean
    public Step accountForUnitRows() {
        return new StepBuilder("accountForUnitRows", jobRepository)
                .tasklet(new AccountForMergedRows(jdbc, FEEDS), transactionManager)
                .build();
    }

    @Bean
    public Step publishUnitChanges() {
        return new StepBuilder("publishUnitChanges", jobRepository)
                .tasklet(new PublishChanges(jdbc), transactionManager)
                .allowStartIfComplete(true)
                .build();
    }
}
