package city.twofour.building.internal;

import java.util.Optional;

import city.twofour.building.BuildingAddresses.Nearby;
import city.twofour.building.BuildingCodes;
import city.twofour.building.FoundBuildings;
import city.twofour.grid.LonLat;
import org.springframework.jdbc.core.JdbcTemplate;

/** The buildings the field found at no standard address, as merged so far in {@code master.building}. */
public class JdbcFoundBuildings implements FoundBuildings {

    private static final String NEAREST = """
            SELECT code, ST_Distance(geom::geography, ST_SetSRID(ST_MakePoint(?, ?), 4490)::geography) AS metres
              FROM master.building
             WHERE address_code IS NULL
               AND ST_DWithin(geom::geography, ST_SetSRID(ST_MakePoint(?, ?), 4490)::geography, ?)
             ORDER BY metres, code
             LIMIT 1
            """;

    private static final String NEXT_NUMBER = "SELECT nextval('master.building_found_seq')";

    private final JdbcTemplate jdbc;

    public JdbcFoundBuildings(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Nearby> nearest(LonLat point, double maxMetres) {
        return jdbc.query(NEAREST, (rs, n) -> new Nearby(rs.getString("code"), rs.getDouble("metres")),
                point.lon(), point.lat(), point.lon(), point.lat(), maxMetres).stream().findFirst();
    }

    @Override
    public String newCode() {
        return BuildingCodes.found(jdbc.queryForObject(NEXT_NUMBER, Long.class));
    }
}
