package city.twofour.feed;

import java.nio.file.Path;

/**
 * A feed definition that cannot be used, with the file and the key at fault.
 */
public class InvalidFeedDefinitionException extends RuntimeException {

    public InvalidFeedDefinitionException(Path file, String key, String problem) {
        super(file + (key == null || key.isEmpty() ? "" : ": " + key) + ": " + problem);
    }

    public InvalidFeedDefinitionException(Path file, String key, String problem, Throwable cause) {
        super(file + (key == null || key.isEmpty() ? "" : ": " + key) + ": " + problem, cause);
    }
}
