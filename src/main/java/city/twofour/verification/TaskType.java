package city.twofour.verification;

/**
 * What a verification task asks the grid officer to check, with the master table it concerns and the days the result
 * is due in unless configured otherwise ({@code twofour.verification.due-days.<TYPE>}).
 */
public enum TaskType {
    TENANT_MOVED_IN("租客入住", "person", 3),
    TENANT_MOVED_OUT("租客退租", "person", 3),
    PERSON_MOVED_AWAY("人员迁出", "person", 7),
    UNIT_OPENED("新开业", "unit", 7),
    UNIT_CLOSED("歇业", "unit", 7),
    BUILDING_BUILT("新建房屋", "building", 15),
    BUILDING_DEMOLISHED("房屋拆除", "building", 15),
    FACILITY_ADDED("新增设施", "facility", 15),
    FACILITY_DAMAGED("设施损坏", "facility", 3),
    ADDRESS_CORRECTION("地址更正", "address", 15),
    REGISTERED_BUILDING_NOT_FOUND("登记房屋未采集到", "building", 30),
    UNMATCHED_ADDRESS("地址无法匹配", "person", 15),
    UNCERTAIN_MATCH("疑似重复待确认", "person", 15);

    private final String label;
    private final String entity;
    private final int dueDays;

    TaskType(String label, String entity, int dueDays) {
        this.label = label;
        this.entity = entity;
        this.dueDays = dueDays;
    }

    /** The Chinese name officers and reports use. */
    public String label() {
        return label;
    }

    /** The master table a declaration of this type concerns. */
    public String entity() {
        return entity;
    }

    /** Days from opening to the due date, unless configured otherwise. */
    public int defaultDueDays() {
        return dueDays;
    }
}
