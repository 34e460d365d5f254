package city.twofour.population;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import city.twofour.address.AddressLibrary;
import city.twofour.common.ProgressListener;
import city.twofour.feed.FeedDefinitions;
import city.twofour.feed.MergeJobs;
import city.twofour.feed.PendingRecord;
import city.twofour.feed.PendingRecordReader;
import city.twofour.feed.RetiringTable;
import city.twofour.population.internal.GoldenPersonWriter;
import city.twofour.population.internal.MasterReferences;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.item.database.JdbcCursorItemReader;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * {@code merge-people}: merges every imported, not yet merged row of the person feeds into the actual population
 * ({@code master.person}), one golden record per citizen ID; links every row to its record, raises review items
 * where the key does not settle the match, accounts for every row and publishes the changes. The feeds are
 * imported first with {@code import-feed}.
 */
@Configuration
public class MergePeopleJobConfiguration {

    public static final String JOB_NAME = "merge-people";
    public static final String HOUSEHOLD_FEED = "household-registration";
    public static final String FLOATING_FEED = "floating-population-registration";
    public static final String FIELD_FEED = "field-people";
    public static final List<String> FEEDS = List.of(HOUSEHOLD_FEED, FLOATING_FEED, FIELD_FEED);

    private final JobRepository jobRepository;
    private final PlatformTransactionManager transactionManager;
    private final JdbcTemplate jdbc;
    private final DataSource dataSource;
    private final int chunkSize;
    private final String cityName;
    private final FeedDefinitions definitions;

    public MergePeopleJobConfiguration(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                                       JdbcTemplate jdbc, DataSource dataSource,
                                       @Value("${twofour.population.merge-chunk-size}") int chunkSize,
                                       @Value("${twofour.city.name}") String cityName,
                                       FeedDefinitions definitions) {
        this.jobRepository = jobRepository;
        this.transactionManager = transactionManager;
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.chunkSize = chunkSize;
        this.cityName = cityName;
        this.definitions = definitions;
    }

    @Bean
    public Job mergePeopleJob() {
        return MergeJobs.merge(JOB_NAME, "Person", FEEDS, mergePeople(), List.of(RetiringTable.linkedRows("person")),
                jobRepository, transactionManager, jdbc);
    }

    @Bean
    public Step mergePeople() {
        return new StepBuilder("mergePeople", jobRepository)
                .<PendingRecord, PersonLink>chunk(chunkSize)
                .transactionManager(transactionManager)
                .reader(pendingPersonReader())
                .processor(personLinker())
                .writer(goldenPersonWriter())
                .listener(new ProgressListener())
                .build();
    }

    @Bean
    @StepScope
    public JdbcCursorItemReader<PendingRecord> pendingPersonReader() {
        return PendingRecordReader.of("pendingPersonReader", dataSource, FEEDS);
    }

    @Bean
    @StepScope
    public ItemProcessor<PendingRecord, PersonLink> personLinker() {
        return MasterReferences.knownPeople(jdbc)::link;
    }

    @Bean
    @StepScope
    public GoldenPersonWriter goldenPersonWriter() {
        OffsetDateTime stepStart = MasterReferences.now(jdbc);
        Map<String, String> grids = MasterReferences.addressGrids(jdbc);
        PersonSurvivorship survivorship = new PersonSurvivorship(
                definitions.byName(FEEDS),
                Map.of(HOUSEHOLD_FEED, "household", FLOATING_FEED, "floating"), FIELD_FEED);
        return new GoldenPersonWriter(jdbc, survivorship,
                AddressLibrary.matcher(jdbc, AddressLibrary.divisions(jdbc, cityName)), grids::get, stepStart);
    }
}
