package city.twofour.grid.internal;

import java.util.List;

import city.twofour.grid.Grid;
import org.locationtech.jts.io.WKBWriter;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamWriter;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Upserts grids into {@code master.grid} and counts what happened to each: inserted, updated, or unchanged
 * (a grid delivered again as it is changes nothing). The counts survive a restart in the step's context.
 */
public class GridWriter implements ItemStreamWriter<Grid> {

    static final String INSERTED = "grids.inserted";
    static final String UPDATED = "grids.updated";
    static final String UNCHANGED = "grids.unchanged";

    private static final String UPSERT_GRID = """
            INSERT INTO master.grid AS g (code, name, village_code, town_code, geom, area_m2, source_file, source_record)
            SELECT ?, ?, ?, ?, input.geom, ST_Area(input.geom::geography), ?, ?
              FROM (SELECT ST_Multi(ST_GeomFromWKB(?, 4490)) AS geom) AS input
            ON CONFLICT (code) DO UPDATE
               SET name = excluded.name, village_code = excluded.village_code, town_code = excluded.town_code,
                   geom = excluded.geom, area_m2 = excluded.area_m2, source_file = excluded.source_file,
                   source_record = excluded.source_record, updated_at = now()
             WHERE (g.name, g.village_code, g.town_code) IS DISTINCT FROM (excluded.name, excluded.village_code, excluded.town_code)
                OR ST_AsBinary(g.geom) <> ST_AsBinary(excluded.geom)
            RETURNING xmax = 0 AS inserted
            """;

    /** A feature rejected by an earlier run and loaded now (e.g. after its village was added) is no reject any more. */
    private static final String FORGET_REJECT = """
            DELETE FROM ops.reject WHERE file_id = ? AND record_no = ?
            """;

    private final JdbcTemplate jdbc;
    private final WKBWriter wkb = new WKBWriter();
    private long inserted;
    private long updated;
    private long unchanged;

    public GridWriter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void open(ExecutionContext context) {
        inserted = context.getLong(INSERTED, 0);
        updated = context.getLong(UPDATED, 0);
        unchanged = context.getLong(UNCHANGED, 0);
    }

    @Override
    public void update(ExecutionContext context) {
        context.putLong(INSERTED, inserted);
        context.putLong(UPDATED, updated);
        context.putLong(UNCHANGED, unchanged);
    }

    @Override
    public void write(Chunk<? extends Grid> chunk) {
        for (Grid grid : chunk) {
            List<Boolean> result = jdbc.queryForList(UPSERT_GRID, Boolean.class,
                    grid.code(), grid.name(), grid.villageCode(), grid.townCode(),
                    grid.sourceFile(), grid.sourceRecord(), wkb.write(grid.geometry()));
            if (result.isEmpty()) {
                unchanged++;
            } else if (result.get(0)) {
                inserted++;
            } else {
                updated++;
            }
        }
        jdbc.batchUpdate(FORGET_REJECT, chunk.getItems(), chunk.size(), (ps, grid) -> {
            ps.setLong(1, grid.sourceFileId());
            ps.setInt(2, grid.sourceRecord());
        });
    }
}
