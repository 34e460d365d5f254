package city.twofour.grid.internal;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Keeps delivered features in {@code staging.grid_feature} as they are. A feature staged before (a re-run or a
 * restart of the same file) is not staged twice.
 */
public class GridFeatureStager implements ItemWriter<GeoJsonFeature> {

    private static final String STAGE_FEATURE = """
            INSERT INTO staging.grid_feature (file_id, record_no, code, properties, geometry, crs)
            VALUES (?, ?, (?::jsonb) ->> 'code', ?::jsonb, ?, ?)
            ON CONFLICT (file_id, record_no) DO NOTHING
            """;

    private final JdbcTemplate jdbc;
    private final long fileId;

    public GridFeatureStager(JdbcTemplate jdbc, long fileId) {
        this.jdbc = jdbc;
        this.fileId = fileId;
    }

    @Override
    public void write(Chunk<? extends GeoJsonFeature> chunk) {
        jdbc.batchUpdate(STAGE_FEATURE, chunk.getItems(), chunk.size(), (ps, f) -> {
            ps.setLong(1, fileId);
            ps.setInt(2, f.recordNo());
            ps.setString(3, f.propertiesJson());
            ps.setString(4, f.propertiesJson());
            ps.setString(5, f.geometryJson());
            ps.setString(6, f.crs());
        });
    }
}
