package city.twofour.report.internal;

import java.util.ArrayList;
import java.util.List;

import city.twofour.verification.TaskType;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The report's view of the declare-and-verify cycle: the progress per town and per village (opened, closed, the
 * backlog, overdue, the closure rate and the median time to close, from {@code master.verification_progress}), the
 * backlog by what is to be checked, and the overdue tasks the villages and towns must chase.
 */
public class VerificationData {

    private static final List<String> PROGRESS_HEADER = List.of("镇街", "村(社区)", "任务数", "已办结", "待办", "逾期",
            "已过期", "办结率(%)", "办结用时中位数(天)");

    private static final String PROGRESS = """
            SELECT CASE WHEN p.level = 'city' THEN '全市' ELSE coalesce(t.name, '位置不明') END AS town,
                   CASE WHEN p.level = 'village' THEN coalesce(v.name, '位置不明') ELSE '' END AS village,
                   p.opened, p.closed, p.backlog, p.overdue, p.expired, coalesce(to_char(100 * p.closure_rate, 'FM990.0'), '') AS closure_percent,
                   coalesce(p.median_days_to_close::text, '') AS median_days
              FROM master.verification_progress p
              LEFT JOIN master.division v ON p.level = 'village' AND v.code = p.code
              LEFT JOIN master.division t ON t.code = CASE p.level WHEN 'town' THEN p.code ELSE v.parent_code END
             WHERE p.level = ANY (?)
             ORDER BY p.level = 'city' DESC, t.code, v.code NULLS FIRST
            """;

    private static final String BACKLOG_BY_TYPE = """
            SELECT type, count(*) FILTER (WHERE state = 'open') AS open,
                   count(*) FILTER (WHERE state = 'dispatched') AS dispatched,
                   count(*) FILTER (WHERE state = 'verified') AS verified,
                   count(*) FILTER (WHERE state IN ('open', 'dispatched', 'verified') AND escalated) AS overdue,
                   count(*) FILTER (WHERE state IN ('applied', 'rejected')) AS closed
              FROM master.verification_task GROUP BY type ORDER BY count(*) DESC, type
            """;

    private static final String OVERDUE = """
            SELECT t.code, t.type, coalesce(town.name, ''), coalesce(village.name, ''), coalesce(t.grid_code, ''),
                   t.due_on::text, current_date - t.due_on AS days_late, t.state,
                   coalesce(t.address_text, a.full_text, '')
              FROM master.verification_task t
              LEFT JOIN master.division town ON town.code = t.town_code
              LEFT JOIN master.division village ON village.code = t.village_code
              LEFT JOIN master.address a ON a.code = t.address_code
             WHERE t.escalated AND t.state IN ('open', 'dispatched', 'verified')
             ORDER BY t.due_on, t.code
            """;

    private final JdbcTemplate jdbc;

    public VerificationData(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The city's and each town's figures. */
    public Table progressByTown() {
        return new Table("verification_by_town.csv", PROGRESS_HEADER,
                Table.rows(jdbc, PROGRESS, (Object) new String[] {"city", "town"}));
    }

    public Table progressByVillage() {
        return new Table("verification_by_village.csv", PROGRESS_HEADER,
                Table.rows(jdbc, PROGRESS, (Object) new String[] {"village"}));
    }

    public Table backlogByType() {
        return new Table("verification_backlog.csv", List.of("核查类型", "待下发", "已下发待核查", "已核查待处理", "其中逾期", "已办结"),
                labelled(Table.rows(jdbc, BACKLOG_BY_TYPE), 0));
    }

    public Table overdue() {
        return new Table("verification_overdue.csv", List.of("任务编号", "核查类型", "镇街", "村(社区)", "网格编码", "截止日期",
                "逾期天数", "状态", "地址"), labelled(Table.rows(jdbc, OVERDUE), 1));
    }

    /** The rows with the task type in the given column written as its Chinese name. */
    private static List<List<String>> labelled(List<List<String>> rows, int typeColumn) {
        return rows.stream().map(row -> {
            List<String> cells = new ArrayList<>(row);
            cells.set(typeColumn, TaskType.valueOf(cells.get(typeColumn)).label());
            return cells;
        }).toList();
    }
}
