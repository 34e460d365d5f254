package city.twofour.verification.internal;

import java.sql.Date;
import java.util.List;

import city.twofour.verification.CityTime;
import city.twofour.verification.OpenedTask;
import city.twofour.verification.Place;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Opens the task of each declaration, or, when a task for the same declaration or a live task for the same fact
 * exists, adds the declaration to it ({@code SAME_FACT}): the same fact reported twice makes one task. Either way the
 * declaration's row is linked to the task.
 */
public class DeclaredTaskWriter implements ItemWriter<OpenedTask> {

    private static final String OPEN = """
            INSERT INTO master.verification_task (code, origin, origin_key, type, entity, entity_key, fact_key, facts,
                                                  address_text, address_code, village_code, town_code, grid_code, geom,
                                                  declarations, opened_at, due_on)
            VALUES (?, 'DECLARATION', ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?,
                    ST_SetSRID(ST_MakePoint(?, ?), 4490), ARRAY[?]::text[], ?, ?)
            ON CONFLICT DO NOTHING
            """;

    private static final String SAME_FACT = """
            SELECT code FROM master.verification_task
             WHERE (origin = 'DECLARATION' AND origin_key = ?)
                OR (fact_key = ? AND state IN ('open', 'dispatched', 'verified'))
             ORDER BY origin_key = ? DESC
             LIMIT 1
            """;

    private static final String ADD_DECLARATION = """
            UPDATE master.verification_task SET declarations = declarations || ?::text
             WHERE code = ? AND NOT ? = ANY (declarations)
            """;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcTemplate jdbc;

    public DeclaredTaskWriter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void write(Chunk<? extends OpenedTask> tasks) {
        for (OpenedTask task : tasks) {
            Place place = task.place();
            int opened = jdbc.update(OPEN, task.code(), task.declarationNo(), task.type().name(), task.entity(),
                    task.entityKey(), task.factKey(), JSON.writeValueAsString(task.facts()), task.addressText(),
                    place.addressCode(), place.villageCode(), place.townCode(), place.gridCode(), place.lon(),
                    place.lat(), task.declarationNo(), CityTime.instant(task.openedAt()), Date.valueOf(task.dueOn()));
            if (opened == 1) {
                TaskLinks.link(jdbc, task.source(), "verification_task", task.code(), task.declarationNo(), "DECLARED");
                continue;
            }
            List<String> existing = jdbc.queryForList(SAME_FACT, String.class, task.declarationNo(), task.factKey(),
                    task.declarationNo());
            if (existing.isEmpty()) {
                throw new IllegalStateException("task " + task.code() + " was neither opened nor found");
            }
            String code = existing.get(0);
            jdbc.update(ADD_DECLARATION, task.declarationNo(), code, task.declarationNo());
            TaskLinks.link(jdbc, task.source(), "verification_task", code, task.declarationNo(), "SAME_FACT");
        }
    }
}
