package city.twofour.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SamplesCommandTests {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return SamplesCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void helpPrintsUsageAndSucceeds() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("samples generate", "--scale", "--fraction", "--noise");
    }

    @Test
    void generateWithAFractionOfTinyWritesAManifestWithTheKnobs(@TempDir Path dir) throws Exception {
        int code = run("generate", "--scale", "tiny", "--seed", "5", "--fraction", "0.2",
                "--noise", "duplicateInFeed=0.1", "--out", dir.toString());

        assertThat(code).isZero();
        String manifest = Files.readString(dir.resolve("manifest.json"));
        assertThat(manifest).contains("\"scale\": \"tiny\"", "\"seed\": 5", "\"fraction\": 0.2", "\"duplicateInFeed\": 0.1");
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("rows_per_second:");
    }

    @Test
    void badArgumentsFailWithAMessage() {
        assertThat(run("generate", "--scale", "tiny")).isEqualTo(2);
        assertThat(run("generate", "--noise", "noSuchKnob=0.1", "--out", "x")).isEqualTo(2);
        assertThat(run("generate", "--noise", "badDate=2", "--out", "x")).isEqualTo(2);
        assertThat(run("frobnicate")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--out", "noSuchKnob", "badDate", "frobnicate");
    }

    @Test
    void scoreWithoutATruthDirectoryIsAUsageError() {
        assertThat(run("score", "--truth", "no-such-dir")).isEqualTo(2);
        assertThat(run("score")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("feed_rows.csv", "--truth DIR");
    }
}
