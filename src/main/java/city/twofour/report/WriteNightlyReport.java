package city.twofour.report;

import java.io.IOException;
import java.io.UncheckedIOException;
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
import city.twofour.report.internal.DataQuality;
import city.twofour.report.internal.HtmlReport;
import city.twofour.report.internal.RegistryData;
import city.twofour.report.internal.ReportData;
import city.twofour.report.internal.Table;
import city.twofour.report.internal.VerificationData;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes the night's reconciliation report, {@code <outbox>/reports/<day>/report.html}, with a CSV of every list
 * in it beside it, and keeps the day's counts for the next report's trend.
 */
public class WriteNightlyReport implements Tasklet {

    private static final String REGISTRIES_NOTE = "仅在主数据: 网格员实地采集或其他部门发现、登记库缺少的记录; 仅在登记库: 登记库仍列出、"
            + "主数据中已不在的记录 (房屋实地未见或已拆除, 人员现场未见或已迁出, 单位已注销), 待核查; 登记库文件中被拒收的行不算登记库的记录。"
            + "主数据多出(%) = 仅在主数据 ÷ 登记库记录数。";
    private static final String VERIFICATION_NOTE = "申报、对账差异、无法匹配的地址和疑似重复都转为网格核查任务; 已办结 = 核查属实/更正已更新主数据或核查不属实已关闭;"
            + " 办结率 = 已办结 ÷ 任务数; 逾期 = 过了截止日期仍未核查; 办结用时 = 从申报到现场核查。各网格数字见地图的办结率图层。";

    private final ReportData data;
    private final RegistryData registries;
    private final DataQuality quality;
    private final VerificationData verification;
    private final List<MapMeasure.Source> moreMeasures;
    private final Path reports;

    /** @param moreMeasures measures other features add to the map, after the report's own */
    public WriteNightlyReport(JdbcTemplate jdbc, Path outbox, List<MapMeasure.Source> moreMeasures) {
        this.data = new ReportData(jdbc);
        this.registries = new RegistryData(jdbc);
        this.quality = new DataQuality(jdbc);
        this.verification = new VerificationData(jdbc);
        this.moreMeasures = moreMeasures;
        this.reports = outbox.resolve("reports");
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        Path report = write(LocalDate.now());
        Console.say("report: %s", report);
        return RepeatStatus.FINISHED;
    }

    /** The report's summary on one screen: each kind of record, how many, the change since the last report. */
    private static void sayInShort(List<HtmlReport.Summary> summary, List<RegistryData.Figures> registries, long rejected) {
        Console.say("%-10s %12s %10s %12s", "master", "records", "change", "not in grid");
        for (HtmlReport.Summary row : summary) {
            Console.say("%-10s %,12d %10s %,12d", row.entity().table(), row.records(),
                    row.previous() == null ? "-" : String.format("%+,d", row.records() - row.previous()), row.unplaced());
        }
        for (RegistryData.Figures registry : registries) {
            Console.say("%s: %,d in both, %,d only in the master%s, %,d only in the registry", registry.feed(),
                    registry.both(), registry.masterOnly(), registry.masterOnlyShare() == null ? ""
                            : String.format(" (+%.1f %%)", 100 * registry.masterOnlyShare()), registry.registryOnly());
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
        Map<String, HtmlReport.AreaCounts> areas = new TreeMap<>();
        List<List<String>> gridRows = new ArrayList<>();
        for (ReportData.GridShape grid : grids) {
            List<String> gridRow = new ArrayList<>(List.of(grid.code(), grid.name(), grid.villageCode(), grid.townCode(),
                    String.format("%.3f", grid.areaKm2())));
            HtmlReport.AreaCounts area = areas.computeIfAbsent(grid.villageCode(), v -> new HtmlReport.AreaCounts(
                    names.getOrDefault(grid.townCode(), grid.townCode()), names.getOrDefault(v, v), new LinkedHashMap<>()));
            for (Entity entity : entities) {
                long n = counts.get(entity).getOrDefault(grid.code(), 0L);
                area.counts().merge(entity, n, Long::sum);
                gridRow.add(String.valueOf(n));
            }
            gridRows.add(gridRow);
        }
        List<String> gridHeader = new ArrayList<>(List.of("网格编码", "网格名称", "村(社区)编码", "镇街编码", "面积(平方公里)"));
        entities.forEach(e -> gridHeader.add(e.label()));

        List<RegistryData.Figures> figures = registries.figures();
        Table registryTable = RegistryData.table(figures);
        Table mismatches = registries.mismatchesByField();
        Table addressMatch = quality.addressMatch(entities);
        Table geocoding = quality.geocoding(entities);
        Table duplicates = quality.duplicatesMerged(entities);
        Table unplaced = quality.unplaced(entities);
        Table reasons = quality.rejectsByReason();
        Table files = quality.rejectsByFile();
        Table changes = data.changesSince(day);
        Table verificationByTown = verification.progressByTown();
        Table verificationByVillage = verification.progressByVillage();
        Table backlog = verification.backlogByType();
        Table overdue = verification.overdue();
        sayInShort(summary, figures, reasons.rows().stream().mapToLong(row -> Long.parseLong(row.get(1))).sum());

        String html = new HtmlReport().begin(day)
                .headline(figures)
                .summary(summary)
                .map(grids, data.towns(), data.extent(), measures(counts, grids))
                .areas(entities, new ArrayList<>(areas.values()))
                .list("registries", "登记库对账: 各部门登记库与主数据", registryTable, REGISTRIES_NOTE)
                .list("registry-mismatches", "登记库对账: 属性不一致 (按字段)", mismatches,
                        "登记库中该记录最近一次交付的值与主数据不同; 逐条清单见 registry_mismatches.csv。")
                .list("verification", "核查工作: 办结率 (全市、各镇街)", verificationByTown, VERIFICATION_NOTE)
                .list("verification-villages", "核查工作: 各村(社区)", verificationByVillage)
                .list("verification-backlog", "核查工作: 待办任务 (按核查类型)", backlog)
                .list("verification-overdue", "核查工作: 逾期任务 (督办)", overdue,
                        "已过截止日期仍未核查的任务, 由所在村(社区)、镇街督办。")
                .list("address-match", "数据质量: 地址匹配率 (按匹配级别)", addressMatch)
                .list("geocoding", "数据质量: 落图方式与落图率", geocoding)
                .list("duplicates", "数据质量: 合并的重复记录", duplicates,
                        "并入已有记录的行: 与先到的行属于同一实体、合并进同一条主数据记录的来源行。")
                .list("unplaced", "数据质量: 未落入网格的记录", unplaced)
                .list("rejects-by-reason", "数据质量: 按原因的拒收", reasons)
                .list("rejects-by-file", "数据质量: 各交付文件", files)
                .list("changes", "今日主数据变更", changes)
                .end();
        List<Table> tables = List.of(new Table("grid_counts.csv", gridHeader, gridRows), registryTable, mismatches,
                verificationByTown, verificationByVillage, backlog, overdue, addressMatch, geocoding, duplicates, unplaced,
                reasons, files, changes);
        try {
            Files.createDirectories(folder);
            Files.writeString(folder.resolve("report.html"), html, StandardCharsets.UTF_8);
            for (Table table : tables) {
                table.writeInto(folder);
            }
            registries.exportRecords(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report into " + folder, e);
        }
        return folder.resolve("report.html");
    }

    /** The map's measures: the registries' discrepancy rate, the densities of people and buildings, then the others'. */
    private List<MapMeasure> measures(Map<Entity, Map<String, Long>> counts, List<ReportData.GridShape> grids) {
        List<MapMeasure> measures = new ArrayList<>();
        measures.add(new MapMeasure("discrepancy", "房屋登记差异率 (仅在主数据中的房屋占比)", MapMeasure.Scale.SHARE,
                registries.masterOnlySharePerGrid(RegistryData.BUILDING_REGISTRY)));
        density(counts, grids, Entity.PERSON, "people", "人口密度 (每平方公里人数)", measures);
        density(counts, grids, Entity.BUILDING, "buildings", "房屋密度 (每平方公里栋数)", measures);
        moreMeasures.forEach(source -> measures.add(source.measure()));
        return measures;
    }

    private static void density(Map<Entity, Map<String, Long>> counts, List<ReportData.GridShape> grids, Entity entity,
                                String id, String label, List<MapMeasure> measures) {
        if (!counts.containsKey(entity)) {
            return;
        }
        Map<String, Double> perKm2 = new HashMap<>();
        for (ReportData.GridShape grid : grids) {
            long n = counts.get(entity).getOrDefault(grid.code(), 0L);
            perKm2.put(grid.code(), grid.areaKm2() > 0 ? n / grid.areaKm2() : 0);
        }
        measures.add(new MapMeasure(id, label, MapMeasure.Scale.DENSITY, perKm2));
    }
}
