package city.twofour.verification;

import java.util.function.ToIntFunction;

import city.twofour.common.ChangeReason;
import city.twofour.common.Console;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Opens a task for each discrepancy the merges left: a building only a registry knows (the field never found it: is
 * it demolished?); each review item, i.e. a delivered row whose address matched no standard address or whose match
 * to a golden record was too uncertain to decide; and each resident or open unit at no standard address. Each is
 * opened once: the raising record is the task's origin key.
 */
public class OpenDiscrepancyTasks implements Tasklet {

    private static final String REGISTERED_BUILDINGS_NOT_FOUND = """
            INSERT INTO master.verification_task (code, origin, origin_key, type, entity, entity_key, fact_key, facts,
                                                  address_code, village_code, town_code, grid_code, geom, opened_at, due_on)
            SELECT 'RW' || b.code, 'DISCREPANCY',
                   'building:' || b.code, 'REGISTERED_BUILDING_NOT_FOUND', 'building', b.code,
                   'REGISTERED_BUILDING_NOT_FOUND|' || b.code,
                   jsonb_strip_nulls(jsonb_build_object('name', b.name, 'floors', b.floors, 'sources', b.sources)),
                   b.address_code, coalesce(g.village_code, a.village_code), coalesce(g.town_code, a.town_code),
                   coalesce(b.grid_code, a.grid_code), coalesce(ST_PointOnSurface(b.geom), a.geom), now(), current_date + ?
              FROM master.building b
              LEFT JOIN master.address a ON a.code = b.address_code
              LEFT JOIN master.grid g ON g.code = coalesce(b.grid_code, a.grid_code)
             WHERE b.status = 'registered'
               AND NOT EXISTS (SELECT 1 FROM master.verification_task t
                                WHERE t.origin = 'DISCREPANCY' AND t.origin_key = 'building:' || b.code)
            ON CONFLICT DO NOTHING
            """;

    private static final String REVIEW_ITEMS = """
            INSERT INTO master.verification_task (code, origin, origin_key, type, entity, entity_key, fact_key, facts,
                                                  address_text, address_code, village_code, town_code, grid_code, geom,
                                                  opened_at, due_on)
            SELECT 'RWR' || lpad(r.id::text, 12, '0'), k.kind, 'review:' || r.id,
                   k.kind, r.entity, coalesce(r.code, r.candidate_code), k.kind || '|review:' || r.id,
                   jsonb_strip_nulls(jsonb_build_object('reason', r.reason, 'candidate', r.candidate_code,
                                                        'score', r.score, 'row', staging.fields_json(fr.fields, ff.fields))),
                   staging.field_value(fr.fields, ff.fields, 'address'), p.address_code, coalesce(g.village_code, a.village_code),
                   coalesce(g.town_code, a.town_code), p.grid_code, a.geom, r.created_at,
                   CASE k.kind WHEN 'UNMATCHED_ADDRESS' THEN current_date + ? ELSE current_date + ? END
              FROM master.review_item r
             CROSS JOIN LATERAL (SELECT CASE WHEN r.reason ~ '(ADDRESS|PLACE|UNPLACED)' THEN 'UNMATCHED_ADDRESS'
                                             ELSE 'UNCERTAIN_MATCH' END AS kind) k
              LEFT JOIN staging.feed_record fr ON fr.file_id = r.file_id AND fr.line_no = r.line_no
              LEFT JOIN ops.feed_file ff ON ff.id = r.file_id
              LEFT JOIN LATERAL (SELECT address_code, grid_code FROM master.person WHERE r.entity = 'person'
                                    AND code = coalesce(r.code, r.candidate_code)
                                 UNION ALL
                                 SELECT address_code, grid_code FROM master.unit WHERE r.entity = 'unit'
                                    AND code = coalesce(r.code, r.candidate_code)
                                 UNION ALL
                                 SELECT address_code, grid_code FROM master.building WHERE r.entity = 'building'
                                    AND code = coalesce(r.code, r.candidate_code)
                                 LIMIT 1) p ON true
              LEFT JOIN master.address a ON a.code = p.address_code
              LEFT JOIN master.grid g ON g.code = p.grid_code
             WHERE NOT EXISTS (SELECT 1 FROM master.verification_task t
                                WHERE t.origin = k.kind AND t.origin_key = 'review:' || r.id)
            ON CONFLICT DO NOTHING
            """;

    private static final String UNMATCHED_ADDRESSES = """
            INSERT INTO master.verification_task (code, origin, origin_key, type, entity, entity_key, fact_key, facts,
                                                  address_text, opened_at, due_on)
            SELECT 'RW' || upper(left(r.entity, 1)) || r.code, 'UNMATCHED_ADDRESS',
                   r.entity || ':' || r.code, 'UNMATCHED_ADDRESS', r.entity, r.code,
                   'UNMATCHED_ADDRESS|' || r.entity || ':' || r.code,
                   jsonb_build_object('name', r.name, 'address', r.address_text), r.address_text, now(), current_date + ?
              FROM (SELECT 'person' AS entity, code, name, address_text FROM master.person
                     WHERE address_code IS NULL AND status = 'resident'
                    UNION ALL
                    SELECT 'unit', code, name, address_text FROM master.unit
                     WHERE address_code IS NULL AND status = 'open') r
             WHERE NOT EXISTS (SELECT 1 FROM master.verification_task t
                                WHERE t.origin = 'UNMATCHED_ADDRESS' AND t.origin_key = r.entity || ':' || r.code)
            ON CONFLICT DO NOTHING
            """;

    private final JdbcTemplate jdbc;
    private final ToIntFunction<TaskType> dueDays;

    public OpenDiscrepancyTasks(JdbcTemplate jdbc, ToIntFunction<TaskType> dueDays) {
        this.jdbc = jdbc;
        this.dueDays = dueDays;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        ChangeReason.set(jdbc, "verification-cycle: discrepancies and review items");
        int buildings = jdbc.update(REGISTERED_BUILDINGS_NOT_FOUND,
                dueDays.applyAsInt(TaskType.REGISTERED_BUILDING_NOT_FOUND));
        int reviews = jdbc.update(REVIEW_ITEMS, dueDays.applyAsInt(TaskType.UNMATCHED_ADDRESS),
                dueDays.applyAsInt(TaskType.UNCERTAIN_MATCH));
        int unmatched = jdbc.update(UNMATCHED_ADDRESSES, dueDays.applyAsInt(TaskType.UNMATCHED_ADDRESS));
        contribution.incrementWriteCount(buildings + reviews + unmatched);
        Console.say("verification-cycle: %,d tasks for registered buildings the field did not find, %,d for review items,"
                + " %,d for records at no standard address", buildings, reviews, unmatched);
        return RepeatStatus.FINISHED;
    }
}
