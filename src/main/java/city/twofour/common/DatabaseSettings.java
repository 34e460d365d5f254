package city.twofour.common;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Connection settings of the database for plain-Java commands that run without the application context: as the
 * application reads them, the environment first, else {@code $TWOFOUR_HOME/var/db.env} (the project cluster's
 * settings, the last value of a name winning).
 *
 * @param url      JDBC URL ({@code TWOFOUR_DB_URL})
 * @param user     role name
 * @param password its password
 */
public record DatabaseSettings(String url, String user, String password) {

    /** The batch role the jobs run as ({@code TWOFOUR_DB_USER}). */
    public static DatabaseSettings batch() {
        return of("TWOFOUR_DB_USER", "TWOFOUR_DB_PASSWORD");
    }

    /** The read-only role of downstream readers ({@code TWOFOUR_DB_READER}). */
    public static DatabaseSettings reader() {
        return of("TWOFOUR_DB_READER", "TWOFOUR_DB_READER_PASSWORD");
    }

    /** A template over one connection of these settings; close the data source behind it with {@link #close}. */
    public JdbcTemplate connect() {
        SingleConnectionDataSource dataSource = new SingleConnectionDataSource(url, user, password, true);
        return new JdbcTemplate(dataSource);
    }

    /** Closes the connection of a template made by {@link #connect()}. */
    public static void close(JdbcTemplate jdbc) {
        if (jdbc.getDataSource() instanceof SingleConnectionDataSource single) {
            single.destroy();
        }
    }

    private static DatabaseSettings of(String userKey, String passwordKey) {
        Properties file = dbEnv();
        Map<String, String> env = System.getenv();
        return new DatabaseSettings(setting("TWOFOUR_DB_URL", env, file), setting(userKey, env, file),
                setting(passwordKey, env, file));
    }

    private static String setting(String name, Map<String, String> env, Properties file) {
        String value = env.getOrDefault(name, file.getProperty(name));
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(name + " is not set (environment or var/db.env)");
        }
        return value;
    }

    private static Properties dbEnv() {
        Properties properties = new Properties();
        Path file = Path.of(System.getenv().getOrDefault("TWOFOUR_HOME", "."), "var", "db.env");
        if (Files.isReadable(file)) {
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                properties.load(reader);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }
        return properties;
    }
}
