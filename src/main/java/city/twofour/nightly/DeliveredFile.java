package city.twofour.nightly;

import java.nio.file.Path;

/**
 * A file waiting in the inbox and the feed it was delivered for.
 *
 * @param relativePath the file's path inside the inbox, as the feed definitions' patterns name it
 */
public record DeliveredFile(Path relativePath, String feed) {
}
