package city.twofour.grid.internal;

import java.util.Map;
import java.util.TreeMap;

import city.twofour.common.Console;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Checks that the delivered grid layer tiles its area: no two grids share area and no hole is left between them;
 * and that each grid borders the other grids of its village. Every overlap, gap, sliver and grid apart from its
 * village is recorded in {@code ops.grid_topology_issue} with the grids involved and its
 * area. A layer with overlaps or gaps is refused (exit status {@value #REFUSED}) unless the data officer accepts it.
 * A delivered grids file is the whole layer.
 */
public class GridTopologyCheck implements Tasklet {

    public static final String REFUSED = "REFUSED";

    /** Overlaps and gaps smaller than this (square metres) are slivers from rounding, reported but not refused. */
    public static final double SLIVER_AREA_M2 = 1.0;

    /** Grids less compact than this (4πA/P², 1 for a circle) are needle-thin slivers. */
    public static final double SLIVER_COMPACTNESS = 0.02;

    private static final String FORGET_ISSUES = "DELETE FROM ops.grid_topology_issue WHERE file_id = ?";

    private static final String FIND_OVERLAPS = """
            INSERT INTO ops.grid_topology_issue (file_id, kind, grid_codes, area_m2, geom)
            SELECT o.file_id, CASE WHEN s.area_m2 >= ? THEN 'OVERLAP' ELSE 'SLIVER' END, o.codes, s.area_m2, o.overlap
              FROM (SELECT a.file_id, ARRAY[a.code, b.code]::text[] AS codes,
                           ST_CollectionExtract(ST_Intersection(a.geom, b.geom), 3) AS overlap
                      FROM staging.grid_candidate a
                      JOIN staging.grid_candidate b ON b.file_id = a.file_id AND a.code < b.code AND a.geom && b.geom
                     WHERE a.file_id = ? AND ST_Relate(a.geom, b.geom, '2********')) o,
                   LATERAL (SELECT ST_Area(o.overlap::geography) AS area_m2) s
            """;

    private static final String FIND_GAPS = """
            WITH layer AS (SELECT ST_Union(geom) AS geom FROM staging.grid_candidate WHERE file_id = ?),
                 parts AS (SELECT (ST_Dump(geom)).geom AS part FROM layer),
                 holes AS (SELECT ST_MakePolygon(ST_InteriorRingN(part, n)) AS hole
                             FROM parts, generate_series(1, ST_NumInteriorRings(part)) AS n)
            INSERT INTO ops.grid_topology_issue (file_id, kind, grid_codes, area_m2, geom)
            SELECT c.file_id, CASE WHEN ST_Area(h.hole::geography) >= ? THEN 'GAP' ELSE 'SLIVER' END,
                   array_agg(c.code ORDER BY c.code)::text[], ST_Area(h.hole::geography), h.hole
              FROM holes h
              JOIN staging.grid_candidate c ON c.file_id = ? AND ST_Intersects(c.geom, h.hole)
             GROUP BY c.file_id, h.hole
            """;

    private static final String FIND_NEEDLES = """
            INSERT INTO ops.grid_topology_issue (file_id, kind, grid_codes, area_m2, geom)
            SELECT file_id, 'SLIVER', ARRAY[code]::text[], area_m2, geom
              FROM (SELECT file_id, code, geom, ST_Area(geom::geography) AS area_m2,
                           ST_Perimeter(geom::geography) AS perimeter_m
                      FROM staging.grid_candidate WHERE file_id = ?) g
             WHERE 4 * pi() * area_m2 / (perimeter_m * perimeter_m) < ?
            """;

    /** A grid of a village with several grids that shares a border with none of them lies outside its village. */
    private static final String FIND_DETACHED = """
            INSERT INTO ops.grid_topology_issue (file_id, kind, grid_codes, area_m2, geom)
            SELECT c.file_id, 'OUTSIDE_VILLAGE', ARRAY[c.code]::text[], ST_Area(c.geom::geography), c.geom
              FROM staging.grid_candidate c
             WHERE c.file_id = ?
               AND EXISTS (SELECT 1 FROM staging.grid_candidate o
                            WHERE o.file_id = c.file_id AND o.village_code = c.village_code AND o.code <> c.code)
               AND NOT EXISTS (SELECT 1 FROM staging.grid_candidate o
                                WHERE o.file_id = c.file_id AND o.village_code = c.village_code AND o.code <> c.code
                                  AND o.geom && c.geom AND ST_Relate(o.geom, c.geom, '****1****'))
            """;

    private static final String ISSUES = """
            SELECT kind, count(*) AS issues, max(area_m2) AS largest_m2,
                   (array_agg(array_to_string(grid_codes, '/') ORDER BY area_m2 DESC))[1] AS largest_codes
              FROM ops.grid_topology_issue WHERE file_id = ? GROUP BY kind ORDER BY kind
            """;

    private final JdbcTemplate jdbc;
    private final long fileId;
    private final boolean acceptIssues;

    public GridTopologyCheck(JdbcTemplate jdbc, long fileId, boolean acceptIssues) {
        this.jdbc = jdbc;
        this.fileId = fileId;
        this.acceptIssues = acceptIssues;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        jdbc.update(FORGET_ISSUES, fileId);
        jdbc.update(FIND_OVERLAPS, SLIVER_AREA_M2, fileId);
        jdbc.update(FIND_GAPS, fileId, SLIVER_AREA_M2, fileId);
        jdbc.update(FIND_NEEDLES, fileId, SLIVER_COMPACTNESS);
        jdbc.update(FIND_DETACHED, fileId);
        Map<String, String> found = new TreeMap<>();
        jdbc.query(ISSUES, rs -> {
            found.put(rs.getString("kind"), String.format("%,d (largest %,.0f m² at %s)",
                    rs.getLong("issues"), rs.getDouble("largest_m2"), rs.getString("largest_codes")));
        }, fileId);
        if (found.isEmpty()) {
            Console.say("grid layer: tiles its area, no overlaps, gaps or slivers");
            return RepeatStatus.FINISHED;
        }
        String summary = "grid layer: " + found.entrySet().stream()
                .map(e -> e.getKey().toLowerCase() + "s " + e.getValue())
                .reduce((a, b) -> a + ", " + b).orElseThrow()
                + "; details in ops.grid_topology_issue (file " + fileId + ")";
        Console.say(summary);
        if ((found.containsKey("OVERLAP") || found.containsKey("GAP")) && !acceptIssues) {
            contribution.setExitStatus(new ExitStatus(REFUSED, summary
                    + ". The layer does not tile its area and is not loaded: fix the file, or load it as it is with accept-topology=true"));
        }
        return RepeatStatus.FINISHED;
    }
}
