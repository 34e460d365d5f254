package city.twofour.feed;

import java.nio.file.Path;

/**
 * A delivered file as the registry knows it.
 *
 * @param alreadyKnown true when the same content was delivered for the same feed before
 */
public record FeedFile(long id, String feed, Path path, String sha256, long sizeBytes, boolean alreadyKnown) {
}
