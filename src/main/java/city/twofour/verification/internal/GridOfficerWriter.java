package city.twofour.verification.internal;

import city.twofour.verification.GridOfficer;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.jdbc.core.JdbcTemplate;

/** Keeps each listed officer in {@code master.grid_officer}, on the roster, and links the roster row. */
public class GridOfficerWriter implements ItemWriter<GridOfficer> {

    private static final String UPSERT = """
            INSERT INTO master.grid_officer AS o (code, name, grid_code, phone, role, on_roster)
            VALUES (?, ?, ?, ?, ?, true)
            ON CONFLICT (code) DO UPDATE SET name = excluded.name, grid_code = excluded.grid_code,
                   phone = excluded.phone, role = excluded.role, on_roster = true
            """;

    private final JdbcTemplate jdbc;

    public GridOfficerWriter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void write(Chunk<? extends GridOfficer> officers) {
        for (GridOfficer officer : officers) {
            jdbc.update(UPSERT, officer.code(), officer.name(), officer.gridCode(), officer.phone(), officer.role());
            TaskLinks.link(jdbc, officer.source(), "grid_officer", officer.code(), officer.code(), "ROSTER");
        }
    }
}
