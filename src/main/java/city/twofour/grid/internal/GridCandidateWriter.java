package city.twofour.grid.internal;

import city.twofour.grid.Grid;
import org.locationtech.jts.io.WKBWriter;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Keeps grids that passed their own checks in {@code staging.grid_candidate} for the layer check. A feature
 * rejected by an earlier run of the same file and good now (e.g. after its village was added) is no reject any more.
 */
public class GridCandidateWriter implements ItemWriter<Grid> {

    private static final String STAGE_CANDIDATE = """
            INSERT INTO staging.grid_candidate (file_id, record_no, code, name, village_code, town_code, geom)
            VALUES (?, ?, ?, ?, ?, ?, ST_Multi(ST_GeomFromWKB(?, 4490)))
            ON CONFLICT (file_id, record_no) DO NOTHING
            """;

    private static final String FORGET_REJECT = """
            DELETE FROM ops.reject WHERE file_id = ? AND record_no = ?
            """;

    private final JdbcTemplate jdbc;
    private final WKBWriter wkb = new WKBWriter();

    public GridCandidateWriter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void write(Chunk<? extends Grid> chunk) {
        jdbc.batchUpdate(STAGE_CANDIDATE, chunk.getItems(), chunk.size(), (ps, grid) -> {
            ps.setLong(1, grid.sourceFileId());
            ps.setInt(2, grid.sourceRecord());
            ps.setString(3, grid.code());
            ps.setString(4, grid.name());
            ps.setString(5, grid.villageCode());
            ps.setString(6, grid.townCode());
            ps.setBytes(7, wkb.write(grid.geometry()));
        });
        jdbc.batchUpdate(FORGET_REJECT, chunk.getItems(), chunk.size(), (ps, grid) -> {
            ps.setLong(1, grid.sourceFileId());
            ps.setInt(2, grid.sourceRecord());
        });
    }
}
