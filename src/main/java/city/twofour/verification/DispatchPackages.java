package city.twofour.verification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import city.twofour.common.ChangeReason;
import city.twofour.common.Console;
import city.twofour.common.SpreadsheetCsv;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends every open task to its grid: one folder per grid ({@code tasks/<day>/<grid code>/} in the outbox; a task whose
 * place is known only to its village goes to {@code village-<code>}, one with no place at all to {@code unplaced}),
 * holding {@code tasks.csv} for the field app, {@code places.geojson} with a point per task, and {@code officers.csv},
 * the grid's roster. The tasks are then marked dispatched. Files are written before the marks commit, so a run that
 * fails half way writes the same folders again when restarted.
 */
public class DispatchPackages implements Tasklet {

    private static final String OPEN_TASKS = """
            SELECT t.code, t.type, array_to_string(t.declarations, ' ') AS declarations, t.entity, t.entity_key,
                   t.facts::text AS facts, t.address_text, a.full_text AS standard_address, t.address_code,
                   t.grid_code, t.village_code, ST_X(t.geom) AS lon, ST_Y(t.geom) AS lat, t.due_on,
                   coalesce(t.grid_code, 'village-' || t.village_code, 'unplaced') AS package
              FROM master.verification_task t
              LEFT JOIN master.address a ON a.code = t.address_code
             WHERE t.state = 'open'
             ORDER BY package, t.code
            """;

    private static final String OFFICERS = """
            SELECT code, name, phone, role FROM master.grid_officer WHERE grid_code = ? AND on_roster ORDER BY code
            """;

    private static final String MARK_DISPATCHED = """
            UPDATE master.verification_task SET state = 'dispatched', dispatched_at = now(), package = ?
             WHERE code = ANY (?) AND state = 'open'
            """;

    private static final List<String> TASK_COLUMNS = List.of("任务编号", "任务类型", "申报编号", "对象类型", "对象标识",
            "核查内容", "申报地址", "标准地址", "标准地址编码", "网格编码", "经度", "纬度", "截止日期");

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, Object>> FACTS = new TypeReference<>() {
    };

    /** An open task and the package it goes out in. */
    private record OpenTask(String code, String type, String declarations, String entity, String entityKey,
                            Map<String, Object> facts, String addressText, String standardAddress, String addressCode,
                            String gridCode, Double lon, Double lat, LocalDate dueOn, String pkg) {
    }

    private static final RowMapper<OpenTask> OPEN_TASK = (rs, n) -> new OpenTask(rs.getString("code"),
            rs.getString("type"), rs.getString("declarations"), rs.getString("entity"), rs.getString("entity_key"),
            JSON.readValue(rs.getString("facts"), FACTS), rs.getString("address_text"), rs.getString("standard_address"),
            rs.getString("address_code"), rs.getString("grid_code"), (Double) rs.getObject("lon"),
            (Double) rs.getObject("lat"), rs.getObject("due_on", LocalDate.class), rs.getString("package"));

    private final JdbcTemplate jdbc;
    private final Path outbox;

    public DispatchPackages(JdbcTemplate jdbc, Path outbox) {
        this.jdbc = jdbc;
        this.outbox = outbox;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        String day = LocalDate.now(CityTime.ZONE).toString();
        int packages = 0;
        List<OpenTask> batch = new ArrayList<>();
        try (Stream<OpenTask> tasks = jdbc.queryForStream(OPEN_TASKS, OPEN_TASK)) {
            for (Iterator<OpenTask> it = tasks.iterator(); it.hasNext(); ) {
                OpenTask task = it.next();
                if (!batch.isEmpty() && !batch.get(0).pkg().equals(task.pkg())) {
                    dispatch(day, batch);
                    packages++;
                    batch.clear();
                }
                batch.add(task);
            }
        }
        if (!batch.isEmpty()) {
            dispatch(day, batch);
            packages++;
        }
        contribution.incrementWriteCount(packages);
        Console.say("verification-cycle: %,d task packages in %s", packages, outbox.resolve("tasks").resolve(day));
        return RepeatStatus.FINISHED;
    }

    private void dispatch(String day, List<OpenTask> tasks) {
        Path folder = outbox.resolve("tasks").resolve(day).resolve(tasks.get(0).pkg());
        try {
            Files.createDirectories(folder);
            writeTasks(folder.resolve("tasks.csv"), tasks);
            writePlaces(folder.resolve("places.geojson"), tasks);
            writeOfficers(folder.resolve("officers.csv"), tasks.get(0).gridCode());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the task package " + folder, e);
        }
        String relative = outbox.relativize(folder).toString();
        ChangeReason.set(jdbc, "verification-cycle: dispatched in " + relative);
        jdbc.update(MARK_DISPATCHED, ps -> {
            ps.setString(1, relative);
            ps.setArray(2, ps.getConnection().createArrayOf("text", tasks.stream().map(OpenTask::code).toArray()));
        });
    }

    private static void writeTasks(Path file, List<OpenTask> tasks) throws IOException {
        try (CSVPrinter csv = SpreadsheetCsv.create(file, TASK_COLUMNS)) {
            for (OpenTask t : tasks) {
                csv.printRecord(t.code(), TaskType.valueOf(t.type()).label(), t.declarations(), t.entity(),
                        t.entityKey(), whatToCheck(t), t.addressText(), t.standardAddress(), t.addressCode(),
                        t.gridCode(), t.lon(), t.lat(), t.dueOn());
            }
        }
    }

    /** The task's facts in one line an officer reads: the declared type, then name, content and the rest. */
    private static String whatToCheck(OpenTask task) {
        List<String> parts = new ArrayList<>();
        task.facts().forEach((name, value) -> {
            if (!name.equals("record_known")) {
                parts.add(name + "=" + value);
            }
        });
        return String.join("; ", parts);
    }

    private static void writePlaces(Path file, List<OpenTask> tasks) throws IOException {
        List<Map<String, Object>> features = new ArrayList<>();
        for (OpenTask t : tasks) {
            features.add(ordered("type", "Feature",
                    "geometry", t.lon() == null ? null : ordered("type", "Point", "coordinates", List.of(t.lon(), t.lat())),
                    "properties", ordered("code", t.code(), "type", TaskType.valueOf(t.type()).label(),
                            "due_on", t.dueOn().toString(),
                            "address", t.standardAddress() != null ? t.standardAddress() : t.addressText())));
        }
        Files.writeString(file, JSON.writeValueAsString(ordered("type", "FeatureCollection",
                "crs", ordered("type", "name", "properties", ordered("name", "EPSG:4490")), "features", features)),
                StandardCharsets.UTF_8);
    }

    /** A JSON object whose members keep the given order, so that the same tasks always give the same file. */
    private static Map<String, Object> ordered(Object... namesAndValues) {
        Map<String, Object> object = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            object.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return object;
    }

    private void writeOfficers(Path file, String gridCode) throws IOException {
        try (CSVPrinter csv = SpreadsheetCsv.create(file, List.of("人员编号", "姓名", "联系电话", "职务"))) {
            for (Map<String, Object> officer : jdbc.queryForList(OFFICERS, gridCode)) {
                csv.printRecord(officer.get("code"), officer.get("name"), officer.get("phone"), officer.get("role"));
            }
        }
    }
}
