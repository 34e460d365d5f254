package city.twofour.report.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import city.twofour.report.Entity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The report's data quality lists: how well the master records' addresses matched the standard address library, how
 * they were placed in grids and which were not, how many delivered rows were merged into an existing record, and
 * what was rejected.
 */
public class DataQuality {

    /** Levels of the standard address a record points at; table names come from {@link Entity}, never from input. */
    private static final String ADDRESS_MATCH = """
            SELECT count(*) AS records,
                   count(*) FILTER (WHERE a.level = 'room') AS room,
                   count(*) FILTER (WHERE a.level = 'building') AS building,
                   count(*) FILTER (WHERE a.level = 'door') AS door,
                   count(*) FILTER (WHERE a.code IS NULL) AS unmatched,
                   to_char(100.0 * count(a.code) / nullif(count(*), 0), 'FM990.0') AS matched_percent
              FROM master.%s e LEFT JOIN master.address a ON a.code = e.address_code
            """;

    private static final String GEOCODING = """
            SELECT count(*) AS records,
                   count(*) FILTER (WHERE grid_code IS NOT NULL AND grid_method = 'POINT_IN_GRID') AS point,
                   count(*) FILTER (WHERE grid_code IS NOT NULL AND grid_method = 'FOOTPRINT_LARGEST_OVERLAP') AS footprint,
                   count(*) FILTER (WHERE grid_code IS NOT NULL AND grid_method = 'ADDRESS_POINT') AS address_point,
                   count(*) FILTER (WHERE grid_code IS NULL) AS unplaced,
                   to_char(100.0 * count(grid_code) / nullif(count(*), 0), 'FM990.0') AS placed_percent
              FROM master.%s
            """;

    /** Rows linked to a record beyond its first are merged into an existing record; some are repeats of one feed. */
    private static final String DUPLICATES = """
            SELECT count(*) AS rows, count(DISTINCT code) AS records, count(*) - count(DISTINCT code) AS merged,
                   count(*) - count(DISTINCT (feed, code)) AS within_feed
              FROM master.source_record WHERE entity = ?
            """;

    private static final String UNPLACED = "SELECT code, coalesce(%s, '') AS what FROM master.%s WHERE grid_code IS NULL ORDER BY code";

    private static final String REJECTS_BY_REASON = """
            SELECT r.reason, count(*) AS rows, count(DISTINCT r.file_id) AS files, min(r.message_zh) AS example
              FROM ops.reject r GROUP BY r.reason ORDER BY count(*) DESC, r.reason
            """;

    private static final String REJECTS_BY_FILE = """
            SELECT f.feed, f.file_name, f.status, coalesce(f.rows_read, 0) AS rows_read,
                   coalesce(f.rows_merged, 0) AS rows_merged, count(r.record_no) AS rejected
              FROM ops.feed_file f LEFT JOIN ops.reject r ON r.file_id = f.id
             GROUP BY f.id ORDER BY count(r.record_no) DESC, f.file_name
            """;

    private final JdbcTemplate jdbc;

    public DataQuality(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Per kind of record with an address: how many point at a room, a building, a door number, or at none. */
    public Table addressMatch(List<Entity> entities) {
        return perEntity(entities.stream().filter(Entity::addressed).toList(), "address_match.csv",
                List.of("类别", "记录数", "匹配到房间", "匹配到楼栋", "匹配到门牌", "未匹配标准地址", "匹配率(%)"),
                entity -> Table.rows(jdbc, ADDRESS_MATCH.formatted(entity.table())));
    }

    /** Per kind of record: how it was placed in its grid, and how many are in none. */
    public Table geocoding(List<Entity> entities) {
        return perEntity(entities, "geocoding.csv",
                List.of("类别", "记录数", "现场坐标落点", "楼栋轮廓最大重叠", "标准地址坐标", "未落入网格", "落图率(%)"),
                entity -> Table.rows(jdbc, GEOCODING.formatted(entity.table())));
    }

    /** Per kind of record: delivered rows linked to it, and how many of them joined a record already there. */
    public Table duplicatesMerged(List<Entity> entities) {
        return perEntity(entities, "duplicates.csv", List.of("类别", "关联的来源行", "主数据记录", "并入已有记录的行", "其中同一数据源内重复"),
                entity -> Table.rows(jdbc, DUPLICATES, entity.table()));
    }

    /** Every record placed in no grid, with what it is or where. */
    public Table unplaced(List<Entity> entities) {
        return perEntity(entities, "unplaced.csv", List.of("类别", "编码", "名称或地址"),
                entity -> Table.rows(jdbc, UNPLACED.formatted(entity.description(), entity.table())));
    }

    /** The rows of each kind of record, each after the kind's label. */
    private static Table perEntity(List<Entity> entities, String csv, List<String> header,
                                   Function<Entity, List<List<String>>> rowsOf) {
        List<List<String>> rows = new ArrayList<>();
        for (Entity entity : entities) {
            for (List<String> cells : rowsOf.apply(entity)) {
                List<String> row = new ArrayList<>(List.of(entity.label()));
                row.addAll(cells);
                rows.add(row);
            }
        }
        return new Table(csv, header, rows);
    }

    public Table rejectsByReason() {
        return Table.of(jdbc, "rejects_by_reason.csv", List.of("原因代码", "行数", "文件数", "示例说明"), REJECTS_BY_REASON);
    }

    public Table rejectsByFile() {
        return Table.of(jdbc, "files.csv", List.of("数据源", "文件", "状态", "读取行数", "已合并", "拒收"), REJECTS_BY_FILE);
    }
}
