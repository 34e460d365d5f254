package city.twofour.grid.internal;

import java.util.Locale;

import city.twofour.common.ChangeReason;
import city.twofour.grid.Division;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Upserts divisions; a division delivered again unchanged is left as it is.
 */
public class DivisionWriter implements ItemWriter<Division> {

    private static final String UPSERT_DIVISION = """
            INSERT INTO master.division AS d (code, name, level, parent_code) VALUES (?, ?, ?, ?)
            ON CONFLICT (code) DO UPDATE
               SET name = excluded.name, level = excluded.level, parent_code = excluded.parent_code, updated_at = now()
             WHERE (d.name, d.level, d.parent_code) IS DISTINCT FROM (excluded.name, excluded.level, excluded.parent_code)
            """;

    private final JdbcTemplate jdbc;
    private final String reason;

    /** @param reason why the divisions change, recorded in their history */
    public DivisionWriter(JdbcTemplate jdbc, String reason) {
        this.jdbc = jdbc;
        this.reason = reason;
    }

    @Override
    public void write(Chunk<? extends Division> chunk) {
        ChangeReason.set(jdbc, reason);
        jdbc.batchUpdate(UPSERT_DIVISION, chunk.getItems(), chunk.size(), (ps, d) -> {
            ps.setString(1, d.code());
            ps.setString(2, d.name());
            ps.setString(3, d.level().name().toLowerCase(Locale.ROOT));
            ps.setString(4, d.parentCode());
        });
    }
}
