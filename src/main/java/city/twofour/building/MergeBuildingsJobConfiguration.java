package city.twofour.building;

import java.util.List;

import javax.sql.DataSource;

import city.twofour.address.AddressLibrary;
import city.twofour.building.internal.BuildingWriter;
import city.twofour.building.internal.JdbcFoundBuildings;
import city.twofour.building.internal.ReviewItemRecorder;
import city.twofour.common.ProgressListener;
import city.twofour.feed.FeedDefinitions;
import city.twofour.feed.MergeJobs;
import city.twofour.feed.MergeRejectRecorder;
import city.twofour.feed.PendingRecord;
import city.twofour.feed.PendingRecordReader;
import city.twofour.feed.RejectedRecordException;
import city.twofour.feed.RetiringTable;
import city.twofour.grid.GridLayer;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
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
 * {@code merge-buildings}: merges every imported, not yet merged row of the building registry, the rental registry
 * and the field collection of buildings into {@code master.building} and {@code master.rental_house}, links every
 * row to its golden record, accounts for every row, and publishes the changes. The feeds' files are imported first
 * with {@code import-feed}.
 */
@Configuration
public class MergeBuildingsJobConfiguration {

    public static final String JOB_NAME = "merge-buildings";
    public static final String BUILDING_REGISTRY = "building-registry";
    public static final String RENTAL_REGISTRY = "rental-registry";
    public static final List<String> FEEDS = List.of(BUILDING_REGISTRY, RENTAL_REGISTRY, BuildingMerger.FIELD_FEED);

    /**
     * A building and its rental house are built from the rows linked to either, so those rows hold both: the two
     * retire together.
     */
    private static final String ROWS_HOLDING_BUILDINGS = """
            SELECT coalesce(h.building_code, s.code) AS code, s.file_id, s.feed, s.source_key
              FROM master.source_record s
              LEFT JOIN master.rental_house h ON s.entity = 'rental_house' AND h.code = s.code
             WHERE s.entity IN ('building', 'rental_house')
            """;
    private static final String ROWS_HOLDING_RENTAL_HOUSES = """
            SELECT h.code, b.file_id, b.feed, b.source_key
              FROM master.rental_house h JOIN (%s) b ON b.code = h.building_code
            """.formatted(ROWS_HOLDING_BUILDINGS);

    private final JobRepository jobRepository;
    private final PlatformTransactionManager transactionManager;
    private final JdbcTemplate jdbc;
    private final DataSource dataSource;
    private final int chunkSize;
    private final String cityName;
    private final FeedDefinitions definitions;

    public MergeBuildingsJobConfiguration(JobRepository jobRepository, PlatformTransactionManager transactionManager,
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
    public Job mergeBuildingsJob() {
        return MergeJobs.merge(JOB_NAME, "Building", FEEDS, mergeBuildings(),
                List.of(new RetiringTable("building", ROWS_HOLDING_BUILDINGS),
                        new RetiringTable("rental_house", ROWS_HOLDING_RENTAL_HOUSES)),
                jobRepository, transactionManager, jdbc);
    }

    @Bean
    public Step mergeBuildings() {
        MergeRejectRecorder rejects = new MergeRejectRecorder(jdbc);
        return new StepBuilder("mergeBuildings", jobRepository)
                .<PendingRecord, PlacedRow>chunk(chunkSize)
                .transactionManager(transactionManager)
                .reader(pendingBuildingReader())
                .processor(buildingPlacer())
                .writer(buildingWriter())
                .faultTolerant()
                .skip(RejectedRecordException.class)
                .skipLimit(Long.MAX_VALUE)
                .skipListener(rejects)
                .skipListener(new ReviewItemRecorder(jdbc, RENTAL_REGISTRY))
                .listener(rejects)
                .listener(new ProgressListener())
                .build();
    }

    @Bean
    @StepScope
    public JdbcCursorItemReader<PendingRecord> pendingBuildingReader() {
        return PendingRecordReader.of("pendingBuildingReader", dataSource, FEEDS);
    }

    /** The building-level addresses, read once per merge for both the placer and the writer. */
    @Bean
    @StepScope
    public BuildingAddresses buildingAddresses() {
        return BuildingAddresses.read(jdbc);
    }

    @Bean
    @StepScope
    public BuildingPlacer buildingPlacer() {
        return new BuildingPlacer(AddressLibrary.matcher(jdbc, AddressLibrary.divisions(jdbc, cityName)),
                buildingAddresses(), new JdbcFoundBuildings(jdbc), RENTAL_REGISTRY);
    }

    @Bean
    @StepScope
    public BuildingWriter buildingWriter() {
        return new BuildingWriter(jdbc, new BuildingMerger(new BuildingSurvivorship(definitions.byName(FEEDS)), buildingAddresses(),
                GridLayer.index(jdbc)));
    }
}
