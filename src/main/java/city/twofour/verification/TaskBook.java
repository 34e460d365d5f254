package city.twofour.verification;

import java.util.Optional;

/** What a result is checked against: the tasks and the grid officers' roster. */
public interface TaskBook {

    /** The task with this number, else the live or latest task that took this declaration. */
    Optional<TaskOnRecord> find(String taskCode, String declarationNo);

    /** True if the officer is on the roster of the grid (or, for a task known only to its village, of the village). */
    boolean onRoster(String officerCode, String gridCode, String villageCode);

    /**
     * A task as a result finds it.
     *
     * @param recordKnown     whether the master data held the record concerned when the task was opened
     * @param resultSignature result, officer and time of the result it already has, null before one
     */
    record TaskOnRecord(String code, TaskType type, String state, String gridCode, String villageCode,
                        boolean recordKnown, String resultSignature) {
    }
}
