package city.twofour.feed;

import java.nio.file.Path;

/**
 * A delivered file as the registry knows it.
 *
 * @param alreadyKnown true when the same content was delivered for the same feed before
 * @param status       what became of the content: received, importing, imported, empty or superseded
 */
public record FeedFile(long id, String feed, Path path, String sha256, long sizeBytes, boolean alreadyKnown,
                       String status) {

    public String fileName() {
        return path.getFileName().toString();
    }
}
