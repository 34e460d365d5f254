package city.twofour.samples;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVRecord;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Scores the declare-and-verify cycle against the samples' truth: did every accepted declaration become a task in
 * its true grid, did the tasks with a result close with the expected outcome, and are the records those results
 * concern now in their true state (status, as {@code truth/*.csv} gives it after the change)?
 */
final class VerificationAccuracy {

    private static final String DECLARATION_TASKS = """
            SELECT d.no, t.grid_code, t.state, t.result, t.entity, t.entity_key
              FROM master.verification_task t, unnest(t.declarations) AS d(no)
             WHERE t.origin = 'DECLARATION'
            """;

    private static final String STATUS = """
            SELECT status FROM master.person WHERE ? = 'person' AND code = ?
            UNION ALL SELECT status FROM master.unit WHERE ? = 'unit' AND code = ?
            UNION ALL SELECT status FROM master.building WHERE ? = 'building' AND code = ?
            UNION ALL SELECT status FROM master.facility WHERE ? = 'facility' AND code = ?
            """;

    private static final String CLOSURE_RATE =
            "SELECT coalesce(closure_rate::text, 'n/a') FROM master.verification_progress WHERE level = 'city'";

    private static final Map<String, String> OUTCOMES = Map.of("属实", "CONFIRMED", "不属实", "REJECTED", "更正", "CORRECTED");

    private record Task(String gridCode, String state, String result, String entity, String entityKey) {
    }

    private VerificationAccuracy() {
    }

    static void score(Path samples, JdbcTemplate reader, Map<String, String> figures) {
        Map<String, Task> tasks = new HashMap<>();
        reader.query(DECLARATION_TASKS, rs -> {
            tasks.put(rs.getString("no"), new Task(rs.getString("grid_code"), rs.getString("state"),
                    rs.getString("result"), rs.getString("entity"), rs.getString("entity_key")));
        });
        Set<String> rejectedRows = new HashSet<>();
        Set<String> results = new HashSet<>();
        AddressAccuracy.forEachRecord(samples.resolve("truth/feed_rows.csv"), r -> {
            if (!r.get("expected_reason").isEmpty()) {
                rejectedRows.add(r.get("entity_kind") + ":" + r.get("entity_id"));
            } else if (r.get("entity_kind").equals("VERIFICATION")) {
                results.add(r.get("entity_id"));
            }
        });
        Map<String, String> trueStatus = trueStatuses(samples);
        long declared = 0;
        long tasked = 0;
        long inTrueGrid = 0;
        long closed = 0;
        long trueOutcome = 0;
        long recordsChecked = 0;
        long recordsTrue = 0;
        List<CSVRecord> declarations = new ArrayList<>();
        AddressAccuracy.forEachRecord(samples.resolve("truth/declarations.csv"), declarations::add);
        for (CSVRecord d : declarations) {
            String no = d.get("declaration_no");
            if (rejectedRows.contains("DECLARATION:" + no)) {
                continue;
            }
            declared++;
            Task task = tasks.get(no);
            if (task == null) {
                continue;
            }
            tasked++;
            inTrueGrid += d.get("grid_code").equals(task.gridCode()) ? 1 : 0;
            if (!results.contains(no) || rejectedRows.contains("VERIFICATION:" + no)) {
                continue;
            }
            if (task.state().equals("applied") || task.state().equals("rejected")) {
                closed++;
                trueOutcome += OUTCOMES.get(d.get("expected_result")).equals(task.result()) ? 1 : 0;
                String expected = trueStatus.get(d.get("entity_id"));
                if (expected != null && !task.entity().equals("building")) {
                    recordsChecked++;
                    String e = task.entity();
                    String k = task.entityKey();
                    recordsTrue += reader.queryForList(STATUS, String.class, e, k, e, k, e, k, e, k).stream()
                            .allMatch(status -> status.equals(expected)) ? 1 : 0;
                }
            }
        }
        figures.put("verification.declarations", String.valueOf(declared));
        figures.put("verification.declarations_tasked", String.valueOf(tasked));
        figures.put("verification.task_grid_accuracy_percent", SampleScore.percent(inTrueGrid, tasked));
        figures.put("verification.results_accepted", String.valueOf(closed));
        figures.put("verification.outcome_accuracy_percent", SampleScore.percent(trueOutcome, closed));
        figures.put("verification.records_in_true_status_percent", SampleScore.percent(recordsTrue, recordsChecked));
        figures.put("verification.closure_rate", reader.queryForList(CLOSURE_RATE, String.class).stream().findFirst()
                .orElse("n/a"));
    }

    /** The true status after the change of every person, unit and facility, by truth id, as the master writes it. */
    private static Map<String, String> trueStatuses(Path samples) {
        Map<String, String> statuses = new HashMap<>();
        for (String[] file : new String[][] {{"people.csv", "person_id"}, {"units.csv", "unit_id"},
                {"facilities.csv", "facility_id"}}) {
            AddressAccuracy.forEachRecord(samples.resolve("truth").resolve(file[0]),
                    r -> statuses.put(r.get(file[1]), r.get("status").toLowerCase(Locale.ROOT)));
        }
        return statuses;
    }

}
