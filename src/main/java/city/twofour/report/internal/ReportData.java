package city.twofour.report.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import city.twofour.report.Entity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The counts, the map and the day's changes the nightly report shows, read from the master tables, and the day's
 * counts kept for the next report's trend.
 */
public class ReportData {

    /** A grid of the map with its village and town, its outline as SVG path data and its area. */
    public record GridShape(String code, String name, String villageCode, String townCode, String svgPath, double areaKm2) {
    }

    /** A town's outline, the union of its grids, as SVG path data. */
    public record TownShape(String code, String name, String svgPath) {
    }

    private static final String EXISTS = "SELECT to_regclass('master.' || ?) IS NOT NULL";

    /**
     * Counts per grid of the records of one entity's table that are not retired; the table name comes from
     * {@link Entity}, never from input.
     */
    private static final String COUNT_PER_GRID = """
            SELECT coalesce(grid_code, '') AS grid_code, count(*) AS records FROM master.%s
             WHERE status <> 'retired' GROUP BY 1
            """;

    private static final String GRIDS = """
            SELECT g.code, g.name, g.village_code, g.town_code, ST_AsSVG(g.geom, 0, 6) AS svg, g.area_m2 / 1e6 AS km2
              FROM master.grid g ORDER BY g.code
            """;

    private static final String TOWNS = """
            SELECT t.code, t.name, ST_AsSVG(ST_Union(g.geom), 0, 6) AS svg
              FROM master.grid g JOIN master.division t ON t.code = g.town_code
             GROUP BY t.code, t.name ORDER BY t.code
            """;

    private static final String EXTENT = """
            SELECT ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e) FROM (SELECT ST_Extent(geom)::geometry AS e FROM master.grid) x
            """;

    private static final String DIVISION_NAMES = "SELECT code, name FROM master.division";

    private static final String KEEP_COUNT = """
            INSERT INTO ops.report_count (day, entity, grid_code, records) VALUES (?, ?, ?, ?)
            ON CONFLICT (day, entity, grid_code) DO UPDATE SET records = excluded.records
            """;

    private static final String PREVIOUS_TOTALS = """
            SELECT entity, sum(records) AS records FROM ops.report_count
             WHERE day = (SELECT max(day) FROM ops.report_count WHERE day < ?) GROUP BY entity
            """;

    private static final String CHANGES_TODAY = """
            SELECT entity, operation, count(*) AS changes FROM master.changes
             WHERE changed_at >= ?::date GROUP BY entity, operation ORDER BY entity, operation
            """;

    private final JdbcTemplate jdbc;

    public ReportData(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<Entity> presentEntities() {
        List<Entity> present = new ArrayList<>();
        for (Entity entity : Entity.values()) {
            if (Boolean.TRUE.equals(jdbc.queryForObject(EXISTS, Boolean.class, entity.table()))) {
                present.add(entity);
            }
        }
        return present;
    }

    /** Records per grid code ({@code ""} for records placed in no grid). */
    public Map<String, Long> countsPerGrid(Entity entity) {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.query(COUNT_PER_GRID.formatted(entity.table()), rs -> {
            counts.put(rs.getString("grid_code"), rs.getLong("records"));
        });
        return counts;
    }

    public List<GridShape> grids() {
        return jdbc.query(GRIDS, (rs, n) -> new GridShape(rs.getString("code"), rs.getString("name"),
                rs.getString("village_code"), rs.getString("town_code"), rs.getString("svg"), rs.getDouble("km2")));
    }

    public List<TownShape> towns() {
        return jdbc.query(TOWNS, (rs, n) -> new TownShape(rs.getString("code"), rs.getString("name"), rs.getString("svg")));
    }

    /** West, south, east, north of the grid layer. */
    public double[] extent() {
        return jdbc.queryForObject(EXTENT, (rs, n) -> new double[] {rs.getDouble(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4)});
    }

    public Map<String, String> divisionNames() {
        Map<String, String> names = new LinkedHashMap<>();
        jdbc.query(DIVISION_NAMES, rs -> {
            names.put(rs.getString("code"), rs.getString("name"));
        });
        return names;
    }

    /** Keeps today's counts for the trend and returns the totals of the report before. */
    public Map<String, Long> keepCountsAndPreviousTotals(LocalDate day, Map<Entity, Map<String, Long>> counts) {
        counts.forEach((entity, perGrid) -> jdbc.batchUpdate(KEEP_COUNT, new ArrayList<>(perGrid.entrySet()), 500,
                (ps, e) -> {
                    ps.setObject(1, day);
                    ps.setString(2, entity.table());
                    ps.setString(3, e.getKey());
                    ps.setLong(4, e.getValue());
                }));
        Map<String, Long> previous = new LinkedHashMap<>();
        jdbc.query(PREVIOUS_TOTALS, rs -> {
            previous.put(rs.getString("entity"), rs.getLong("records"));
        }, day);
        return previous;
    }

    public Table changesSince(LocalDate day) {
        return Table.of(jdbc, "changes.csv", List.of("类别", "操作", "变更数"), CHANGES_TODAY, day.toString());
    }
}
