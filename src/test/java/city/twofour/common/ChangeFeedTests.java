package city.twofour.common;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest
class ChangeFeedTests {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    TestDatabase database;

    @BeforeEach
    void emptyDatabase() {
        database.clearData();
        publish();
    }

    @Test
    void anUpdateKeepsThePreviousVersionWithTheReason() {
        transaction.executeWithoutResult(status -> {
            ChangeReason.set(jdbc, "load-grids: divisions.csv (file 1)");
            jdbc.update("INSERT INTO master.division (code, name, level, parent_code) VALUES ('441900006', '莞城', 'town', '441900')");
        });
        transaction.executeWithoutResult(status -> {
            ChangeReason.set(jdbc, "verification task 7");
            jdbc.update("UPDATE master.division SET name = '莞城街道' WHERE code = '441900006'");
        });

        assertThat(jdbc.queryForList("SELECT record ->> 'name' FROM master.history WHERE code = '441900006'", String.class))
                .containsExactly("莞城");
        assertThat(jdbc.queryForObject("SELECT reason FROM master.history WHERE code = '441900006'", String.class))
                .isEqualTo("verification task 7");
        assertThat(jdbc.queryForObject("SELECT name FROM master.division WHERE code = '441900006'", String.class))
                .isEqualTo("莞城街道");
    }

    @Test
    void publishedPositionsFollowOnWithoutGaps() {
        long last = lastPosition();
        insertDivision("441900003", "东城街道");
        insertDivision("441900004", "南城街道");

        int published = publish();

        assertThat(published).isEqualTo(2);
        assertThat(jdbc.queryForList("SELECT position FROM master.changes WHERE position > ? ORDER BY position", Long.class, last))
                .containsExactly(last + 1, last + 2);
        assertThat(publish()).isZero();
    }

    @Test
    void aChangeCommittedLateIsPublishedAfterThoseAlreadyPublishedSoNoReaderMissesIt() throws SQLException {
        long last = lastPosition();
        try (Connection slow = database.batchConnection(); Statement sql = slow.createStatement()) {
            slow.setAutoCommit(false);
            sql.executeUpdate("INSERT INTO master.division (code, name, level, parent_code) VALUES ('441900005', '万江街道', 'town', '441900')");
            insertDivision("441900101", "石碣镇");

            publish();
            List<String> whileOpen = changedCodesAfter(last);
            slow.commit();
            publish();
            List<String> afterCommit = changedCodesAfter(last);

            assertThat(whileOpen).containsExactly("441900101");
            assertThat(afterCommit).containsExactly("441900101", "441900005");
        }
    }

    private void insertDivision(String code, String name) {
        jdbc.update("INSERT INTO master.division (code, name, level, parent_code) VALUES (?, ?, 'town', '441900')", code, name);
    }

    private List<String> changedCodesAfter(long position) {
        return jdbc.queryForList("SELECT code FROM master.changes WHERE position > ? ORDER BY position", String.class, position);
    }

    private long lastPosition() {
        return jdbc.queryForObject("SELECT coalesce(max(position), 0) FROM master.changes", Long.class);
    }

    private int publish() {
        return transaction.execute(status -> new PublishChanges(jdbc).publish());
    }
}
