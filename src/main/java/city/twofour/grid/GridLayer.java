package city.twofour.grid;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import city.twofour.common.Geometries;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The grid layer of the master tables, read once at the start of a step into an in-memory {@link GridIndex}.
 */
public final class GridLayer {

    private static final String GRIDS = "SELECT code, name, village_code, town_code, ST_AsBinary(geom) AS wkb FROM master.grid";
    private static final String CODES = "SELECT code FROM master.grid";

    private GridLayer() {
    }

    /** The codes of every grid of the layer. */
    public static Set<String> codes(JdbcTemplate jdbc) {
        return Set.copyOf(jdbc.queryForList(CODES, String.class));
    }

    public static GridIndex index(JdbcTemplate jdbc) {
        WKBReader wkb = new WKBReader(Geometries.FACTORY);
        List<Grid> grids = new ArrayList<>();
        jdbc.query(GRIDS, rs -> {
            try {
                grids.add(new Grid(rs.getString("code"), rs.getString("name"), rs.getString("village_code"),
                        rs.getString("town_code"), (MultiPolygon) wkb.read(rs.getBytes("wkb")), 0, 0));
            } catch (ParseException e) {
                throw new IllegalStateException("grid " + rs.getString("code") + " has unreadable geometry", e);
            }
        });
        return new GridIndex(grids);
    }
}
