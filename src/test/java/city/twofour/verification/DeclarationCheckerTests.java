package city.twofour.verification;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import city.twofour.feed.PendingRecord;
import city.twofour.feed.RejectReason;
import city.twofour.feed.RejectedRecordException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class DeclarationCheckerTests {

    private static final String ROOM_TEXT = "莞城街道东正社区鸿福路1号1栋301室";
    private static final Place ROOM = new Place("441900006001000005", "room", "441900006001", "441900006",
            "441900006001001", 114.03, 23.14);
    private static final Place OLD_HOME = new Place("441900006002000003", "room", "441900006002", "441900006",
            "441900006002001", 114.04, 23.15);
    private static final String TENANT = "430623198311250749";

    private final FakePlaces places = new FakePlaces().address(ROOM_TEXT, ROOM);
    private final DeclarationChecker checker = new DeclarationChecker(places, TaskType::defaultDueDays);

    @Test
    void aTenantMovingInIsCheckedAtTheDeclaredRoomEvenWhenTheMasterDataHasThemElsewhere() {
        places.record("person", TENANT, OLD_HOME);

        OpenedTask task = checker.process(declaration("租客入住", "TENANT_MOVED_IN", "person", TENANT, ROOM_TEXT));

        assertThat(task.code()).isEqualTo("RW44190000600100001");
        assertThat(task.place()).isEqualTo(ROOM);
        assertThat(task.entityKey()).isEqualTo(TENANT);
        assertThat(task.facts()).containsEntry("record_known", true).containsEntry("name", "郑思雨");
        assertThat(task.dueOn()).isEqualTo(LocalDate.of(2026, 11, 3));
        assertThat(task.factKey()).isEqualTo("TENANT_MOVED_IN|" + TENANT + "|441900006001000005");
    }

    @Test
    void aTenantMovingOutIsCheckedWhereTheMasterDataHasThem() {
        places.record("person", TENANT, OLD_HOME);

        OpenedTask task = checker.process(declaration("租客退租", "TENANT_MOVED_OUT", "person", TENANT, ROOM_TEXT));

        assertThat(task.place()).isEqualTo(OLD_HOME);
    }

    @Test
    void aFacilityDeclaredByItsGridNameGoesToThatGrid() {
        Place grid = new Place(null, null, "441900006001", "441900006", "441900006001005", 114.0, 23.1);
        places.gridNames.put("东正社区第5网格", grid);

        OpenedTask task = checker.process(declaration("新增设施", "FACILITY_ADDED", "facility",
                "4419000104016001000015", "莞城街道东正社区东正社区第5网格"));

        assertThat(task.place().gridCode()).isEqualTo("441900006001005");
        assertThat(task.facts()).containsEntry("record_known", false);
    }

    @Test
    void aDeclarationWhosePlaceNobodyKnowsIsRejected() {
        var rejected = catchThrowableOfType(RejectedRecordException.class, () -> checker.process(
                declaration("房屋拆除", "BUILDING_DEMOLISHED", "building", "B441900006001000099", "不知道哪里")));

        assertThat(rejected.reason()).isEqualTo(RejectReason.PLACE_NOT_FOUND);
        assertThat(rejected.field()).isEqualTo("address");
    }

    @Test
    void theRecordIsNamedByAKeyCheckedLikeAFeedValue() {
        var rejected = catchThrowableOfType(RejectedRecordException.class, () -> checker.process(
                declaration("租客入住", "TENANT_MOVED_IN", "person", "430623198311250740", ROOM_TEXT)));

        assertThat(rejected.reason()).isEqualTo(RejectReason.BAD_CITIZEN_ID_CHECK);
    }

    @Test
    void aDeclarationAboutTheWrongKindOfRecordIsRejected() {
        var rejected = catchThrowableOfType(RejectedRecordException.class, () -> checker.process(
                declaration("歇业", "UNIT_CLOSED", "person", TENANT, ROOM_TEXT)));

        assertThat(rejected.reason()).isEqualTo(RejectReason.BAD_VALUE);
        assertThat(rejected.field()).isEqualTo("entity");
    }

    @Test
    void theFloorsOfANewBuildingAreReadFromTheDeclaredContent() {
        places.address("莞城街道东正社区鸿福路1号1栋", ROOM);

        OpenedTask task = checker.process(withContent(declaration("新建房屋", "BUILDING_BUILT", "building",
                "B441900006001000099", "莞城街道东正社区鸿福路1号1栋"), "6层"));

        assertThat(task.facts()).containsEntry("floors", 6);
    }

    static PendingRecord declaration(String label, String type, String entity, String key, String address) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("declaration_no", "SB44190000600100001");
        values.put("type", type);
        values.put("declared_at", "2026-10-31T13:53:48");
        values.put("address", address);
        values.put("entity", entity);
        values.put("entity_key", key);
        values.put("entity_name", entity.equals("facility") ? "路灯" : "郑思雨");
        values.put("content", label);
        return new PendingRecord(1, 2, "declarations", values, "SB44190000600100001," + label);
    }

    private static PendingRecord withContent(PendingRecord row, String content) {
        Map<String, String> values = new LinkedHashMap<>(row.values());
        values.put("content", content);
        return new PendingRecord(row.fileId(), row.recordNo(), row.feed(), values, row.original());
    }
}
