package city.twofour.common;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@SpringBootTest
class ReadOnlyRoleTests {

    @Autowired
    TestDatabase database;

    @Test
    void readerCanSelectTheMasterTables() throws SQLException {
        try (Connection reader = database.readerConnection(); Statement sql = reader.createStatement()) {
            assertThat(sql.executeQuery("SELECT count(*) FROM master.grid").next()).isTrue();
            assertThat(sql.executeQuery("SELECT count(*) FROM master.division").next()).isTrue();
        }
    }

    @Test
    void readerCannotWriteEvenOutsideAReadOnlyTransaction() throws SQLException {
        try (Connection reader = database.readerConnection(); Statement sql = reader.createStatement()) {
            sql.execute("SET default_transaction_read_only = off");
            assertThatThrownBy(() -> sql.executeUpdate(
                    "INSERT INTO master.division (code, name, level, parent_code) VALUES ('441900999', 'x', 'town', '441900')"))
                    .hasMessageContaining("permission denied");
            assertThatThrownBy(() -> sql.executeUpdate("DELETE FROM master.grid"))
                    .hasMessageContaining("permission denied");
            assertThatThrownBy(() -> sql.execute("CREATE TABLE master.mine (id int)"))
                    .hasMessageContaining("permission denied");
        }
    }

    @Test
    void readerCannotSeeStagingOrRunRecords() throws SQLException {
        try (Connection reader = database.readerConnection(); Statement sql = reader.createStatement()) {
            assertThatThrownBy(() -> sql.executeQuery("SELECT * FROM ops.reject"))
                    .hasMessageContaining("permission denied");
            assertThatThrownBy(() -> sql.executeQuery("SELECT * FROM staging.grid_feature"))
                    .hasMessageContaining("permission denied");
        }
    }
}
