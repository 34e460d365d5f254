package city.twofour.grid;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;

import city.twofour.common.ChangeReason;
import city.twofour.common.ProgressListener;
import city.twofour.common.PublishChanges;
import city.twofour.feed.CsvRow;
import city.twofour.feed.CsvRowReader;
import city.twofour.feed.FeedFileRegistry;
import city.twofour.feed.RejectRecorder;
import city.twofour.feed.RowSteps;
import city.twofour.grid.internal.DivisionWriter;
import city.twofour.grid.internal.GeoJsonFeature;
import city.twofour.grid.internal.GeoJsonFeatureReader;
import city.twofour.grid.internal.GridFeatureStager;
import city.twofour.grid.internal.GridLoadReport;
import city.twofour.grid.internal.GridCandidateWriter;
import city.twofour.grid.internal.GridTopologyCheck;
import city.twofour.grid.internal.MergeGridCandidates;
import city.twofour.grid.internal.RegisterGridFiles;
import city.twofour.grid.internal.ShapefileFeatureReader;
import city.twofour.grid.internal.ShapefileParts;
import org.locationtech.jts.geom.Envelope;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.DefaultJobParametersValidator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.batch.infrastructure.item.database.JdbcCursorItemReader;
import org.springframework.batch.infrastructure.item.database.builder.JdbcCursorItemReaderBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import javax.sql.DataSource;

/**
 * {@code load-grids}: loads the standard operational map. Registers the delivered files, loads the divisions,
 * stages the grid features as delivered, checks each feature, checks that the layer tiles its area (refusing it
 * otherwise, unless accepted), merges it into {@code master.grid}, then accounts for every feature. Running it
 * again on the same files changes nothing.
 */
@Configuration
public class LoadGridsJobConfiguration {

    public static final String JOB_NAME = "load-grids";

    private static final String STAGED_FEATURES = """
            SELECT f.file_id, f.record_no, f.code,
                   f.properties ->> 'name' AS name,
                   f.properties ->> 'village_code' AS village_code,
                   f.properties ->> 'town_code' AS town_code,
                   f.geometry, f.crs,
                   coalesce(min(f.record_no) OVER (PARTITION BY f.code), f.record_no) AS first_record_no,
                   f.properties::text AS properties
              FROM staging.grid_feature f
             WHERE f.file_id = ?
             ORDER BY f.record_no
            """;

    private static final String KNOWN_TOWNS = "SELECT code FROM master.division WHERE level = 'town'";
    private static final String VILLAGE_TOWNS = "SELECT code, parent_code FROM master.division WHERE level = 'village'";

    private final JobRepository jobRepository;
    private final PlatformTransactionManager transactionManager;
    private final JdbcTemplate jdbc;
    private final int chunkSize;

    public LoadGridsJobConfiguration(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                                     JdbcTemplate jdbc, @Value("${twofour.chunk-size}") int chunkSize) {
        this.jobRepository = jobRepository;
        this.transactionManager = transactionManager;
        this.jdbc = jdbc;
        this.chunkSize = chunkSize;
    }

    @Bean
    public Job loadGridsJob() {
        return new JobBuilder(JOB_NAME, jobRepository)
                .validator(new DefaultJobParametersValidator(
                        new String[] {LoadGridsParameters.DIVISIONS, LoadGridsParameters.GRIDS},
                        new String[] {LoadGridsParameters.ACCEPT_TOPOLOGY, "run.id"}))
                .start(registerGridFiles())
                .next(loadDivisions())
                .next(stageGridFeatures())
                .next(checkGridFeatures())
                .next(checkGridLayer())
                    .on(GridTopologyCheck.REFUSED).fail()
                .from(checkGridLayer())
                    .on("*").to(mergeGrids())
                .next(accountForGridFeatures())
                .next(publishGridChanges())
                .end()
                .build();
    }

    @Bean
    public Step registerGridFiles() {
        return new StepBuilder("registerGridFiles", jobRepository)
                .tasklet(new RegisterGridFiles(new FeedFileRegistry(jdbc)), transactionManager)
                .build();
    }

    @Bean
    public Step loadDivisions() {
        return RowSteps.rejecting("loadDivisions", jobRepository, transactionManager, chunkSize,
                divisionReader(null), divisionValidator(), divisionWriter(null),
                new RejectRecorder(jdbc));
    }

    @Bean
    @StepScope
    public CsvRowReader divisionReader(@Value("#{stepExecution}") StepExecution stepExecution) {
        return new CsvRowReader("divisionReader",
                LoadGridsParameters.of(stepExecution.getJobParameters()).divisions(),
                stepExecution.getJobExecution().getExecutionContext().getLong(RegisterGridFiles.DIVISIONS_FILE_ID),
                StandardCharsets.UTF_8, ',');
    }

    @Bean
    @StepScope
    public DivisionWriter divisionWriter(@Value("#{stepExecution}") StepExecution stepExecution) {
        long fileId = stepExecution.getJobExecution().getExecutionContext().getLong(RegisterGridFiles.DIVISIONS_FILE_ID);
        Path file = LoadGridsParameters.of(stepExecution.getJobParameters()).divisions();
        return new DivisionWriter(jdbc, ChangeReason.ofFile(JOB_NAME, file.getFileName().toString(), fileId));
    }

    @Bean
    @StepScope
    public DivisionValidator divisionValidator() {
        return new DivisionValidator(new HashSet<>(jdbc.queryForList(KNOWN_TOWNS, String.class)));
    }

    @Bean
    public Step stageGridFeatures() {
        return new StepBuilder("stageGridFeatures", jobRepository)
                .<GeoJsonFeature, GeoJsonFeature>chunk(chunkSize)
                .transactionManager(transactionManager)
                .reader(gridFeatureReader(null))
                .writer(gridFeatureStager(null))
                .listener(new ProgressListener())
                .build();
    }

    /** Reads an ESRI Shapefile when the grids file is its {@code .shp}, GeoJSON otherwise. */
    @Bean
    @StepScope
    public ItemStreamReader<GeoJsonFeature> gridFeatureReader(@Value("#{stepExecution}") StepExecution stepExecution) {
        Path grids = LoadGridsParameters.of(stepExecution.getJobParameters()).grids();
        return ShapefileParts.isShapefile(grids)
                ? new ShapefileFeatureReader("gridFeatureReader", grids)
                : new GeoJsonFeatureReader("gridFeatureReader", grids);
    }

    @Bean
    @StepScope
    public GridFeatureStager gridFeatureStager(@Value("#{stepExecution}") StepExecution stepExecution) {
        return new GridFeatureStager(jdbc, gridsFileId(stepExecution));
    }

    @Bean
    public Step checkGridFeatures() {
        return RowSteps.rejecting("checkGridFeatures", jobRepository, transactionManager, chunkSize,
                stagedGridReader(null, null), gridValidator(null), new GridCandidateWriter(jdbc),
                new RejectRecorder(jdbc));
    }

    @Bean
    @StepScope
    public JdbcCursorItemReader<GridFeature> stagedGridReader(DataSource dataSource,
                                                              @Value("#{stepExecution}") StepExecution stepExecution) {
        long fileId = gridsFileId(stepExecution);
        return new JdbcCursorItemReaderBuilder<GridFeature>()
                .name("stagedGridReader")
                .dataSource(dataSource)
                .sql(STAGED_FEATURES)
                .queryArguments(fileId)
                .fetchSize(1_000)
                .connectionAutoCommit(false)
                .rowMapper((rs, n) -> new GridFeature(rs.getLong("file_id"), rs.getInt("record_no"), rs.getString("code"),
                        rs.getString("name"), rs.getString("village_code"), rs.getString("town_code"),
                        rs.getString("geometry"), rs.getString("crs"), rs.getInt("first_record_no"),
                        rs.getString("properties")))
                .build();
    }

    @Bean
    @StepScope
    public GridValidator gridValidator(@Value("${twofour.city.bounds}") double[] bounds) {
        Map<String, String> townOfVillage = new HashMap<>();
        jdbc.query(VILLAGE_TOWNS, rs -> {
            townOfVillage.put(rs.getString("code"), rs.getString("parent_code"));
        });
        return new GridValidator(townOfVillage, new Envelope(bounds[0], bounds[2], bounds[1], bounds[3]));
    }

    @Bean
    public Step checkGridLayer() {
        return new StepBuilder("checkGridLayer", jobRepository)
                .tasklet(gridTopologyCheck(null), transactionManager)
                .allowStartIfComplete(true)
                .build();
    }

    @Bean
    @StepScope
    public GridTopologyCheck gridTopologyCheck(@Value("#{stepExecution}") StepExecution stepExecution) {
        return new GridTopologyCheck(jdbc, gridsFileId(stepExecution),
                LoadGridsParameters.of(stepExecution.getJobParameters()).acceptTopology());
    }

    @Bean
    public Step mergeGrids() {
        return new StepBuilder("mergeGrids", jobRepository)
                .tasklet(mergeGridCandidates(null), transactionManager)
                .build();
    }

    @Bean
    @StepScope
    public MergeGridCandidates mergeGridCandidates(@Value("#{stepExecution}") StepExecution stepExecution) {
        Path file = LoadGridsParameters.of(stepExecution.getJobParameters()).grids();
        long fileId = gridsFileId(stepExecution);
        return new MergeGridCandidates(jdbc, fileId, ChangeReason.ofFile(JOB_NAME, file.getFileName().toString(), fileId));
    }

    @Bean
    public Step accountForGridFeatures() {
        return new StepBuilder("accountForGridFeatures", jobRepository)
                .tasklet(gridLoadReport(null), transactionManager)
                .build();
    }

    @Bean
    @StepScope
    public GridLoadReport gridLoadReport(@Value("#{stepExecution}") StepExecution stepExecution) {
        return new GridLoadReport(jdbc,
                stepExecution.getJobExecution().getExecutionContext().getLong(RegisterGridFiles.DIVISIONS_FILE_ID),
                gridsFileId(stepExecution));
    }

    @Bean
    public Step publishGridChanges() {
        return new StepBuilder("publishGridChanges", jobRepository)
                .tasklet(new PublishChanges(jdbc), transactionManager)
                .allowStartIfComplete(true)
                .build();
    }

    private static long gridsFileId(StepExecution stepExecution) {
        return stepExecution.getJobExecution().getExecutionContext().getLong(RegisterGridFiles.GRIDS_FILE_ID);
    }
}
