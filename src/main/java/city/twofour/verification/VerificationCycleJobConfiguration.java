package city.twofour.verification;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.function.ToIntFunction;

import javax.sql.DataSource;

import city.twofour.address.AddressLibrary;
import city.twofour.feed.FeedDefinitions;
import city.twofour.feed.MergeJobs;
import city.twofour.feed.MergeRejectRecorder;
import city.twofour.feed.PendingRecord;
import city.twofour.feed.PendingRecordReader;
import city.twofour.feed.RowSteps;
import city.twofour.grid.GridLayer;
import city.twofour.verification.internal.DeclaredTaskWriter;
import city.twofour.verification.internal.GridOfficerWriter;
import city.twofour.verification.internal.JdbcTaskBook;
import city.twofour.verification.internal.MasterPlaces;
import city.twofour.verification.internal.ResultApplier;
import city.twofour.verification.internal.ResultWriter;
import city.twofour.verification.internal.VerifiedTaskReader;
import org.springframework.batch.core.configuration.annotation.JobScope;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.database.JdbcCursorItemReader;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * {@code verification-cycle}: one turn of the declare-and-verify cycle over everything imported and merged so far.
 * Loads the grid officers' roster, opens a task for each declaration and each discrepancy the merges left, sends
 * each grid its open tasks, checks the officers' results against the tasks and the roster, applies them to the
 * master data, follows up overdue tasks, accounts for every delivered row and publishes the changes. The roster,
 * declaration and result feeds are imported first with {@code import-feed}.
 */
@Configuration
public class VerificationCycleJobConfiguration {

    public static final String JOB_NAME = "verification-cycle";
    public static final String ROSTER_FEED = "grid-officers";
    public static final String DECLARATION_FEED = "declarations";
    public static final String RESULT_FEED = "verification-results";

    private final JobRepository jobRepository;
    private final PlatformTransactionManager transactionManager;
    private final JdbcTemplate jdbc;
    private final DataSource dataSource;
    private final int chunkSize;
    private final String cityName;
    private final Environment environment;
    private final FeedDefinitions definitions;

    public VerificationCycleJobConfiguration(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                                             JdbcTemplate jdbc, DataSource dataSource,
                                             @Value("${twofour.chunk-size}") int chunkSize,
                                             @Value("${twofour.city.name}") String cityName, Environment environment,
                                             FeedDefinitions definitions) {
        this.jobRepository = jobRepository;
        this.transactionManager = transactionManager;
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.chunkSize = chunkSize;
        this.cityName = cityName;
        this.environment = environment;
        this.definitions = definitions;
    }

    @Bean
    public Job verificationCycleJob(@Value("${twofour.outbox}") Path outbox,
                                    @Value("${twofour.verification.expire-after-days}") int expireAfterDays) {
        return MergeJobs.merge(JOB_NAME, "Verification", List.of(ROSTER_FEED, DECLARATION_FEED, RESULT_FEED), List.of(
                        loadGridOfficers(),
                        tasklet("takeOfficersOffRoster", new TakeOfficersOffRoster(jdbc, ROSTER_FEED)),
                        openDeclaredTasks(),
                        tasklet("openDiscrepancyTasks", new OpenDiscrepancyTasks(jdbc, dueDays())),
                        tasklet("dispatchTasks", new DispatchPackages(jdbc, outbox)),
                        checkVerificationResults(),
                        applyVerifiedResults(),
                        tasklet("followUpTasks", new FollowUpTasks(jdbc, expireAfterDays, () -> LocalDate.now(CityTime.ZONE)))),
                List.of(), jobRepository, transactionManager, jdbc);
    }

    @Bean
    public Step loadGridOfficers() {
        return RowSteps.rejecting("loadGridOfficers", jobRepository, transactionManager, chunkSize,
                pendingRosterReader(), rosterChecker(), new GridOfficerWriter(jdbc), new MergeRejectRecorder(jdbc));
    }

    @Bean
    public Step openDeclaredTasks() {
        return RowSteps.rejecting("openDeclaredTasks", jobRepository, transactionManager, chunkSize,
                pendingDeclarationReader(), declarationChecker(), new DeclaredTaskWriter(jdbc),
                new MergeRejectRecorder(jdbc));
    }

    @Bean
    public Step checkVerificationResults() {
        return RowSteps.rejecting("checkVerificationResults", jobRepository, transactionManager, chunkSize,
                pendingResultReader(), resultChecker(), new ResultWriter(jdbc), new MergeRejectRecorder(jdbc));
    }

    @Bean
    public Step applyVerifiedResults() {
        return new StepBuilder("applyVerifiedResults", jobRepository)
                .<VerifiedTask, VerifiedTask>chunk(chunkSize)
                .transactionManager(transactionManager)
                .reader(verifiedTaskReader())
                .writer(resultApplier())
                .build();
    }

    @Bean
    @StepScope
    public JdbcCursorItemReader<PendingRecord> pendingRosterReader() {
        return PendingRecordReader.of("pendingRosterReader", dataSource, List.of(ROSTER_FEED));
    }

    @Bean
    @StepScope
    public JdbcCursorItemReader<PendingRecord> pendingDeclarationReader() {
        return PendingRecordReader.of("pendingDeclarationReader", dataSource, List.of(DECLARATION_FEED));
    }

    @Bean
    @StepScope
    public JdbcCursorItemReader<PendingRecord> pendingResultReader() {
        return PendingRecordReader.of("pendingResultReader", dataSource, List.of(RESULT_FEED));
    }

    @Bean
    @StepScope
    public JdbcCursorItemReader<VerifiedTask> verifiedTaskReader() {
        return VerifiedTaskReader.of("verifiedTaskReader", dataSource);
    }

    @Bean
    @StepScope
    public RosterChecker rosterChecker() {
        return new RosterChecker(GridLayer.codes(jdbc));
    }

    @Bean
    @StepScope
    public DeclarationChecker declarationChecker() {
        return new DeclarationChecker(places(), dueDays());
    }

    @Bean
    @StepScope
    public ResultChecker resultChecker() {
        return new ResultChecker(new JdbcTaskBook(jdbc), new Corrections(places()));
    }

    @Bean
    @StepScope
    public ResultApplier resultApplier() {
        String department = definitions.byName(List.of(DECLARATION_FEED)).get(DECLARATION_FEED).department();
        return new ResultApplier(jdbc, places(), department);
    }

    /**
     * The address library and the grid layer, read into memory once per run (the cycle changes neither); the steps
     * that place declarations, check corrections and apply results share them.
     */
    @Bean
    @JobScope
    public Places places() {
        return new MasterPlaces(jdbc, AddressLibrary.matcher(jdbc, AddressLibrary.divisions(jdbc, cityName)),
                GridLayer.index(jdbc));
    }

    /** Days a task of each type is due in: {@code twofour.verification.due-days.<TYPE>}, else the type's default. */
    private ToIntFunction<TaskType> dueDays() {
        return type -> environment.getProperty("twofour.verification.due-days." + type.name(), Integer.class,
                type.defaultDueDays());
    }

    private Step tasklet(String name, Tasklet tasklet) {
        return new StepBuilder(name, jobRepository).tasklet(tasklet, transactionManager).build();
    }
}
