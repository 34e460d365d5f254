package city.twofour.common;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest
class DataDictionaryTests {

    private static final Path COMMITTED = Path.of("schemas/DATA-DICTIONARY.md");

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theCommittedDictionarySaysWhatTheSchemaSays() throws IOException {
        String generated = new DataDictionary(jdbc).markdown();

        assertThat(Files.readString(COMMITTED, StandardCharsets.UTF_8))
                .as("schemas/DATA-DICTIONARY.md is out of date: run bin/twofour dictionary --out schemas/DATA-DICTIONARY.md")
                .isEqualTo(generated);
    }

    @Test
    void everyMasterTableAndViewIsDescribed() {
        String generated = new DataDictionary(jdbc).markdown();

        assertThat(generated).contains("## table `master.grid`", "## view `master.changes`", "MultiPolygon,4490");
        assertThat(generated).doesNotContain("|  |\n");
    }
}
