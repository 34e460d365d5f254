package city.twofour.report.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import city.twofour.report.Entity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The department registries against the master data (views {@code master.registry_coverage} and
 * {@code master.registry_mismatch}): what each registry has, lacks and still lists, and where its values differ.
 */
public class RegistryData {

    /** The registry the map's discrepancy rate is about: the field finds the buildings it lacks. */
    public static final String BUILDING_REGISTRY = "building-registry";

    /**
     * One registry against the master.
     *
     * @param name         department and registry, in Chinese
     * @param masterOnly   records the master holds that the registry lacks
     * @param registryOnly records the registry lists that the master does not hold as there
     * @param mismatched   records whose attributes in the registry differ from the golden record
     * @param rejected     rows of the registry's files rejected on import, so counted as not in the registry
     */
    public record Figures(String feed, String name, Entity entity, long both, long masterOnly, long registryOnly,
                          long mismatched, long rejected) {

        public long registered() {
            return both + registryOnly;
        }

        /** How many more records the master holds than the registry lists, as a share of these; null for none listed. */
        public Double masterOnlyShare() {
            return registered() == 0 ? null : (double) masterOnly / registered();
        }

        List<String> cells() {
            Double share = masterOnlyShare();
            return List.of(name, entity.label(), String.valueOf(both), String.valueOf(masterOnly),
                    String.valueOf(registryOnly), String.valueOf(registered()),
                    share == null ? "" : "%.1f".formatted(100 * share), String.valueOf(mismatched), String.valueOf(rejected));
        }
    }

    private static final String FIGURES = """
            SELECT r.feed, r.name, r.entity,
                   count(c.code) FILTER (WHERE c.coverage = 'both') AS in_both,
                   count(c.code) FILTER (WHERE c.coverage = 'master_only') AS master_only,
                   count(c.code) FILTER (WHERE c.coverage = 'registry_only') AS registry_only,
                   coalesce(min(m.records), 0) AS mismatched, coalesce(min(j.rows), 0) AS rejected
              FROM master.department_registry r
              LEFT JOIN master.registry_coverage c ON c.feed = r.feed
              LEFT JOIN (SELECT feed, count(DISTINCT code) AS records FROM master.registry_mismatch GROUP BY feed) m
                     ON m.feed = r.feed
              LEFT JOIN (SELECT f.feed, count(*) AS rows FROM ops.reject x JOIN ops.feed_file f ON f.id = x.file_id
                          GROUP BY f.feed) j ON j.feed = r.feed
             GROUP BY r.sort_order, r.feed, r.name, r.entity ORDER BY r.sort_order
            """;

    private static final String MISMATCHES_BY_FIELD = """
            SELECT r.name, m.field_label, count(*) AS records,
                   min(m.registry_value || ' → ' || coalesce(m.master_value, '(空)')) AS example
              FROM master.registry_mismatch m JOIN master.department_registry r ON r.feed = m.feed
             GROUP BY r.sort_order, r.name, m.field, m.field_label ORDER BY r.sort_order, count(*) DESC, m.field
            """;

    private static final String DISCREPANCIES = """
            SELECT r.name, CASE c.coverage WHEN 'master_only' THEN '仅在主数据' ELSE '仅在登记库' END AS coverage,
                   c.code, coalesce(c.grid_code, '') AS grid_code
              FROM master.registry_coverage c JOIN master.department_registry r ON r.feed = c.feed
             WHERE c.coverage <> 'both' ORDER BY r.sort_order, c.coverage, c.code
            """;

    private static final String MISMATCHES = """
            SELECT r.name, m.code, m.field_label, m.registry_value, coalesce(m.master_value, '') AS master_value,
                   f.file_name, m.line_no
              FROM master.registry_mismatch m
              JOIN master.department_registry r ON r.feed = m.feed
              JOIN ops.feed_file f ON f.id = m.file_id
             ORDER BY r.sort_order, m.code, m.field
            """;

    private static final String MASTER_ONLY_SHARE_PER_GRID = """
            SELECT grid_code, avg(CASE WHEN coverage = 'master_only' THEN 1.0 ELSE 0.0 END) AS share
              FROM master.registry_coverage WHERE feed = ? AND grid_code IS NOT NULL GROUP BY grid_code
            """;

    private final JdbcTemplate jdbc;

    public RegistryData(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Every registry, in report order. */
    public List<Figures> figures() {
        return jdbc.query(FIGURES, (rs, n) -> new Figures(rs.getString("feed"), rs.getString("name"), Entity.ofTable(rs.getString("entity")),
                rs.getLong("in_both"), rs.getLong("master_only"), rs.getLong("registry_only"), rs.getLong("mismatched"),
                rs.getLong("rejected")));
    }

    public static Table table(List<Figures> figures) {
        return new Table("registries.csv", List.of("登记库", "类别", "两者都有", "仅在主数据(登记库缺)", "仅在登记库(待核查)",
                "登记库记录数", "主数据多出(%)", "属性不一致的记录", "登记库拒收行"), figures.stream().map(Figures::cells).toList());
    }

    public Table mismatchesByField() {
        return Table.of(jdbc, "registry_mismatches_by_field.csv", List.of("登记库", "字段", "不一致的记录", "示例(登记库 → 主数据)"),
                MISMATCHES_BY_FIELD);
    }

    /** The records behind the counts, one CSV each: those in only one of registry and master, and the differing values. */
    public void exportRecords(Path folder) throws IOException {
        Table.export(jdbc, folder, "registry_discrepancies.csv", List.of("登记库", "情况", "编码", "网格编码"), DISCREPANCIES);
        Table.export(jdbc, folder, "registry_mismatches.csv",
                List.of("登记库", "编码", "字段", "登记库值", "主数据值", "文件", "行号"), MISMATCHES);
    }

    /** Per grid, the share of the registry's kind of records that only the master holds. */
    public Map<String, Double> masterOnlySharePerGrid(String feed) {
        Map<String, Double> shares = new LinkedHashMap<>();
        jdbc.query(MASTER_ONLY_SHARE_PER_GRID, rs -> {
            shares.put(rs.getString("grid_code"), rs.getDouble("share"));
        }, feed);
        return shares;
    }
}
