package city.twofour.address;

import java.util.List;
import java.util.stream.Stream;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The address library as the merges of the four actuals use it: the divisions an address may name, and a matcher
 * over the active standard addresses, both read once from the master tables at the start of a step.
 */
public final class AddressLibrary {

    private static final String DIVISIONS = "SELECT code, name, parent_code FROM master.division";

    private static final String ACTIVE_ADDRESSES = """
            SELECT code, town_code, village_code, road, door_number, building, unit, floor, room, full_text,
                   ST_X(geom) AS lon, ST_Y(geom) AS lat, grid_code
              FROM master.address
             WHERE status = 'active'
            """;

    private AddressLibrary() {
    }

    /** The towns and villages of the division table, with the names addresses call them by. */
    public static DivisionAliases divisions(JdbcTemplate jdbc, String cityName) {
        List<Division> divisions = jdbc.query(DIVISIONS,
                (rs, n) -> Division.official(rs.getString("code"), rs.getString("name"), rs.getString("parent_code")));
        return DivisionAliases.of(cityName, divisions);
    }

    /** A matcher over every active standard address, read once from the library into the in-memory index. */
    public static AddressMatcher matcher(JdbcTemplate jdbc, DivisionAliases divisions) {
        try (Stream<StandardAddress> addresses = jdbc.queryForStream(ACTIVE_ADDRESSES, (rs, n) -> new StandardAddress(
                rs.getString("code"), rs.getString("town_code"), rs.getString("village_code"), rs.getString("road"),
                rs.getString("door_number"), rs.getString("building"), rs.getString("unit"), rs.getString("floor"),
                rs.getString("room"), rs.getString("full_text"), (Double) rs.getObject("lon"), (Double) rs.getObject("lat"),
                rs.getString("grid_code"), AddressStatus.ACTIVE))) {
            return new AddressMatcher(AddressIndex.build(addresses::iterator, divisions), new AddressParser(divisions),
                    AddressMatcher.DEFAULT_THRESHOLD);
        }
    }
}
