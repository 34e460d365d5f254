package city.twofour.verification.internal;

import java.time.OffsetDateTime;
import java.util.Map;

import javax.sql.DataSource;

import city.twofour.verification.CityTime;
import city.twofour.verification.TaskType;
import city.twofour.verification.VerifiedTask;
import org.springframework.batch.infrastructure.item.database.JdbcCursorItemReader;
import org.springframework.batch.infrastructure.item.database.builder.JdbcCursorItemReaderBuilder;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Streams the tasks whose result is in but not applied yet. A task leaves the set when it is closed, so a restarted
 * step reads what is left: the reader keeps no position of its own.
 */
public final class VerifiedTaskReader {

    private static final String VERIFIED_TASKS = """
            SELECT t.code, t.type, t.result, t.entity, t.entity_key, t.facts::text AS facts,
                   coalesce(t.corrections, '{}'::jsonb)::text AS corrections, t.address_text, t.address_code,
                   t.grid_code, ST_X(t.verified_geom) AS lon, ST_Y(t.verified_geom) AS lat, t.verified_at,
                   t.declarations[1] AS declaration_no,
                   (SELECT min(s.file_id) FROM master.source_record s
                     WHERE s.entity = 'verification_task' AND s.code = t.code AND s.match_rule = 'DECLARED') AS file_id
              FROM master.verification_task t
             WHERE t.state = 'verified'
             ORDER BY t.code
            """;

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, Object>> VALUES = new TypeReference<>() {
    };

    private VerifiedTaskReader() {
    }

    public static JdbcCursorItemReader<VerifiedTask> of(String name, DataSource dataSource) {
        return new JdbcCursorItemReaderBuilder<VerifiedTask>()
                .name(name)
                .dataSource(dataSource)
                .sql(VERIFIED_TASKS)
                .fetchSize(1_000)
                .connectionAutoCommit(false)
                .saveState(false)
                .rowMapper((rs, n) -> new VerifiedTask(rs.getString("code"), TaskType.valueOf(rs.getString("type")),
                        rs.getString("result"), rs.getString("entity"), rs.getString("entity_key"),
                        JSON.readValue(rs.getString("facts"), VALUES), JSON.readValue(rs.getString("corrections"), VALUES),
                        rs.getString("address_text"), rs.getString("address_code"), rs.getString("grid_code"),
                        (Double) rs.getObject("lon"), (Double) rs.getObject("lat"),
                        CityTime.local(rs.getObject("verified_at", OffsetDateTime.class)), rs.getString("declaration_no"),
                        (Long) rs.getObject("file_id")))
                .build();
    }
}
