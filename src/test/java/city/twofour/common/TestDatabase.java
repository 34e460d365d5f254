package city.twofour.common;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The test database as its three roles see it, and a way to empty its data between tests.
 */
@Component
public class TestDatabase {

    private static final String CLEAR_DATA = """
            DELETE FROM master.verification_task;
            DELETE FROM master.grid_officer;
            DELETE FROM master.review_item;
            DELETE FROM master.rental_house;
            DELETE FROM master.building;
            DELETE FROM master.source_record;
            DELETE FROM master.person;
            DELETE FROM master.unit;
            DELETE FROM master.facility;
            DELETE FROM master.address;
            DELETE FROM staging.feed_record;
            DELETE FROM ops.feed_delivery;
            DELETE FROM ops.reject;
            DELETE FROM ops.grid_topology_issue;
            DELETE FROM staging.grid_candidate;
            DELETE FROM staging.grid_feature;
            DELETE FROM master.grid;
            DELETE FROM master.division;
            DELETE FROM ops.feed_file;
            DELETE FROM master.history;
            DELETE FROM master.change_log;
            """;

    private final Environment environment;
    private final JdbcTemplate jdbc;

    public TestDatabase(Environment environment, JdbcTemplate jdbc) {
        this.environment = environment;
        this.jdbc = jdbc;
    }

    public void clearData() {
        jdbc.execute(CLEAR_DATA);
    }

    /**
     * Makes the database refuse, as a full disk would, to insert or update a row of the table that meets the condition
     * (SQL over {@code NEW}), so that a job fails half way; {@link #stopInterfering} takes it back.
     */
    public void failWhen(String table, String condition) throws SQLException {
        interfere(table, condition, "RAISE EXCEPTION 'disk full while writing %s'".formatted(table));
    }

    /**
     * Makes the database wait a minute before it inserts or updates a row of the table that meets the condition, so
     * that a test can kill the process writing it in the middle of a chunk. Sessions opened from now on check every
     * 0.1 s whether their client is still there, so that one whose process is killed while it waits ends at once, as
     * it would at the end of a statement that does not wait; {@link #stopInterfering} takes both back.
     */
    public void pauseWhen(String table, String condition) throws SQLException {
        checkForDeadClients("SET client_connection_check_interval = 100");
        interfere(table, condition, "PERFORM pg_sleep(60)");
    }

    public void stopInterfering(String table) throws SQLException {
        String schema = table.substring(0, table.indexOf('.'));
        try (Connection owner = ownerConnection(); Statement sql = owner.createStatement()) {
            sql.execute("DROP TRIGGER IF EXISTS interfere_for_test ON " + table);
            sql.execute("DROP FUNCTION IF EXISTS " + schema + ".interfere_for_test()");
        }
        checkForDeadClients("RESET client_connection_check_interval");
    }

    private void checkForDeadClients(String setting) throws SQLException {
        try (Connection owner = ownerConnection(); Statement sql = owner.createStatement()) {
            sql.execute("DO $$ BEGIN EXECUTE format('ALTER DATABASE %I " + setting + "', current_database()); END $$");
        }
    }

    private void interfere(String table, String condition, String action) throws SQLException {
        String schema = table.substring(0, table.indexOf('.'));
        try (Connection owner = ownerConnection(); Statement sql = owner.createStatement()) {
            sql.execute("""
                    CREATE FUNCTION %s.interfere_for_test() RETURNS trigger LANGUAGE plpgsql AS $$
                    BEGIN
                      IF %s THEN %s; END IF;
                      RETURN NEW;
                    END $$""".formatted(schema, condition, action));
            sql.execute("CREATE TRIGGER interfere_for_test BEFORE INSERT OR UPDATE ON %s FOR EACH ROW EXECUTE FUNCTION %s.interfere_for_test()"
                    .formatted(table, schema));
        }
    }

    public String url() {
        return environment.getRequiredProperty("twofour.test.db-url");
    }

    /** The owner role, which may change the structure (migrations, triggers). */
    public Connection ownerConnection() throws SQLException {
        return connect(url(), "TWOFOUR_DB_OWNER", "TWOFOUR_DB_OWNER_PASSWORD");
    }

    public Connection ownerConnection(String url) throws SQLException {
        return connect(url, "TWOFOUR_DB_OWNER", "TWOFOUR_DB_OWNER_PASSWORD");
    }

    /** The batch role the jobs run as, on a connection of its own. */
    public Connection batchConnection() throws SQLException {
        return connect(url(), "TWOFOUR_DB_USER", "TWOFOUR_DB_PASSWORD");
    }

    /** The read-only role of downstream readers. */
    public Connection readerConnection() throws SQLException {
        return connect(url(), "TWOFOUR_DB_READER", "TWOFOUR_DB_READER_PASSWORD");
    }

    public String property(String name) {
        return environment.getRequiredProperty(name);
    }

    private Connection connect(String url, String userKey, String passwordKey) throws SQLException {
        return DriverManager.getConnection(url, environment.getRequiredProperty(userKey),
                environment.getRequiredProperty(passwordKey));
    }
}
