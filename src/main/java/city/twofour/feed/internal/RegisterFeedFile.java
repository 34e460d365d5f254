package city.twofour.feed.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import city.twofour.common.Console;
import city.twofour.feed.CsvRowReader;
import city.twofour.feed.FeedDefinition;
import city.twofour.feed.FeedDefinitions;
import city.twofour.feed.FeedFile;
import city.twofour.feed.FeedFileRegistry;
import city.twofour.feed.FeedInbox;
import city.twofour.feed.FeedRowCounts;
import city.twofour.feed.FieldDefinition;
import city.twofour.feed.FileLines;
import city.twofour.feed.ImportFeedParameters;
import city.twofour.feed.RejectReason;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Registers the delivered file and decides what to do with it. The same bytes delivered again for the feed are
 * skipped ({@code DUPLICATE_FILE}), a file without data rows is recorded as {@code EMPTY_FILE}; both end the job
 * with the step's exit status {@link #SKIPPED}. A file whose header lacks a column the feed requires fails the job
 * before anything is staged. Otherwise the file's id, its path and the earlier delivery it replaces (a file of the
 * same name, or the one named by {@code replaces=}) go into the job's context for the steps after.
 */
public class RegisterFeedFile implements Tasklet {

    public static final String FILE_ID = "feed.file-id";
    public static final String PATH = "feed.path";
    public static final String PREDECESSOR_ID = "feed.predecessor-id";

    /** Exit status of a delivery that needs no import: delivered before, or empty. */
    public static final ExitStatus SKIPPED = new ExitStatus("SKIPPED");

    private final FeedDefinitions definitions;
    private final FeedInbox inbox;
    private final FeedFileRegistry registry;
    private final FeedRows rows;

    public RegisterFeedFile(FeedDefinitions definitions, FeedInbox inbox, FeedFileRegistry registry, FeedRows rows) {
        this.definitions = definitions;
        this.inbox = inbox;
        this.registry = registry;
        this.rows = rows;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        ImportFeedParameters parameters = ImportFeedParameters.of(contribution.getStepExecution().getJobParameters());
        Long jobExecutionId = contribution.getStepExecution().getJobExecutionId();
        FeedDefinition feed = definitions.get(parameters.feed());
        Path path = inbox.resolve(parameters.file(), feed);
        FeedFile file = registry.register(feed.name(), path);
        Console.say("%s: %s (%,d bytes, sha256 %s, %s)", feed.name(), path, file.sizeBytes(), file.sha256().substring(0, 12),
                feed.department());

        if (file.alreadyKnown() && !file.status().equals(FeedFileRegistry.IMPORTING)) {
            registry.recordDelivery(file, RejectReason.DUPLICATE_FILE.name(), jobExecutionId);
            Console.say("%s: %s / %s: delivered before as file %d (%s): skipped", RejectReason.DUPLICATE_FILE,
                    RejectReason.DUPLICATE_FILE.zh(), RejectReason.DUPLICATE_FILE.en(), file.id(), file.status());
            contribution.setExitStatus(SKIPPED);
            return RepeatStatus.FINISHED;
        }
        if (file.alreadyKnown()) {
            Console.say("%s: an earlier import of file %d did not finish; importing it afresh", feed.name(), file.id());
            rows.removeAll(file.id());
        }
        if (!hasDataRows(path, feed)) {
            registry.finish(file.id(), FeedFileRegistry.EMPTY, new FeedRowCounts(0, 0, 0, 0));
            registry.recordDelivery(file, RejectReason.EMPTY_FILE.name(), jobExecutionId);
            Console.say("%s: %s / %s", RejectReason.EMPTY_FILE, RejectReason.EMPTY_FILE.zh(), RejectReason.EMPTY_FILE.en());
            contribution.setExitStatus(SKIPPED);
            return RepeatStatus.FINISHED;
        }

        String replacedName = parameters.replaces() != null ? parameters.replaces() : file.fileName();
        Long predecessor = registry.lastImported(feed.name(), replacedName, file.id());
        if (parameters.replaces() != null && predecessor == null) {
            throw new IllegalArgumentException("replaces=" + parameters.replaces() + ": no imported file of feed "
                    + feed.name() + " has that name");
        }
        registry.startImport(file.id(), feed.recordFields());
        registry.recordDelivery(file, "ACCEPTED", jobExecutionId);
        ExecutionContext job = contribution.getStepExecution().getJobExecution().getExecutionContext();
        job.putLong(FILE_ID, file.id());
        job.putString(PATH, path.toString());
        if (predecessor != null) {
            job.putLong(PREDECESSOR_ID, predecessor);
            Console.say("%s: a corrected re-delivery of file %d, whose rows it replaces", feed.name(), predecessor);
        }
        return RepeatStatus.FINISHED;
    }

    /**
     * Whether the file has a data row after its header.
     *
     * @throws IllegalStateException when the header cannot be read or lacks a column the feed requires
     */
    static boolean hasDataRows(Path path, FeedDefinition feed) {
        try (FileLines lines = new FileLines(Files.newInputStream(path), feed.charset())) {
            List<String> header = CsvRowReader.header(lines, path, feed.charset(), feed.delimiterChar());
            if (header == null) {
                return false;
            }
            List<String> missing = feed.fields().values().stream().filter(FieldDefinition::required)
                    .map(f -> f.column().strip()).filter(c -> !header.contains(c)).toList();
            if (!missing.isEmpty()) {
                throw new IllegalStateException(path.getFileName() + ": the header lacks the column(s) " + missing
                        + " that feed " + feed.name() + " requires; the header has " + header);
            }
            for (FileLines.Line line = lines.next(); line != null; line = lines.next()) {
                if (CsvRowReader.isRow(line)) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }
}
