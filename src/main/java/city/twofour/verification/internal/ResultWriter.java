package city.twofour.verification.internal;

import city.twofour.common.ChangeReason;
import city.twofour.verification.CityTime;
import city.twofour.verification.VerificationResult;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records each checked result on its task (dispatched → verified) and links the result's row; a repeated result is
 * only linked ({@code SAME_RESULT}).
 */
public class ResultWriter implements ItemWriter<VerificationResult> {

    private static final String VERIFIED = """
            UPDATE master.verification_task
               SET state = 'verified', result = ?, corrections = ?::jsonb, officer_code = ?, verified_at = ?,
                   evidence = ?, verified_geom = ST_SetSRID(ST_MakePoint(?, ?), 4490)
             WHERE code = ? AND state = 'dispatched'
            """;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcTemplate jdbc;

    public ResultWriter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void write(Chunk<? extends VerificationResult> results) {
        for (VerificationResult result : results) {
            if (result.repeated()) {
                TaskLinks.link(jdbc, result.source(), "verification_task", result.taskCode(), result.taskCode(), "SAME_RESULT");
                continue;
            }
            ChangeReason.set(jdbc, "verification-cycle: result of " + result.taskCode() + " by " + result.officerCode());
            int marked = jdbc.update(VERIFIED, result.result(), result.corrections().isEmpty() ? null
                            : JSON.writeValueAsString(result.corrections()), result.officerCode(),
                    CityTime.instant(result.verifiedAt()), result.evidence(), result.lon(), result.lat(), result.taskCode());
            if (marked != 1) {
                throw new IllegalStateException("task " + result.taskCode() + " was not waiting for a result");
            }
            TaskLinks.link(jdbc, result.source(), "verification_task", result.taskCode(), result.taskCode(), "RESULT");
        }
    }
}
