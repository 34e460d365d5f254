package city.twofour.feed.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;

import city.twofour.common.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest
class CopyInTests {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    TestDatabase database;

    /** A table of the staging schema, which the batch role may write (it may not make temporary tables). */
    @BeforeEach
    void aTableToCopyInto() throws SQLException {
        ownerSays("DROP TABLE IF EXISTS staging.copied; CREATE TABLE staging.copied (big bigint, small integer, words text)");
    }

    @AfterEach
    void dropIt() throws SQLException {
        ownerSays("DROP TABLE IF EXISTS staging.copied");
    }

    private void ownerSays(String ddl) throws SQLException {
        try (Connection owner = database.ownerConnection(); Statement sql = owner.createStatement()) {
            sql.execute(ddl);
        }
    }

    @Test
    void copiesNumbersNullsAndTextThatTheTextFormatWouldHaveToEscapeAsTheyAre() {
        List<String> copied = transaction.execute(status -> {
            long rows;
            try (CopyIn copy = new CopyIn(jdbc.getDataSource(), "COPY staging.copied FROM STDIN (FORMAT binary)", 3)) {
                copy.int8(Long.MIN_VALUE).int4(Integer.MAX_VALUE).text("tab\there, back\\slash, line\nbreak, \\N").endRow();
                copy.int8(7).int4(-1).text(null).endRow();
                copy.int8(8).int4(0).text(new StringBuilder("𠮷野家 (a character outside the BMP), café, 东莞市")).endRow();
                copy.int8(9).int4(1).text("nul\0byte").endRow();
                rows = copy.finish();
            }
            assertThat(rows).isEqualTo(4);
            return jdbc.queryForList("SELECT concat_ws('|', big, small, coalesce(words, 'NULL')) FROM staging.copied ORDER BY big",
                    String.class);
        });

        assertThat(copied).containsExactly(
                Long.MIN_VALUE + "|" + Integer.MAX_VALUE + "|tab\there, back\\slash, line\nbreak, \\N",
                "7|-1|NULL",
                "8|0|𠮷野家 (a character outside the BMP), café, 东莞市",
                "9|1|nul\uFFFDbyte");
    }

    @Test
    void joinsPartsIntoOneTextANullPartAsNothing() {
        String joined = transaction.execute(status -> {
            try (CopyIn copy = new CopyIn(jdbc.getDataSource(), "COPY staging.copied (words) FROM STDIN (FORMAT binary)", 1)) {
                copy.text(Arrays.asList("李娜", null, "female", null), '|').endRow();
                copy.finish();
            }
            return jdbc.queryForObject("SELECT words FROM staging.copied", String.class);
        });

        assertThat(joined).isEqualTo("李娜||female|");
    }

    @Test
    void rowsBeyondOneMessageAreAllSent() {
        String line = "东莞市莞城街道东正社区鸿福路十八号".repeat(20);
        Long count = transaction.execute(status -> {
            try (CopyIn copy = new CopyIn(jdbc.getDataSource(), "COPY staging.copied (small, words) FROM STDIN (FORMAT binary)", 2)) {
                for (int n = 0; n < 10_000; n++) {
                    copy.int4(n).text(line).endRow();
                }
                copy.finish();
            }
            return jdbc.queryForObject("SELECT count(*) FROM staging.copied WHERE words = ? AND small BETWEEN 0 AND 9999", Long.class, line);
        });

        assertThat(count).isEqualTo(10_000);
    }
}
