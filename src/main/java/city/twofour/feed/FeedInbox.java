package city.twofour.feed;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The folder departments deliver their files into. A feed's files are named by its glob relative to this folder;
 * a file is accepted only when it lies inside the folder (after following links) and matches its feed's glob, so
 * that a path never reaches outside.
 */
public class FeedInbox {

    private final Path folder;

    public FeedInbox(Path folder) {
        this.folder = folder;
    }

    /**
     * The delivered file, resolved against the inbox.
     *
     * @throws IllegalArgumentException when the file does not exist, lies outside the inbox or does not match the
     *                                  feed's file pattern
     */
    public Path resolve(String file, FeedDefinition feed) {
        Path root = realPath(folder, "the inbox folder");
        Path path = realPath(root.resolve(file), "file " + file);
        if (!path.startsWith(root) || path.equals(root)) {
            throw new IllegalArgumentException(file + " is not inside the inbox " + root);
        }
        if (!Files.isRegularFile(path)) {
            throw new IllegalArgumentException(file + " is not a file");
        }
        Path relative = root.relativize(path);
        if (!FileSystems.getDefault().getPathMatcher("glob:" + feed.files()).matches(relative)) {
            throw new IllegalArgumentException(relative + " does not match the file pattern '" + feed.files()
                    + "' of feed " + feed.name());
        }
        return path;
    }

    private static Path realPath(Path path, String what) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            throw new IllegalArgumentException(what + " not found: " + path.toAbsolutePath().normalize());
        }
    }
}
