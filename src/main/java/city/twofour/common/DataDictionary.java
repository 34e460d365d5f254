package city.twofour.common;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The data dictionary of what downstream systems read: every table and view of the master schema with its
 * columns, types and meanings, written as Markdown from the comments the migrations put on them, so the
 * dictionary can never say something the schema does not.
 */
public class DataDictionary {

    private static final String RELATIONS = """
            SELECT c.relname AS name, CASE c.relkind WHEN 'v' THEN 'view' ELSE 'table' END AS kind,
                   coalesce(obj_description(c.oid, 'pg_class'), '') AS description
              FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE n.nspname = 'master' AND c.relkind IN ('r', 'v', 'p')
             ORDER BY c.relkind, c.relname
            """;

    private static final String COLUMNS = """
            SELECT c.relname AS relation, a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type,
                   a.attnotnull AS required, coalesce(col_description(c.oid, a.attnum), '') AS description
              FROM pg_class c
              JOIN pg_namespace n ON n.oid = c.relnamespace
              JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
             WHERE n.nspname = 'master' AND c.relkind IN ('r', 'v', 'p')
             ORDER BY c.relname, a.attnum
            """;

    /** The code lists: allowed values, as the tables' check constraints state them. */
    private static final String RULES = """
            SELECT c.relname AS relation, pg_get_constraintdef(k.oid) AS rule
              FROM pg_constraint k
              JOIN pg_class c ON c.oid = k.conrelid
              JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE n.nspname = 'master' AND k.contype = 'c'
             ORDER BY c.relname, k.conname
            """;

    private static final String PREAMBLE = """
            # Data dictionary: the master schema

            Generated from the schema's own comments by `twofour dictionary`; a test keeps it current. Downstream
            systems read these tables and views with the read-only role (`twofour_reader`): `SELECT` on the schema
            `master`, nothing else. Geometry is longitude/latitude in CGCS2000 (EPSG:4490).

            **The change feed.** `master.changes` lists every insert, update and delete of a master record. Keep the
            highest `position` you have read and ask for `position > :last ORDER BY position`: positions run 1, 2, 3,
            ... without gaps and never change, and a change appears only once its transaction has committed, so
            nothing is missed even while a run is writing. Read the record's current state from its table; earlier
            versions are in `master.history`. A record changed several times between two publications (every job
            publishes its changes as its last step) appears once, with what it went through (inserted then updated
            is `insert`) and every reason; the versions in between are not kept.

            **Retired records.** Master records are never deleted. A feed delivers its whole list each time; its
            current delivery is its latest imported file (a feed that delivered nothing, an empty file or a file
            delivered before leave the previous one current; a corrected re-delivery takes the place of the file it
            corrects). A person, building, rental house, unit or facility that no current delivery of any feed
            holds (no row linked to it in `master.source_record`, nor a rejected row carrying its key) gets status
            `retired`: a building and its rental house retire together. The change feed reports it as an `update`
            whose reason names the current deliveries; a later delivery that lists it again restores its status.

            """;

    private final JdbcTemplate jdbc;

    public DataDictionary(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public String markdown() {
        Map<String, List<String>> columns = new LinkedHashMap<>();
        jdbc.query(COLUMNS, rs -> {
            columns.computeIfAbsent(rs.getString("relation"), r -> new ArrayList<>()).add(String.format("| `%s` | %s | %s | %s |",
                    rs.getString("name"), rs.getString("type"), rs.getBoolean("required") ? "yes" : "",
                    cell(rs.getString("description"))));
        });
        Map<String, List<String>> rules = new LinkedHashMap<>();
        jdbc.query(RULES, rs -> {
            rules.computeIfAbsent(rs.getString("relation"), r -> new ArrayList<>()).add("- `" + rs.getString("rule") + "`");
        });
        StringBuilder out = new StringBuilder(PREAMBLE);
        jdbc.query(RELATIONS, rs -> {
            String name = rs.getString("name");
            out.append("## ").append(rs.getString("kind")).append(" `master.").append(name).append("`\n\n")
                    .append(rs.getString("description")).append("\n\n")
                    .append("| column | type | required | meaning |\n|---|---|---|---|\n");
            columns.getOrDefault(name, List.of()).forEach(line -> out.append(line).append('\n'));
            out.append('\n');
            if (rules.containsKey(name)) {
                out.append("Allowed values:\n\n");
                rules.get(name).forEach(line -> out.append(line).append('\n'));
                out.append('\n');
            }
        });
        return out.toString();
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
