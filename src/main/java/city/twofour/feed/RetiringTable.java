package city.twofour.feed;

/**
 * A master table whose records retire when no current delivery holds them any more, and the delivered rows that
 * hold each of its records.
 *
 * @param table      the table in schema {@code master}; a constant, never input
 * @param sourceRows SQL giving {@code code, file_id, feed, source_key}: one row per delivered row that holds the
 *                   record {@code code}, from whichever delivery it came
 */
public record RetiringTable(String table, String sourceRows) {

    private static final String LINKED_ROWS = """
            SELECT code, file_id, feed, source_key FROM master.source_record WHERE entity = '%s'
            """;

    /** A table whose records are held by the rows linked to them in {@code master.source_record} under its name. */
    public static RetiringTable linkedRows(String table) {
        return new RetiringTable(table, LINKED_ROWS.formatted(table));
    }
}
