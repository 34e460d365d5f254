package city.twofour.verification;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import city.twofour.feed.PendingRecord;
import city.twofour.feed.RejectReason;
import city.twofour.feed.RejectedRecordException;
import city.twofour.verification.TaskBook.TaskOnRecord;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ResultCheckerTests {

    private static final String GRID = "441900006001001";
    private static final String OFFICER = "WG44190000600100101";
    private static final String ROOM_TEXT = "莞城街道东正社区鸿福路1号1栋301室";

    private final Map<String, TaskOnRecord> tasks = new HashMap<>();
    private final FakePlaces places = new FakePlaces().address(ROOM_TEXT,
            new Place("441900006001000005", "room", "441900006001", "441900006", GRID, 114.03, 23.14));
    private final ResultChecker checker = new ResultChecker(new TaskBook() {
        @Override
        public Optional<TaskOnRecord> find(String taskCode, String declarationNo) {
            return Optional.ofNullable(tasks.get(taskCode));
        }

        @Override
        public boolean onRoster(String officerCode, String gridCode, String villageCode) {
            return officerCode.equals(OFFICER) && GRID.equals(gridCode);
        }
    }, new Corrections(places));

    @Test
    void aResultForADispatchedTaskByAnOfficerOfItsGridIsAccepted() {
        task("RW1", TaskType.TENANT_MOVED_IN, "dispatched", true);

        VerificationResult result = checker.process(result("RW1", "CONFIRMED", "", OFFICER));

        assertThat(result.repeated()).isFalse();
        assertThat(result.corrections()).isEmpty();
    }

    @Test
    void aCorrectedAddressIsMatchedToItsStandardAddress() {
        task("RW1", TaskType.TENANT_MOVED_IN, "dispatched", true);

        VerificationResult result = checker.process(result("RW1", "CORRECTED", "地址=" + ROOM_TEXT, OFFICER));

        assertThat(result.corrections()).containsEntry("address_code", "441900006001000005")
                .containsEntry("grid_code", GRID);
    }

    @Test
    void resultsThatCannotBeAcceptedAreRejectedWithTheFieldAtFault() {
        task("RW1", TaskType.BUILDING_BUILT, "dispatched", true);
        task("RW2", TaskType.UNIT_CLOSED, "open", true);

        assertThat(rejection(result("RW9", "CONFIRMED", "", OFFICER))).isEqualTo("task_code UNKNOWN_TASK");
        assertThat(rejection(result("RW2", "CONFIRMED", "", OFFICER))).isEqualTo("task_code TASK_NOT_DISPATCHED");
        assertThat(rejection(result("RW1", "CONFIRMED", "", "WG44190000600100201"))).isEqualTo("officer_code OFFICER_NOT_IN_GRID");
        assertThat(rejection(result("RW1", "CORRECTED", "层数=六十", OFFICER))).isEqualTo("corrections BAD_CORRECTION");
        assertThat(rejection(result("RW1", "CORRECTED", "层数=-1", OFFICER))).isEqualTo("corrections BAD_CORRECTION");
        assertThat(rejection(result("RW1", "CORRECTED", "类型=井盖", OFFICER))).isEqualTo("corrections BAD_CORRECTION");
        assertThat(rejection(result("RW1", "CORRECTED", "", OFFICER))).isEqualTo("corrections MISSING_REQUIRED_FIELD");
    }

    @Test
    void aNewFacilityNeedsThePointTakenOnSite() {
        task("RW1", TaskType.FACILITY_ADDED, "dispatched", false);

        assertThat(rejection(result("RW1", "CONFIRMED", "", OFFICER))).isEqualTo("longitude MISSING_REQUIRED_FIELD");
    }

    @Test
    void theSameResultTwiceIsRepeatedAndADifferentOneIsRefused() {
        task("RW1", TaskType.UNIT_CLOSED, "dispatched", true);

        assertThat(checker.process(result("RW1", "CONFIRMED", "", OFFICER)).repeated()).isFalse();
        assertThat(checker.process(result("RW1", "CONFIRMED", "", OFFICER)).repeated()).isTrue();
        assertThat(rejection(result("RW1", "REJECTED", "", OFFICER))).isEqualTo("task_code TASK_CLOSED");
    }

    private void task(String code, TaskType type, String state, boolean known) {
        tasks.put(code, new TaskOnRecord(code, type, state, GRID, "441900006001", known, null));
    }

    private String rejection(PendingRecord row) {
        var rejected = catchThrowableOfType(RejectedRecordException.class, () -> checker.process(row));
        return rejected == null ? "accepted" : rejected.field() + " " + rejected.reason();
    }

    private static PendingRecord result(String task, String result, String corrections, String officer) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("task_code", task);
        values.put("result", result);
        if (!corrections.isEmpty()) {
            values.put("corrections", corrections);
        }
        values.put("officer_code", officer);
        values.put("verified_at", "2026-11-04T18:53");
        return new PendingRecord(2, 3, "verification-results", values, task + "," + result);
    }
}
