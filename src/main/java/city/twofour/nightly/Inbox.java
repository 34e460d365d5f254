package city.twofour.nightly;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import city.twofour.feed.FeedDefinition;

/**
 * The folder departments deliver into ({@code <department>/<file>}): which files wait there and for which feed,
 * and where a file goes once imported. A file that no feed's pattern names, or that two feeds' patterns name,
 * stays in the inbox and is reported.
 */
public class Inbox {

    /**
     * What is waiting in the inbox.
     *
     * @param unknown files no feed, or more than one feed, claims
     */
    public record Contents(List<DeliveredFile> files, List<String> unknown) {
    }

    private final Path folder;
    private final Path archive;

    public Inbox(Path folder, Path archive) {
        this.folder = folder;
        this.archive = archive;
    }

    /** The waiting files in path order, each with its feed. */
    public Contents contents(List<FeedDefinition> feeds) {
        List<DeliveredFile> files = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (Path file : waitingFiles()) {
            List<String> claimants = feeds.stream().filter(feed -> matcher(feed).matches(file)).map(FeedDefinition::name).toList();
            if (claimants.size() == 1) {
                files.add(new DeliveredFile(file, claimants.get(0)));
            } else {
                unknown.add(file + (claimants.isEmpty() ? ": no feed's file pattern names it" : ": claimed by " + claimants));
            }
        }
        return new Contents(files, unknown);
    }

    /** Moves an imported file out of the inbox into the archive folder of the given day, keeping its path. */
    public void archive(DeliveredFile file, String day) {
        Path target = archive.resolve(day).resolve(file.relativePath());
        try {
            Files.createDirectories(target.getParent());
            Files.move(folder.resolve(file.relativePath()), target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot archive " + file.relativePath() + " into " + target, e);
        }
    }

    private List<Path> waitingFiles() {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            return paths.filter(Files::isRegularFile).map(folder::relativize).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the inbox " + folder, e);
        }
    }

    private static PathMatcher matcher(FeedDefinition feed) {
        return FileSystems.getDefault().getPathMatcher("glob:" + feed.files());
    }
}
