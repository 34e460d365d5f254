package city.twofour.report;

/**
 * The master tables the report counts per grid, retired records left out: the standard addresses and the four
 * actuals. A table that does not exist yet is left out of the report.
 */
public enum Entity {

    ADDRESS("address", "标准地址"),
    PERSON("person", "实有人口"),
    BUILDING("building", "实有房屋"),
    RENTAL_HOUSE("rental_house", "出租屋"),
    UNIT("unit", "实有单位"),
    FACILITY("facility", "实有设施");

    private final String table;
    private final String label;

    Entity(String table, String label) {
        this.table = table;
        this.label = label;
    }

    /** The table's name in schema {@code master}; a constant, never input. */
    public String table() {
        return table;
    }

    /** The name the public-security lead knows it by. */
    public String label() {
        return label;
    }
}
