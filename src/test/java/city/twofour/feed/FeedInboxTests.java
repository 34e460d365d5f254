package city.twofour.feed;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FeedInboxTests {

    @TempDir
    Path root;

    private Path inbox;
    private FeedDefinition feed;

    @BeforeEach
    void inboxWithAFile() throws IOException {
        inbox = Files.createDirectories(root.resolve("inbox"));
        Files.createDirectories(inbox.resolve("public-security"));
        Files.writeString(inbox.resolve("public-security/floating-population-20261120.csv"), "x");
        Files.writeString(root.resolve("outside.csv"), "x");
        feed = FeedDefinitions.read(Path.of("jobs/feeds/floating-population.yml"));
    }

    @Test
    void acceptsAFileOfTheFeedInsideTheInboxRelativeOrAbsolute() {
        Path expected = inbox.resolve("public-security/floating-population-20261120.csv");

        assertThat(new FeedInbox(inbox).resolve("public-security/floating-population-20261120.csv", feed)).isEqualTo(expected);
        assertThat(new FeedInbox(inbox).resolve(expected.toString(), feed)).isEqualTo(expected);
    }

    @Test
    void refusesAPathThatLeavesTheInboxAlsoThroughALink() throws IOException {
        Files.createSymbolicLink(inbox.resolve("public-security/floating-population-link.csv"), root.resolve("outside.csv"));

        assertThatThrownBy(() -> new FeedInbox(inbox).resolve("../outside.csv", feed)).hasMessageContaining("not inside the inbox");
        assertThatThrownBy(() -> new FeedInbox(inbox).resolve("public-security/floating-population-link.csv", feed))
                .hasMessageContaining("not inside the inbox");
    }

    @Test
    void refusesAFileThatDoesNotMatchTheFeedsPattern() throws IOException {
        Files.writeString(inbox.resolve("public-security/grids.csv"), "x");

        assertThatThrownBy(() -> new FeedInbox(inbox).resolve("public-security/grids.csv", feed))
                .hasMessageContaining("does not match the file pattern 'public-security/floating-population-*.csv'");
    }
}
