package city.twofour.common;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Migrations apply to an empty PostGIS database (a scratch copy of the cluster's template) and a second
 * migration finds nothing to do.
 */
@SpringBootTest
class MigrationsTests {

    private static final String SCRATCH = "twofour_migration_check";

    @Autowired
    TestDatabase database;

    private String scratchUrl;

    @BeforeEach
    void createEmptyDatabase() throws SQLException {
        scratchUrl = database.url().replaceFirst("/[^/?]+(\\?.*)?$", "/" + SCRATCH);
        try (Connection owner = database.ownerConnection(); Statement sql = owner.createStatement()) {
            sql.execute("DROP DATABASE IF EXISTS " + SCRATCH);
            sql.execute("CREATE DATABASE " + SCRATCH + " TEMPLATE twofour_template");
        }
    }

    @AfterEach
    void dropScratchDatabase() throws SQLException {
        try (Connection owner = database.ownerConnection(); Statement sql = owner.createStatement()) {
            sql.execute("DROP DATABASE IF EXISTS " + SCRATCH + " WITH (FORCE)");
        }
    }

    @Test
    void migrationsBuildTheSchemaOnAnEmptyDatabaseAndAreRepeatable() throws SQLException {
        Flyway flyway = flyway();

        int applied = flyway.migrate().migrationsExecuted;
        int appliedAgain = flyway.migrate().migrationsExecuted;

        assertThat(applied).isGreaterThanOrEqualTo(3);
        assertThat(appliedAgain).isZero();
        assertThat(flyway.validateWithResult().validationSuccessful).isTrue();
        try (Connection owner = database.ownerConnection(scratchUrl); Statement sql = owner.createStatement()) {
            ResultSet grids = sql.executeQuery("""
                    SELECT type, srid FROM geometry_columns WHERE f_table_schema = 'master' AND f_table_name = 'grid'
                    """);
            assertThat(grids.next()).isTrue();
            assertThat(grids.getString("type")).isEqualTo("MULTIPOLYGON");
            assertThat(grids.getInt("srid")).isEqualTo(4490);
            ResultSet batchTables = sql.executeQuery("""
                    SELECT count(*) FROM information_schema.tables WHERE table_schema = 'ops' AND table_name LIKE 'batch_%'
                    """);
            batchTables.next();
            assertThat(batchTables.getInt(1)).isEqualTo(6);
        }
    }

    @Test
    void everyColumnOfTheMasterSchemaIsDescribed() throws SQLException {
        flyway().migrate();
        try (Connection owner = database.ownerConnection(scratchUrl); Statement sql = owner.createStatement()) {
            ResultSet undescribed = sql.executeQuery("""
                    SELECT c.table_name || '.' || c.column_name AS col
                      FROM information_schema.columns c
                      JOIN pg_class t ON t.relname = c.table_name
                      JOIN pg_namespace n ON n.oid = t.relnamespace AND n.nspname = c.table_schema
                     WHERE c.table_schema IN ('master', 'staging')
                       AND col_description(t.oid, c.ordinal_position) IS NULL
                    """);
            StringBuilder missing = new StringBuilder();
            while (undescribed.next()) {
                missing.append(undescribed.getString("col")).append(' ');
            }
            assertThat(missing.toString()).isEmpty();
        }
    }

    private Flyway flyway() {
        return Flyway.configure()
                .dataSource(scratchUrl, database.property("TWOFOUR_DB_OWNER"), database.property("TWOFOUR_DB_OWNER_PASSWORD"))
                .locations("classpath:schemas/migration")
                .schemas("ops", "staging", "master")
                .placeholders(Map.of("batch_role", database.property("TWOFOUR_DB_USER"),
                        "reader_role", database.property("TWOFOUR_DB_READER")))
                .load();
    }
}
