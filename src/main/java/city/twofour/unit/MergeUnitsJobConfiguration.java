package city.twofour.unit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import city.twofour.address.AddressLibrary;
import city.twofour.feed.FeedDefinitions;
import city.twofour.feed.MergeJobs;
import city.twofour.feed.MergeRejectRecorder;
import city.twofour.feed.PendingRecord;
import city.twofour.feed.PendingRecordReader;
import city.twofour.feed.RetiringTable;
import city.twofour.feed.RowSteps;
import city.twofour.unit.internal.UnitWriter;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
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
    public Job mergeUnitsJob() {
        return MergeJobs.merge(JOB_NAME, "Unit", FEEDS, mergeUnits(), List.of(RetiringTable.linkedRows("unit")),
                jobRepository, transactionManager, jdbc);
    }

    @Bean
    public Step mergeUnits() {
        return RowSteps.rejecting("mergeUnits", jobRepository, transactionManager, chunkSize,
                pendingUnitReader(), unitRecordBuilder(), new UnitWriter(jdbc),
                new MergeRejectRecorder(jdbc));
    }

    @Bean
    @StepScope
    public JdbcCursorItemReader<PendingRecord> pendingUnitReader() {
        return PendingRecordReader.of("pendingUnitReader", dataSource, FEEDS);
    }

    @Bean
    @StepScope
    public UnitRecordBuilder unitRecordBuilder() {
        Map<String, Integer> priorities = new LinkedHashMap<>();
        definitions.byName(FEEDS).forEach((name, feed) -> priorities.put(name, feed.priority()));
        return new UnitRecordBuilder(AddressLibrary.matcher(jdbc, AddressLibrary.divisions(jdbc, cityName)), priorities);
    }
}
