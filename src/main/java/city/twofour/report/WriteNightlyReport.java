package city.twofour.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import city.twofour.common.Console;
import city.twofour.report.internal.HtmlReport;
import city.twofour.report.internal.ReportData;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Writes the night's reconciliation report, {@code <outbox>/reports/<day>/report.html}, with a CSV of every list
 * in it beside it, and keeps the day's counts for the next report's trend.
 */
public class WriteNightlyReport implements Tasklet {

    private static final List<String> REASON_HEADER = List.of("原因代码", "行数", "文件数", "示例说明");
    private static final List<String> FILE_HEADER = List.of("数据源", "文件", "状态", "读取行数", "已合并", "拒收");
    private static final List<String> CHANGE_HEADER = List.of("类别", "操作", "变更数");

    private final ReportData data;
    private final Path reports;

    public WriteNightlyReport(ReportData data, Path outbox) {
        this.data = data;
        this.reports = outbox.resolve("reports");
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        Path report = write(LocalDate.now());
        Console.say("report: %s", report);
        return RepeatStatus.FINISHED;
    }

    /** The report's summary on one screen: each kind of record, how many, the change since the last report. */
    private static void sayInShort(List<HtmlReport.Summary> summary, long rejected) {
        Console.say("%-10s %12s %10s %12s", "master", "records", "change", "not in grid");
        for (HtmlReport.Summary row : summary) {
            Console.say("%-10s %,12d %10s %,12d", row.entity().table(), row.records(),
                    row.previous() == null ? "-" : String.format("%+,d", row.records() - row.previous()), row.unplaced());
        }
        Console.say("rejected rows on record: %,d", rejected);
    }

    /** Writes the report of the given day and returns its HTML file. */
    public Path write(LocalDate day) {
        Path folder = reports.resolve(day.toString());
        List<Entity> entities = data.presentEntities();
        Map<Entity, Map<String, Long>> counts = new LinkedHashMap<>();
        entities.forEach(entity -> counts.put(entity, data.countsPerGrid(entity)));
        Map<String, Long> previous = data.keepCountsAndPreviousTotals(day, counts);

        List<HtmlReport.Summary> summary = new ArrayList<>();
        counts.forEach((entity, perGrid) -> summary.add(new HtmlReport.Summary(entity,
                perGrid.values().stream().mapToLong(Long::longValue).sum(), previous.get(entity.table()),
                perGrid.getOrDefault("", 0L))));

        List<ReportData.GridShape> grids = data.grids();
        Map<String, String> names = data.divisionNames();
        Map<String, Double> density = new HashMap<>();
        Map<String, HtmlReport.AreaCounts> areas = new TreeMap<>();
        List<List<String>> gridRows = new ArrayList<>();
        for (ReportData.GridShape grid : grids) {
            long records = 0;
            List<String> gridRow = new ArrayList<>(List.of(grid.code(), grid.name(), grid.villageCode(), grid.townCode(),
                    String.format("%.3f", grid.areaKm2())));
            HtmlReport.AreaCounts area = areas.computeIfAbsent(grid.villageCode(), v -> new HtmlReport.AreaCounts(
                    names.getOrDefault(grid.townCode(), grid.townCode()), names.getOrDefault(v, v), new LinkedHashMap<>()));
            for (Entity entity : entities) {
                long n = counts.get(entity).getOrDefault(grid.code(), 0L);
                records += n;
                area.counts().merge(entity, n, Long::sum);
                gridRow.add(String.valueOf(n));
            }
            density.put(grid.code(), grid.areaKm2() > 0 ? records / grid.areaKm2() : 0);
            gridRows.add(gridRow);
        }

        List<ReportData.Row> reasons = data.rejectsByReason();
        sayInShort(summary, reasons.stream().mapToLong(r -> Long.parseLong(r.cells().get(1))).sum());
        List<ReportData.Row> files = data.rejectsByFile();
        List<ReportData.Row> changes = data.changesSince(day);
        String html = new HtmlReport().begin(day)
                .summary(summary)
                .map(grids, data.towns(), data.extent(), density, "每平方公里记录数 (" + labels(entities) + ")")
                .areas(entities, new ArrayList<>(areas.values()))
                .list("rejects-by-reason", "数据质量: 按原因的拒收", REASON_HEADER, reasons, "rejects_by_reason.csv")
                .list("rejects-by-file", "数据质量: 各交付文件", FILE_HEADER, files, "files.csv")
                .list("changes", "今日主数据变更", CHANGE_HEADER, changes, "changes.csv")
                .end();

        List<String> gridHeader = new ArrayList<>(List.of("网格编码", "网格名称", "村(社区)编码", "镇街编码", "面积(平方公里)"));
        entities.forEach(e -> gridHeader.add(e.label()));
        try {
            Files.createDirectories(folder);
            Files.writeString(folder.resolve("report.html"), html, StandardCharsets.UTF_8);
            csv(folder.resolve("grid_counts.csv"), gridHeader, gridRows);
            csv(folder.resolve("rejects_by_reason.csv"), REASON_HEADER, cells(reasons));
            csv(folder.resolve("files.csv"), FILE_HEADER, cells(files));
            csv(folder.resolve("changes.csv"), CHANGE_HEADER, cells(changes));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report into " + folder, e);
        }
        return folder.resolve("report.html");
    }

    private static String labels(List<Entity> entities) {
        return String.join("、", entities.stream().map(Entity::label).toList());
    }

    private static List<List<String>> cells(List<ReportData.Row> rows) {
        return rows.stream().map(ReportData.Row::cells).toList();
    }

    /** A CSV that spreadsheet programs open as UTF-8: with a byte-order mark. */
    private static void csv(Path file, List<String> header, List<List<String>> rows) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write('\uFEFF');
            CSVPrinter printer = CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new)).get().print(out);
            for (List<String> row : rows) {
                printer.printRecord(row);
            }
            printer.flush();
        }
    }
}
