package city.twofour.feed;

import java.nio.file.Path;

import city.twofour.common.ChildRuns;
import city.twofour.common.ProgressListener;
import city.twofour.feed.internal.FeedImportReport;
import city.twofour.feed.internal.FeedRows;
import city.twofour.feed.internal.ImportFeedRows;
import city.twofour.feed.internal.RegisterFeedFile;
import city.twofour.feed.internal.RejectFileWriter;
import city.twofour.grid.CityExtent;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.DefaultJobParametersValidator;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * {@code import-feed feed=NAME file=PATH [replaces=NAME]}: imports one delivered file of a department feed declared
 * in {@code jobs/feeds/NAME.yml}. Registers the file (a duplicate or empty delivery ends the job here), reads it once,
 * checking each row against the feed's definition while good rows stream normalised into staging with {@code COPY}
 * and bad ones are rejected with line, field and reason, writes the reject CSV for the data officer, and accounts for
 * every row. A run that fails half way resumes after its last committed chunk.
 */
@Configuration
public class ImportFeedJobConfiguration {

    public static final String JOB_NAME = "import-feed";

    private final JobRepository jobRepository;
    private final PlatformTransactionManager transactionManager;
    private final JdbcTemplate jdbc;
    private final int chunkSize;
    private final FeedDefinitions definitions;
    private final Path inbox;
    private final Path outbox;

    public ImportFeedJobConfiguration(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                                      JdbcTemplate jdbc,
                                      @Value("${twofour.import.chunk-size}") int chunkSize,
                                      FeedDefinitions definitions,
                                      @Value("${twofour.inbox}") Path inbox,
                                      @Value("${twofour.outbox}") Path outbox) {
        this.jobRepository = jobRepository;
        this.transactionManager = transactionManager;
        this.jdbc = jdbc;
        this.chunkSize = chunkSize;
        this.definitions = definitions;
        this.inbox = inbox;
        this.outbox = outbox;
    }

    @Bean
    public Job importFeedJob() {
        return new JobBuilder(JOB_NAME, jobRepository)
                .validator(new DefaultJobParametersValidator(
                        new String[] {ImportFeedParameters.FEED, ImportFeedParameters.FILE},
                        new String[] {ImportFeedParameters.REPLACES, ChildRuns.PARENT_INSTANCE, "run.id"}))
                .start(registerFeedFile()).on(RegisterFeedFile.SKIPPED.getExitCode()).end()
                .from(registerFeedFile()).on(ExitStatus.FAILED.getExitCode()).fail()
                .from(registerFeedFile()).on("*").to(importFeedRows())
                .next(writeRejectFile())
                .next(accountForFeedRows())
                .end()
                .build();
    }

    @Bean
    public Step registerFeedFile() {
        return new StepBuilder("registerFeedFile", jobRepository)
                .tasklet(new RegisterFeedFile(definitions, new FeedInbox(inbox), new FeedFileRegistry(jdbc), new FeedRows(jdbc)),
                        transactionManager)
                .build();
    }

    @Bean
    public Step importFeedRows() {
        ImportFeedRows rows = feedRowImport(null, null);
        return new StepBuilder("importFeedRows", jobRepository)
                .tasklet(rows, transactionManager)
                .stream(rows)
                .listener((StepExecutionListener) new ProgressListener())
                .build();
    }

    /** Reader and validator are made here, not as beans of their own: a step-scoped proxy on every row is slow. */
    @Bean
    @StepScope
    public ImportFeedRows feedRowImport(@Value("${twofour.city.bounds}") double[] bounds,
                                        @Value("#{stepExecution}") StepExecution stepExecution) {
        FeedDefinition feed = feed(stepExecution);
        ExecutionContext job = stepExecution.getJobExecution().getExecutionContext();
        CsvRowReader reader = new CsvRowReader("feedLineReader", Path.of(job.getString(RegisterFeedFile.PATH)),
                job.getLong(RegisterFeedFile.FILE_ID), feed.charset(), feed.delimiterChar());
        FeedRowValidator validator = new FeedRowValidator(feed, new CityExtent("本市", bounds[0], bounds[1], bounds[2], bounds[3]));
        return new ImportFeedRows(reader, validator, new FeedFileRegistry(jdbc).fields(job.getLong(RegisterFeedFile.FILE_ID)),
                jdbc, chunkSize);
    }

    @Bean
    public Step writeRejectFile() {
        return new StepBuilder("writeRejectFile", jobRepository)
                .tasklet(rejectFileWriter(null), transactionManager)
                .build();
    }

    @Bean
    @StepScope
    public RejectFileWriter rejectFileWriter(@Value("#{stepExecution}") StepExecution stepExecution) {
        Path file = Path.of(stepExecution.getJobExecution().getExecutionContext().getString(RegisterFeedFile.PATH));
        Path rejectFile = outbox.resolve("rejects").resolve(feed(stepExecution).name())
                .resolve(file.getFileName() + ".rejects.csv");
        return new RejectFileWriter(jdbc, fileId(stepExecution), rejectFile);
    }

    @Bean
    public Step accountForFeedRows() {
        return new StepBuilder("accountForFeedRows", jobRepository)
                .tasklet(feedImportReport(null), transactionManager)
                .build();
    }

    @Bean
    @StepScope
    public FeedImportReport feedImportReport(@Value("#{stepExecution}") StepExecution stepExecution) {
        ExecutionContext job = stepExecution.getJobExecution().getExecutionContext();
        return new FeedImportReport(new FeedRows(jdbc), new FeedFileRegistry(jdbc), feed(stepExecution),
                job.getLong(RegisterFeedFile.FILE_ID), Path.of(job.getString(RegisterFeedFile.PATH)),
                job.containsKey(RegisterFeedFile.PREDECESSOR_ID) ? job.getLong(RegisterFeedFile.PREDECESSOR_ID) : null);
    }

    private FeedDefinition feed(StepExecution stepExecution) {
        return definitions.get(ImportFeedParameters.of(stepExecution.getJobParameters()).feed());
    }

    private static long fileId(StepExecution stepExecution) {
        return stepExecution.getJobExecution().getExecutionContext().getLong(RegisterFeedFile.FILE_ID);
    }
}
