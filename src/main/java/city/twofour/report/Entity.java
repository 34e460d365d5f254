package city.twofour.report;

/**
 * The master tables the report counts per grid, retired records left out: the standard addresses and the four
 * actuals. A table that does not exist yet is left out of the report.
 */
public enum Entity {

    ADDRESS("address", "标准地址", "条", "full_text"),
    PERSON("person", "实有人口", "人", "address_text"),
    BUILDING("building", "实有房屋", "栋", "concat_ws(' ', address_code, name)"),
    RENTAL_HOUSE("rental_house", "出租屋", "处", "address_code"),
    UNIT("unit", "实有单位", "家", "concat_ws(' ', name, address_text)"),
    FACILITY("facility", "实有设施", "个", "concat_ws(' ', name, location)");

    private final String table;
    private final String label;
    private final String measureWord;
    private final String description;

    Entity(String table, String label, String measureWord, String description) {
        this.table = table;
        this.label = label;
        this.measureWord = measureWord;
        this.description = description;
    }

    /** The table's name in schema {@code master}; a constant, never input. */
    public String table() {
        return table;
    }

    /** The name the public-security lead knows it by. */
    public String label() {
        return label;
    }

    /** The Chinese measure word its records are counted with (16 栋, 4 处). */
    public String measureWord() {
        return measureWord;
    }

    /** SQL over the table that says where or what a record is, for lists of records; a constant, never input. */
    public String description() {
        return description;
    }

    /** Whether its records point at a standard address ({@code address_code}). */
    public boolean addressed() {
        return this != ADDRESS && this != FACILITY;
    }

    public static Entity ofTable(String table) {
        for (Entity entity : values()) {
            if (entity.table.equals(table)) {
                return entity;
            }
        }
        throw new IllegalArgumentException("no master table " + table + " in the report");
    }
}
