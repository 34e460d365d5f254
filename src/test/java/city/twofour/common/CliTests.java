package city.twofour.common;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import city.twofour.common.cli.Cli;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CliTests {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void helpIsPrintedOnStandardOutputWithExitCodeZero() {
        assertThat(run("--help")).isZero();
        assertThat(out()).contains("Usage: twofour").contains("load-grids");
        assertThat(run("restart", "--help")).isZero();
        assertThat(out()).contains("Usage: twofour restart EXECUTION_ID");
    }

    @Test
    void anUnknownCommandIsAUsageErrorOnStandardError() {
        assertThat(run("frobnicate")).isEqualTo(2);
        assertThat(err()).isEqualTo("twofour: unknown command 'frobnicate' (see twofour --help)\n");
        assertThat(out()).isEmpty();
    }

    @Test
    void noCommandAtAllIsAUsageError() {
        assertThat(run()).isEqualTo(2);
        assertThat(err()).contains("Usage: twofour");
    }

    private int run(String... args) {
        out.reset();
        err.reset();
        return Cli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
