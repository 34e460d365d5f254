package city.twofour.grid.internal;

import java.nio.file.Path;
import java.util.List;

import city.twofour.common.Console;
import city.twofour.feed.FeedFile;
import city.twofour.feed.FeedFileRegistry;
import city.twofour.grid.LoadGridsParameters;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Registers the delivered divisions and grids files and keeps their ids in the job's context for the steps after.
 * A grids shapefile is registered by its {@code .shp} and the content of all its parts.
 */
public class RegisterGridFiles implements Tasklet {

    public static final String DIVISIONS_FILE_ID = "divisions.file-id";
    public static final String GRIDS_FILE_ID = "grids.file-id";

    private final FeedFileRegistry registry;

    public RegisterGridFiles(FeedFileRegistry registry) {
        this.registry = registry;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        LoadGridsParameters parameters = LoadGridsParameters.of(contribution.getStepExecution().getJobParameters());
        ExecutionContext jobContext = contribution.getStepExecution().getJobExecution().getExecutionContext();
        jobContext.putLong(DIVISIONS_FILE_ID, register("divisions", parameters.divisions(), List.of(parameters.divisions())).id());
        jobContext.putLong(GRIDS_FILE_ID, register("grids", parameters.grids(), parts(parameters.grids())).id());
        return RepeatStatus.FINISHED;
    }

    /** A shapefile is delivered in parts, and a change to any of them is a new delivery. */
    private static List<Path> parts(Path grids) {
        return ShapefileParts.isShapefile(grids) ? new ShapefileParts(grids).present() : List.of(grids);
    }

    private FeedFile register(String feed, Path path, List<Path> parts) {
        FeedFile file = registry.register(feed, path, parts);
        Console.say("%s: %s (%,d bytes, sha256 %s)%s", feed, path, file.sizeBytes(), file.sha256().substring(0, 12),
                file.alreadyKnown() ? ", delivered before: rows already loaded stay as they are" : "");
        return file;
    }
}
