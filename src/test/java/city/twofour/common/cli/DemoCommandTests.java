package city.twofour.common.cli;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code demo --samples DIR} takes another sample city, and says so when a folder is none. */
@SpringBootTest
class DemoCommandTests {

    @Autowired
    JobCommand command;

    @Test
    void aFolderWithoutAMapAndFeedsIsNoSampleCity(@TempDir Path empty) {
        assertThatThrownBy(() -> command.execute(JobCommand.Kind.DEMO, List.of("--samples", empty.toString())))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("is not a sample city");
    }

    @Test
    void demoTakesNoOtherOption() {
        assertThatThrownBy(() -> command.execute(JobCommand.Kind.DEMO, List.of("--fast")))
                .isInstanceOf(UsageException.class)
                .hasMessage("demo takes only --samples DIR");
    }
}
