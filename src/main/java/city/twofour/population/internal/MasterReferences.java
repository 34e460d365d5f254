package city.twofour.population.internal;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;

import city.twofour.population.PersonMatcher;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the person merge reads from the master tables once at the start of its step: the people already known, and
 * the grid of every standard address, and when it read them.
 */
public final class MasterReferences {

    private static final String KNOWN_PEOPLE = "SELECT code, name, phone FROM master.person";

    private static final String NOW = "SELECT now()";

    private static final String ADDRESS_GRIDS = "SELECT code, grid_code FROM master.address WHERE grid_code IS NOT NULL";

    private MasterReferences() {
    }

    /** A matcher that knows every golden person. */
    public static PersonMatcher knownPeople(JdbcTemplate jdbc) {
        PersonMatcher matcher = new PersonMatcher();
        jdbc.query(KNOWN_PEOPLE, rs -> {
            matcher.add(rs.getString("code"), rs.getString("name"), rs.getString("phone"));
        });
        return matcher;
    }

    /** The database's time: what the step reads now is what it was at this time. */
    public static OffsetDateTime now(JdbcTemplate jdbc) {
        return jdbc.queryForObject(NOW, OffsetDateTime.class);
    }

    /** Standard address code → its basic grid. */
    public static Map<String, String> addressGrids(JdbcTemplate jdbc) {
        Map<String, String> grids = new HashMap<>();
        jdbc.query(ADDRESS_GRIDS, rs -> {
            grids.put(rs.getString("code"), rs.getString("grid_code"));
        });
        return grids;
    }
}
