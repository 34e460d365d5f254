package city.twofour.feed.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

import city.twofour.common.Console;
import city.twofour.feed.CsvRowReader;
import city.twofour.feed.FeedDefinition;
import city.twofour.feed.FeedFileRegistry;
import city.twofour.feed.FeedRowCounts;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Accounts for every row of the delivered file: counts the rows in the file again, apart from the import, and checks
 * that each is now either loaded, merged or rejected ({@code loaded + merged + rejected = read}); anything else fails
 * the job, since a row was lost or doubled. Then, in the same transaction, a corrected re-delivery takes the place of
 * the file it replaces (whose loaded rows go), and the registry records the counts.
 */
public class FeedImportReport implements Tasklet {

    private final FeedRows rows;
    private final FeedFileRegistry registry;
    private final FeedDefinition feed;
    private final long fileId;
    private final Path path;
    private final Long predecessorId;

    public FeedImportReport(FeedRows rows, FeedFileRegistry registry, FeedDefinition feed, long fileId, Path path,
                            Long predecessorId) {
        this.rows = rows;
        this.registry = registry;
        this.feed = feed;
        this.fileId = fileId;
        this.path = path;
        this.predecessorId = predecessorId;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        FeedRowCounts counts = rows.count(fileId, rowsInFile());
        Console.say("%s: %s", feed.name(), counts);
        if (!counts.balanced()) {
            throw new IllegalStateException(path.getFileName() + ": rows do not balance, " + counts
                    + "; see staging.feed_record and ops.reject for file " + fileId);
        }
        if (predecessorId != null) {
            rows.removeLoaded(predecessorId);
            registry.supersede(predecessorId, fileId);
            Console.say("%s: file %d is superseded by this delivery; its rows are replaced", feed.name(), predecessorId);
        }
        registry.finish(fileId, FeedFileRegistry.IMPORTED, counts);
        return RepeatStatus.FINISHED;
    }

    private long rowsInFile() {
        try {
            return CsvRowReader.countRows(path, feed.charset(), feed.delimiterChar());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }
}
