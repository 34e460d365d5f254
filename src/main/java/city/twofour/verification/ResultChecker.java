package city.twofour.verification;

import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;

import city.twofour.feed.PendingRecord;
import city.twofour.feed.RejectReason;
import city.twofour.feed.RejectedRecordException;
import city.twofour.verification.TaskBook.TaskOnRecord;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Checks an officer's result against its task and the roster: the task exists ({@code UNKNOWN_TASK}) and went out
 * ({@code TASK_NOT_DISPATCHED}); the officer is on the roster of the task's grid ({@code OFFICER_NOT_IN_GRID}); a
 * correction's values pass the checks a feed value would ({@code BAD_CORRECTION}); a new building or facility comes
 * with the point taken on site. A result the task already has (the same row delivered again) is linked without a
 * change; a different result for a task that has one is refused ({@code TASK_CLOSED}).
 */
public class ResultChecker implements ItemProcessor<PendingRecord, VerificationResult> {

    private final TaskBook tasks;
    private final Corrections corrections;
    /** Results this run accepted, by task: the tasks are marked only when the chunk is written. */
    private final Map<String, String> acceptedThisRun = new HashMap<>();

    public ResultChecker(TaskBook tasks, Corrections corrections) {
        this.tasks = tasks;
        this.corrections = corrections;
    }

    @Override
    public VerificationResult process(PendingRecord row) {
        TaskOnRecord task = tasks.find(row.text("task_code"), row.text("declaration_no"))
                .orElseThrow(() -> new RejectedRecordException("task_code", RejectReason.UNKNOWN_TASK,
                        "'" + row.text("task_code") + "'"));
        String result = row.text("result");
        String officer = row.text("officer_code");
        LocalDateTime verifiedAt = LocalDateTime.parse(row.text("verified_at"));
        String signature = VerificationResult.signature(result, officer, verifiedAt);
        String earlier = acceptedThisRun.getOrDefault(task.code(), task.resultSignature());
        if (earlier != null) {
            if (earlier.equals(signature)) {
                return new VerificationResult(row, task.code(), result, Map.of(), null, null, officer, verifiedAt,
                        row.text("evidence"), true);
            }
            throw new RejectedRecordException("task_code", RejectReason.TASK_CLOSED,
                    task.code() + " already has a result (" + earlier + ")");
        }
        if (task.state().equals("expired")) {
            throw new RejectedRecordException("task_code", RejectReason.TASK_CLOSED, task.code() + " expired");
        }
        if (task.state().equals("open")) {
            throw new RejectedRecordException("task_code", RejectReason.TASK_NOT_DISPATCHED, task.code());
        }
        if (!tasks.onRoster(officer, task.gridCode(), task.villageCode())) {
            throw new RejectedRecordException("officer_code", RejectReason.OFFICER_NOT_IN_GRID,
                    officer + " is not on the roster of " + (task.gridCode() != null ? task.gridCode() : task.villageCode()));
        }
        Map<String, Object> corrected = result.equals("CORRECTED")
                ? corrections.read(task.type(), row.text(Corrections.FIELD) == null ? "" : row.text(Corrections.FIELD))
                : Map.of();
        boolean createsRecord = (task.type() == TaskType.FACILITY_ADDED || task.type() == TaskType.BUILDING_BUILT)
                && !task.recordKnown() && !result.equals("REJECTED");
        if (createsRecord && row.number("longitude") == null) {
            throw new RejectedRecordException("longitude", RejectReason.MISSING_REQUIRED_FIELD,
                    "a new " + task.type().entity() + " needs the point taken on site");
        }
        acceptedThisRun.put(task.code(), signature);
        return new VerificationResult(row, task.code(), result, corrected, row.number("longitude"),
                row.number("latitude"), officer, verifiedAt, row.text("evidence"), false);
    }
}
