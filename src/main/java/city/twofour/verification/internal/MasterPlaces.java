package city.twofour.verification.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import city.twofour.address.AddressMatch;
import city.twofour.address.AddressMatcher;
import city.twofour.common.Geometries;
import city.twofour.grid.GridIndex;
import city.twofour.verification.Place;
import city.twofour.verification.Places;
import org.locationtech.jts.geom.Coordinate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/**
 * Places from the master tables: addresses through the in-memory matcher, records and addresses by their key, grids
 * by name from a list read once, points through the grid index.
 */
public class MasterPlaces implements Places {

    private static final String PLACE_OF_ADDRESS = """
            SELECT a.code AS address_code, a.level, a.village_code, a.town_code, a.grid_code,
                   ST_X(a.geom) AS lon, ST_Y(a.geom) AS lat
              FROM master.address a
             WHERE a.code = ?
            """;

    private static final String PLACE_OF_RECORD = """
            SELECT r.address_code, a.level, coalesce(g.village_code, a.village_code) AS village_code,
                   coalesce(g.town_code, a.town_code) AS town_code, r.grid_code,
                   ST_X(coalesce(r.point, a.geom)) AS lon, ST_Y(coalesce(r.point, a.geom)) AS lat
              FROM (SELECT 'person' AS entity, code, address_code, grid_code, NULL::geometry AS point FROM master.person
                    UNION ALL
                    SELECT 'unit', code, address_code, grid_code, NULL FROM master.unit
                    UNION ALL
                    SELECT 'building', code, address_code, grid_code, ST_PointOnSurface(geom) FROM master.building
                    UNION ALL
                    SELECT 'facility', code, NULL, grid_code, geom FROM master.facility
                    UNION ALL
                    SELECT 'address', code, code, grid_code, geom FROM master.address) r
              LEFT JOIN master.address a ON a.code = r.address_code
              LEFT JOIN master.grid g ON g.code = r.grid_code
             WHERE r.entity = ? AND r.code = ?
            """;

    private static final String GRIDS = """
            SELECT code, name, village_code, town_code,
                   ST_X(ST_PointOnSurface(geom)) AS lon, ST_Y(ST_PointOnSurface(geom)) AS lat
              FROM master.grid
            """;

    private static final RowMapper<Place> PLACE = (rs, n) -> new Place(rs.getString("address_code"),
            rs.getString("level"), rs.getString("village_code"), rs.getString("town_code"), rs.getString("grid_code"),
            (Double) rs.getObject("lon"), (Double) rs.getObject("lat"));

    private record NamedGrid(String name, Place place) {
    }

    private final JdbcTemplate jdbc;
    private final AddressMatcher matcher;
    private final GridIndex grids;
    private final List<NamedGrid> namedGrids;

    public MasterPlaces(JdbcTemplate jdbc, AddressMatcher matcher, GridIndex grids) {
        this.jdbc = jdbc;
        this.matcher = matcher;
        this.grids = grids;
        this.namedGrids = jdbc.query(GRIDS, (rs, n) -> new NamedGrid(rs.getString("name"), new Place(null, null,
                rs.getString("village_code"), rs.getString("town_code"), rs.getString("code"), rs.getDouble("lon"),
                rs.getDouble("lat"))));
    }

    @Override
    public Optional<Place> ofAddress(String text) {
        AddressMatch match = matcher.match(text);
        return switch (match.level()) {
            case ROOM, BUILDING, DOOR -> jdbc.query(PLACE_OF_ADDRESS, PLACE, match.code()).stream().findFirst();
            case ROAD, VILLAGE -> Optional.ofNullable(match.villageCode())
                    .map(village -> new Place(null, null, village, match.townCode(), null, null, null));
            case NONE -> Optional.empty();
        };
    }

    @Override
    public Optional<Place> ofRecord(String entity, String key) {
        return jdbc.query(PLACE_OF_RECORD, PLACE, entity, key).stream().findFirst();
    }

    @Override
    public Optional<Place> ofGridNamedIn(String text) {
        String village = matcher.match(text).villageCode();
        return namedGrids.stream()
                .filter(grid -> village == null || village.equals(grid.place().villageCode()))
                .filter(grid -> text.endsWith(grid.name()))
                .max(Comparator.comparingInt(grid -> grid.name().length()))
                .map(NamedGrid::place);
    }

    @Override
    public Optional<String> gridAt(double lon, double lat) {
        return grids.locate(Geometries.FACTORY.createPoint(new Coordinate(lon, lat)));
    }
}
