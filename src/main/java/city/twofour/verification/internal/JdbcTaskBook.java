package city.twofour.verification.internal;

import java.time.OffsetDateTime;
import java.util.Optional;

import city.twofour.verification.CityTime;
import city.twofour.verification.TaskBook;
import city.twofour.verification.TaskType;
import city.twofour.verification.VerificationResult;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/** The tasks and the roster as {@code master.verification_task} and {@code master.grid_officer} hold them. */
public class JdbcTaskBook implements TaskBook {

    private static final String TASK = """
            SELECT code, type, state, grid_code, village_code, coalesce((facts ->> 'record_known')::boolean, true) AS known,
                   result, officer_code, verified_at
              FROM master.verification_task
             WHERE code = ? OR ? = ANY (declarations)
             ORDER BY code = ? DESC, state IN ('open', 'dispatched', 'verified') DESC, opened_at DESC
             LIMIT 1
            """;

    private static final String ON_ROSTER = """
            SELECT EXISTS (SELECT 1 FROM master.grid_officer o JOIN master.grid g ON g.code = o.grid_code
                            WHERE o.code = ? AND o.on_roster
                              AND (o.grid_code = ? OR (?::text IS NULL AND g.village_code = ?)))
            """;

    private static final RowMapper<TaskOnRecord> TASK_ON_RECORD = (rs, n) -> new TaskOnRecord(rs.getString("code"),
            TaskType.valueOf(rs.getString("type")), rs.getString("state"), rs.getString("grid_code"),
            rs.getString("village_code"), rs.getBoolean("known"), rs.getString("result") == null ? null
            : VerificationResult.signature(rs.getString("result"), rs.getString("officer_code"),
                    CityTime.local(rs.getObject("verified_at", OffsetDateTime.class))));

    private final JdbcTemplate jdbc;

    public JdbcTaskBook(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<TaskOnRecord> find(String taskCode, String declarationNo) {
        return jdbc.query(TASK, TASK_ON_RECORD, taskCode, declarationNo, taskCode).stream().findFirst();
    }

    @Override
    public boolean onRoster(String officerCode, String gridCode, String villageCode) {
        return Boolean.TRUE.equals(jdbc.queryForObject(ON_ROSTER, Boolean.class, officerCode, gridCode, gridCode, villageCode));
    }
}
