package city.twofour.facility;

import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import city.twofour.facility.internal.FacilityWriter;
import city.twofour.feed.FeedDefinitions;
import city.twofour.feed.MergeJobs;
import city.twofour.feed.MergeRejectRecorder;
import city.twofour.feed.PendingRecord;
import city.twofour.feed.PendingRecordReader;
import city.twofour.feed.RetiringTable;
import city.twofour.feed.RowSteps;
import city.twofour.grid.GridLayer;
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
 * {@code merge-facilities}: merges every imported, not yet merged row of the facility feeds (cameras, fire hydrants,
 * city-management parts) into the actual facilities ({@code master.facility}): places each point in its grid,
 * matches the row to its facility (department code, else same type at the same place), upserts the facility by
 * survivorship and links the row, accounts for every row, and publishes the changes. The feeds are imported first
 * with {@code import-feed}.
 */
@Configuration
public class MergeFacilitiesJobConfiguration {

    public static final String JOB_NAME = "merge-facilities";
    public static final List<String> FEEDS = List.of("cameras", "hydrants", "city-management-parts");
    /** The feeds that deliver one type only and so do not say it on each row. */
    public static final Map<String, FacilityType> FEED_TYPES = Map.of(
            "cameras", FacilityType.CAMERA, "hydrants", FacilityType.FIRE_HYDRANT);

    private final JobRepository jobRepository;
    private final PlatformTransactionManager transactionManager;
    private final JdbcTemplate jdbc;
    private final DataSource dataSource;
    private final int chunkSize;
    private final FeedDefinitions definitions;

    public MergeFacilitiesJobConfiguration(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                                           JdbcTemplate jdbc, DataSource dataSource,
                                           @Value("${twofour.chunk-size}") int chunkSize,
                                           FeedDefinitions definitions) {
        this.jobRepository = jobRepository;
        this.transactionManager = transactionManager;
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.chunkSize = chunkSize;
        this.definitions = definitions;
    }

    @Bean
    public Job mergeFacilitiesJob() {
        return MergeJobs.merge(JOB_NAME, "Facility", FEEDS, mergeFacilities(),
                List.of(RetiringTable.linkedRows("facility")), jobRepository, transactionManager, jdbc);
    }

    @Bean
    public Step mergeFacilities() {
        return RowSteps.rejecting("mergeFacilities", jobRepository, transactionManager, chunkSize,
                pendingFacilityReader(), facilityRecordBuilder(), new FacilityWriter(jdbc),
                new MergeRejectRecorder(jdbc));
    }

    @Bean
    @StepScope
    public JdbcCursorItemReader<PendingRecord> pendingFacilityReader() {
        return PendingRecordReader.of("pendingFacilityReader", dataSource, FEEDS);
    }

    @Bean
    @StepScope
    public FacilityRecordBuilder facilityRecordBuilder() {
        return new FacilityRecordBuilder(GridLayer.index(jdbc), definitions.byName(FEEDS), FEED_TYPES);
    }
}
