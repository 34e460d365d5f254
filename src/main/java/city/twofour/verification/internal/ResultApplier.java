package city.twofour.verification.internal;

import java.sql.Date;
import java.util.Optional;

import city.twofour.common.ChangeReason;
import city.twofour.facility.FacilityType;
import city.twofour.population.CitizenId;
import city.twofour.unit.UnitNames;
import city.twofour.verification.Places;
import city.twofour.verification.TaskType;
import city.twofour.verification.VerifiedTask;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Applies each verified result to the master data and closes its task: a confirmed or corrected fact changes the
 * record it concerns (a tenant lives at the settled address, a unit opens or closes, a building stands or is
 * demolished, a facility is added or damaged), with the task as the change's reason in the history; a result of
 * "not true" closes the task and changes nothing (except for a registered building the field did not find: not
 * true means it stands). An address correction is confirmed for the address library's owner, who delivers the
 * library: the standard itself is not edited here.
 */
public class ResultApplier implements ItemWriter<VerifiedTask> {

    private static final String TENANT_LIVES_AT = """
            INSERT INTO master.person AS p (code, name, sex, birth_date, kind, origin_region, address_text,
                                            address_code, address_level, address_confidence, grid_code, grid_method,
                                            status, first_seen, last_seen, seen_on_site)
            SELECT ?, ?, ?, ?, 'floating', ?, ?, a.code, a.level, 1, a.grid_code, 'ADDRESS_POINT', 'resident', ?, ?, ?
              FROM master.address a WHERE a.code = ?
            ON CONFLICT (code) DO UPDATE SET address_text = excluded.address_text, address_code = excluded.address_code,
                   address_level = excluded.address_level, address_confidence = 1, grid_code = excluded.grid_code,
                   grid_method = excluded.grid_method, status = 'resident', seen_on_site = excluded.seen_on_site,
                   last_seen = greatest(p.last_seen, excluded.last_seen), updated_at = now()
            """;

    private static final String PERSON_MOVED_OUT = """
            UPDATE master.person SET status = 'moved_out', updated_at = now() WHERE code = ? AND status <> 'moved_out'
            """;

    private static final String UNIT_STATUS = """
            UPDATE master.unit SET status = ?, last_seen = greatest(last_seen, ?) WHERE code = ?
            """;

    private static final String UNIT_MOVED = """
            UPDATE master.unit u SET address_text = ?, address_code = a.code, address_confidence = 1,
                   grid_code = a.grid_code, grid_method = 'ADDRESS_POINT'
              FROM master.address a WHERE a.code = ? AND u.code = ?
            """;

    private static final String NEW_UNIT = """
            INSERT INTO master.unit (code, credit_code, name, name_key, address_text, address_code, address_confidence,
                                     grid_code, grid_method, status, source_feed, source_priority, source_file_id,
                                     first_seen, last_seen)
            SELECT ?, ?, ?, ?, ?, a.code, 1, a.grid_code, CASE WHEN a.grid_code IS NULL THEN NULL ELSE 'ADDRESS_POINT' END,
                   'open', f.feed, 1, f.id, ?, ?
              FROM ops.feed_file f LEFT JOIN master.address a ON a.code = ?
             WHERE f.id = ?
            """;

    private static final String BUILDING_STATUS = """
            UPDATE master.building SET status = ?, floors = coalesce(?, floors), last_seen = greatest(last_seen, ?),
                   updated_at = now()
             WHERE code = ? AND (status <> ? OR floors IS DISTINCT FROM coalesce(?, floors))
            """;

    private static final String BUILDING_KNOWN = "SELECT EXISTS (SELECT 1 FROM master.building WHERE code = ?)";
    private static final String UNIT_KNOWN = "SELECT EXISTS (SELECT 1 FROM master.unit WHERE code = ?)";
    private static final String FACILITY_KNOWN = "SELECT EXISTS (SELECT 1 FROM master.facility WHERE code = ?)";

    private static final String NEW_BUILDING = """
            INSERT INTO master.building (code, address_code, floors, geom, grid_code, grid_method, status, first_seen,
                                         last_seen, sources)
            VALUES (?, ?, ?, ST_SetSRID(ST_MakePoint(?, ?), 4490), ?, 'POINT_IN_GRID', 'standing', ?, ?, ARRAY[?])
            """;

    private static final String FACILITY_STATUS = """
            UPDATE master.facility SET status = ?, type = coalesce(?, type), last_seen = greatest(last_seen, ?)
             WHERE code = ?
            """;

    private static final String NEW_FACILITY = """
            INSERT INTO master.facility (code, type, name, location, geom, grid_code, grid_method, status, department,
                                         source_feed, source_priority, source_file_id, first_seen, last_seen)
            SELECT ?, ?, ?, ?, ST_SetSRID(ST_MakePoint(?, ?), 4490), ?, 'POINT_IN_GRID', ?, ?, f.feed, 1, f.id, ?, ?
              FROM ops.feed_file f WHERE f.id = ?
            """;

    private static final String CLOSE = """
            UPDATE master.verification_task SET state = ?, closed_at = now(), close_note = ?
             WHERE code = ? AND state = 'verified'
            """;

    private final JdbcTemplate jdbc;
    private final Places places;
    private final String department;

    /** @param department who the facilities a declaration adds are recorded under */
    public ResultApplier(JdbcTemplate jdbc, Places places, String department) {
        this.jdbc = jdbc;
        this.places = places;
        this.department = department;
    }

    @Override
    public void write(Chunk<? extends VerifiedTask> tasks) {
        for (VerifiedTask task : tasks) {
            ChangeReason.set(jdbc, "verification-cycle: task " + task.code()
                    + (task.declarationNo() == null ? "" : " (declaration " + task.declarationNo() + ")") + " " + task.result());
            String note = task.isRejected() ? closeRejected(task) : apply(task);
            jdbc.update(CLOSE, task.isRejected() ? "rejected" : "applied", note, task.code());
        }
    }

    private String closeRejected(VerifiedTask task) {
        if (task.type() == TaskType.REGISTERED_BUILDING_NOT_FOUND) {
            return changed(buildingStatus(task, "standing"), "building found standing");
        }
        return "not true: master data unchanged";
    }

    private String apply(VerifiedTask task) {
        Date on = Date.valueOf(task.verifiedOn());
        return switch (task.type()) {
            case TENANT_MOVED_IN -> tenantLivesAt(task, on);
            case TENANT_MOVED_OUT, PERSON_MOVED_AWAY -> changed(jdbc.update(PERSON_MOVED_OUT, task.entityKey()), "moved out");
            case UNIT_OPENED -> unitOpened(task, on);
            case UNIT_CLOSED -> changed(jdbc.update(UNIT_STATUS, "closed", on, task.entityKey()), "unit closed");
            case BUILDING_BUILT -> buildingBuilt(task, on);
            case BUILDING_DEMOLISHED, REGISTERED_BUILDING_NOT_FOUND -> changed(buildingStatus(task, "demolished"), "demolished");
            case FACILITY_ADDED -> facility(task, on, "in_service");
            case FACILITY_DAMAGED -> facility(task, on, "damaged");
            case ADDRESS_CORRECTION -> "confirmed for the address library's owner: the library changes with its next delivery";
            case UNMATCHED_ADDRESS, UNCERTAIN_MATCH -> "confirmed: for the data officer to settle";
        };
    }

    private String tenantLivesAt(VerifiedTask task, Date on) {
        CitizenId id = CitizenId.parse(task.entityKey());
        String name = (String) task.fact("name");
        int rows = jdbc.update(TENANT_LIVES_AT, id.value(), name == null ? "" : name, id.sex().name().toLowerCase(),
                Date.valueOf(id.birthDate()), id.regionCode(), task.settledAddressText(), on, on, on,
                task.settledAddressCode());
        return rows == 1 ? "lives at " + task.settledAddressCode() : "no standard address to record: unchanged";
    }

    private String unitOpened(VerifiedTask task, Date on) {
        if (known(UNIT_KNOWN, task)) {
            jdbc.update(UNIT_STATUS, "open", on, task.entityKey());
            if (task.corrections().containsKey("address_code")) {
                jdbc.update(UNIT_MOVED, task.settledAddressText(), task.settledAddressCode(), task.entityKey());
            }
            return "unit open";
        }
        String name = (String) task.fact("name");
        jdbc.update(NEW_UNIT, task.entityKey(), task.entityKey(), name, UnitNames.key(name), task.settledAddressText(),
                on, on, task.settledAddressCode(), task.sourceFileId());
        return "unit added";
    }

    private int buildingStatus(VerifiedTask task, String status) {
        Date on = Date.valueOf(task.verifiedOn());
        Object floors = task.corrections().get("floors");
        return jdbc.update(BUILDING_STATUS, status, floors, on, task.entityKey(), status, floors);
    }

    private String buildingBuilt(VerifiedTask task, Date on) {
        if (known(BUILDING_KNOWN, task)) {
            buildingStatus(task, "standing");
            return "building standing";
        }
        String grid = gridOf(task).orElse(null);
        jdbc.update(NEW_BUILDING, task.entityKey(), task.settledAddressCode(), task.fact("floors"), task.lon(), task.lat(),
                grid, on, on, "verification");
        return "building added";
    }

    private String facility(VerifiedTask task, Date on, String status) {
        String type = (String) task.fact("facility_type");
        if (known(FACILITY_KNOWN, task)) {
            jdbc.update(FACILITY_STATUS, status, type, on, task.entityKey());
            return "facility " + status;
        }
        if (task.lon() == null || type == null) {
            return "not in the master data and no point or type to add it with: unchanged";
        }
        jdbc.update(NEW_FACILITY, task.entityKey(), type, FacilityType.of(type).label(), task.addressText(), task.lon(),
                task.lat(), gridOf(task).orElse(null), status, department, on, on, task.sourceFileId());
        return "facility added";
    }

    /** Whether the record exists; an update that changes nothing counts no row, so it cannot tell. */
    private boolean known(String query, VerifiedTask task) {
        return Boolean.TRUE.equals(jdbc.queryForObject(query, Boolean.class, task.entityKey()));
    }

    private Optional<String> gridOf(VerifiedTask task) {
        return task.lon() == null ? Optional.ofNullable(task.gridCode()) : places.gridAt(task.lon(), task.lat());
    }

    private static String changed(int rows, String what) {
        return rows > 0 ? what : "already so: unchanged";
    }
}
