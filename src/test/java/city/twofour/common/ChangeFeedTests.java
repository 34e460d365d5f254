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
    void anUpdateKeepsThePublishedVersionWithTheReason() {
        change("load-grids: divisions.csv (file 1)",
                "INSERT INTO master.division (code, name, level, parent_code) VALUES ('441900006', '莞城', 'town', '441900')");
        publish();
        change("verification task 7", "UPDATE master.division SET name = '莞城街道' WHERE code = '441900006'");

        assertThat(jdbc.queryForList("SELECT record ->> 'name' FROM master.history WHERE code = '441900006'", String.class))
                .containsExactly("莞城");
        assertThat(jdbc.queryForObject("SELECT reason FROM master.history WHERE code = '441900006'", String.class))
                .isEqualTo("verification task 7");
        assertThat(jdbc.queryForObject("SELECT name FROM master.division WHERE code = '441900006'", String.class))
                .isEqualTo("莞城街道");
    }

    @Test
    void aRecordInsertedAndUpdatedBeforeItsInsertIsPublishedIsOneInsertWithNoEarlierVersion() {
        long last = lastPosition();
        change("merge: file 1", "INSERT INTO master.division (code, name, level, parent_code) VALUES ('441900006', '莞城', 'town', '441900')");
        change("merge: file 2", "UPDATE master.division SET name = '莞城街道' WHERE code = '441900006'");
        change("merge: file 2", "UPDATE master.division SET parent_code = '441900000' WHERE code = '441900006'");

        assertThat(publish()).isOne();
        assertThat(jdbc.queryForList("SELECT operation || ' ' || reason FROM master.changes WHERE position > ?", String.class, last))
                .containsExactly("insert merge: file 1; merge: file 2");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM master.history", Integer.class)).isZero();
    }

    @Test
    void aPublishedRecordChangedTwiceBeforeTheNextPublicationKeepsThePublishedVersionOnly() {
        change("load-grids: file 1", "INSERT INTO master.division (code, name, level, parent_code) VALUES ('441900006', '莞城', 'town', '441900')");
        long last = lastPosition() + publish();
        change("verification task 7", "UPDATE master.division SET name = '莞城区' WHERE code = '441900006'");
        change("verification task 8", "UPDATE master.division SET name = '莞城街道' WHERE code = '441900006'");

        assertThat(publish()).isOne();
        assertThat(jdbc.queryForList("SELECT operation || ' ' || reason FROM master.changes WHERE position > ?", String.class, last))
                .containsExactly("update verification task 7; verification task 8");
        assertThat(jdbc.queryForList("SELECT record ->> 'name' FROM master.history WHERE code = '441900006'", String.class))
                .containsExactly("莞城");
    }

    @Test
    void aPublicationLeavesAChangeAWriterIsTakingInForTheNextOneWithoutWaiting() throws SQLException {
        change("load-grids: file 1", "INSERT INTO master.division (code, name, level, parent_code) VALUES ('441900006', '莞城', 'town', '441900')");
        long last = lastPosition() + publish();
        change("verification task 7", "UPDATE master.division SET name = '莞城区' WHERE code = '441900006'");
        try (Connection writer = database.batchConnection(); Statement sql = writer.createStatement()) {
            writer.setAutoCommit(false);
            sql.executeUpdate("UPDATE master.division SET name = '莞城街道' WHERE code = '441900006'");

            int whileWriting = publish();
            writer.commit();
            int afterCommit = publish();

            assertThat(whileWriting).isZero();
            assertThat(afterCommit).isOne();
        }
        assertThat(jdbc.queryForList("SELECT operation FROM master.changes WHERE position > ?", String.class, last))
                .containsExactly("update");
        assertThat(jdbc.queryForList("SELECT record ->> 'name' FROM master.history WHERE code = '441900006'", String.class))
                .containsExactly("莞城");
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

    private void change(String reason, String sql) {
        transaction.executeWithoutResult(status -> {
            ChangeReason.set(jdbc, reason);
            jdbc.update(sql);
        });
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
