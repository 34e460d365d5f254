package city.twofour.report.internal;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import city.twofour.report.Entity;
import city.twofour.report.MapMeasure;

/**
 * Writes the nightly report as one self-contained HTML page (no links outside it, no script: the map's tabs are
 * plain CSS; Chinese labels): what the master holds beyond each registry, a summary with the trend, a map of the grids
 * with a tab per measure, town borders and a legend each, counts per town and village, the registries' reconciliation,
 * data quality and the day's changes.
 */
public final class HtmlReport {

    /** Colours of the map's five classes, light to dark: blues for densities, oranges for shares of a problem. */
    private static final String[] DENSITY_COLOURS = {"#ffffcc", "#a1dab4", "#41b6c4", "#2c7fb8", "#253494"};
    private static final String[] SHARE_COLOURS = {"#fff5eb", "#fdd0a2", "#fd8d3c", "#e6550d", "#a63603"};
    private static final double[] SHARE_BREAKS = {Double.MIN_VALUE, 0.10, 0.25, 0.50};
    private static final String[] SHARE_LEGEND = {"0 %", "0 – 10 %", "10 – 25 %", "25 – 50 %", "≥ 50 %"};
    private static final String NO_DATA = "#d9d9d9";
    private static final int MAP_WIDTH = 900;
    /** Rows of a list shown on the page; the CSV beside it has them all. */
    private static final int SHOWN_ROWS = 200;

    private final StringBuilder html = new StringBuilder();

    public record Summary(Entity entity, long records, Long previous, long unplaced) {
    }

    public record AreaCounts(String town, String village, Map<Entity, Long> counts) {
    }

    public HtmlReport begin(LocalDate day) {
        html.append("""
                <!doctype html>
                <html lang="zh-CN"><head><meta charset="utf-8">
                <title>二标四实 夜间对账报告 %1$s</title>
                <style>
                body{font-family:"Noto Sans CJK SC","Noto Sans SC","Microsoft YaHei",sans-serif;margin:2em;color:#222}
                h1{font-size:1.6em}h2{font-size:1.2em;border-bottom:2px solid #253494;padding-bottom:.2em;margin-top:1.6em}
                table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #ccc;padding:.25em .6em;text-align:right}
                th{background:#eef}td:first-child,th:first-child{text-align:left}.up{color:#1a7f37}.down{color:#b42318}
                svg{border:1px solid #ccc;background:#f8f8f8}svg.shapes{position:absolute;width:0;height:0;border:0}
                .grid{stroke:#888;stroke-width:.0003}.town{fill:none;stroke:#222;stroke-width:.0015}.legend td{text-align:left}
                .headline{display:flex;flex-wrap:wrap;gap:1em}.card{border:1px solid #e6550d;border-radius:6px;padding:.6em 1em;min-width:14em}
                .card .big{font-size:2em;font-weight:bold;color:#a63603}.note{color:#555;font-size:.9em;max-width:60em}
                .tabs>input{display:none}.tabs>label{display:inline-block;padding:.3em 1em;border:1px solid #253494;
                border-radius:4px 4px 0 0;margin-right:.3em;cursor:pointer}.tabs>input:checked+label{background:#253494;color:#fff}
                .measure{display:none;margin-top:.5em}
                </style></head><body>
                <h1>二标四实 夜间对账报告</h1>
                <p>报告日期 %1$s · 东莞市 · 数据来源: 主数据库 (master)</p>
                """.formatted(day));
        return this;
    }

    /** The headline: for each registry the master holds records beyond, how many more, as a share of the registry. */
    public HtmlReport headline(List<RegistryData.Figures> registries) {
        html.append("<section id=\"headline\"><h2>对账要点: 主数据比各部门登记库多出的记录</h2><div class=\"headline\">\n");
        for (RegistryData.Figures registry : registries) {
            if (registry.masterOnly() > 0 && registry.masterOnlyShare() != null) {
                html.append("<div class=\"card\"><div>%s</div><div class=\"big\">+%.1f %%</div><div>多 %,d %s%s (登记库 %,d)</div></div>\n"
                        .formatted(escape(registry.name()), 100 * registry.masterOnlyShare(), registry.masterOnly(),
                                registry.entity().measureWord(), registry.entity().label(), registry.registered()));
            }
        }
        html.append("</div><p class=\"note\">多出的记录由网格员实地采集或其他部门发现, 登记库缺少, 清单见 registry_discrepancies.csv。</p></section>\n");
        return this;
    }

    public HtmlReport summary(List<Summary> rows) {
        html.append("<section id=\"summary\"><h2>概览</h2><table><tr><th>类别</th><th>记录数</th><th>较上次报告</th><th>未落入网格</th></tr>\n");
        for (Summary row : rows) {
            String trend = row.previous() == null ? "—" : delta(row.records() - row.previous());
            html.append("<tr><td>%s</td><td>%,d</td><td>%s</td><td>%,d</td></tr>\n"
                    .formatted(row.entity().label(), row.records(), trend, row.unplaced()));
        }
        html.append("</table></section>\n");
        return this;
    }

    /** The grids once, then one map per measure behind a tab, the first one shown. */
    public HtmlReport map(List<ReportData.GridShape> grids, List<ReportData.TownShape> towns, double[] extent,
                         List<MapMeasure> measures) {
        html.append("<section id=\"map\"><h2>网格地图</h2>\n<svg class=\"shapes\"><defs>\n");
        grids.forEach(grid -> html.append("<path id=\"grid-%s\" d=\"%s\"/>\n".formatted(grid.code(), grid.svgPath())));
        html.append("</defs></svg>\n<style>\n");
        measures.forEach(m -> html.append("#tab-%1$s:checked~#measure-%1$s{display:block}\n".formatted(m.id())));
        html.append("</style>\n<div class=\"tabs\">\n");
        for (int i = 0; i < measures.size(); i++) {
            html.append("<input type=\"radio\" name=\"measure\" id=\"tab-%1$s\"%2$s><label for=\"tab-%1$s\">%3$s</label>\n"
                    .formatted(measures.get(i).id(), i == 0 ? " checked" : "", escape(measures.get(i).label())));
        }
        measures.forEach(measure -> measure(grids, towns, extent, measure));
        html.append("</div></section>\n");
        return this;
    }

    private void measure(List<ReportData.GridShape> grids, List<ReportData.TownShape> towns, double[] extent, MapMeasure measure) {
        boolean share = measure.scale() == MapMeasure.Scale.SHARE;
        String[] colours = share ? SHARE_COLOURS : DENSITY_COLOURS;
        double[] breaks = share ? SHARE_BREAKS
                : quantileBreaks(measure.perGrid().values().stream().mapToDouble(Double::doubleValue).toArray());
        double west = extent[0];
        double south = extent[1];
        double width = extent[2] - extent[0];
        double height = extent[3] - extent[1];
        double aspect = height / (width * Math.cos(Math.toRadians((south + extent[3]) / 2)));
        html.append("<div class=\"measure\" id=\"measure-%s\">\n".formatted(measure.id()));
        html.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"%f %f %f %f\" preserveAspectRatio=\"none\">\n"
                .formatted(MAP_WIDTH, Math.round(MAP_WIDTH * aspect), west, -extent[3], width, height));
        for (ReportData.GridShape grid : grids) {
            Double value = measure.perGrid().get(grid.code());
            html.append("<use href=\"#grid-%s\" class=\"grid\" fill=\"%s\"><title>%s %s: %s</title></use>\n"
                    .formatted(grid.code(), value == null ? NO_DATA : colours[classOf(value, breaks)], grid.code(),
                            escape(grid.name()), value == null ? "无数据" : format(value, share)));
        }
        for (ReportData.TownShape town : towns) {
            html.append("<path class=\"town\" d=\"%s\"><title>%s</title></path>\n".formatted(town.svgPath(), escape(town.name())));
        }
        html.append("</svg>\n<table class=\"legend\"><tr><th colspan=\"2\">图例: %s</th></tr>\n".formatted(escape(measure.label())));
        for (int i = 0; i < colours.length; i++) {
            html.append("<tr><td style=\"background:%s;width:2em\"></td><td>%s</td></tr>\n"
                    .formatted(colours[i], share ? SHARE_LEGEND[i] : densityLegend(breaks, i)));
        }
        if (grids.stream().anyMatch(grid -> !measure.perGrid().containsKey(grid.code()))) {
            html.append("<tr><td style=\"background:%s\"></td><td>无数据</td></tr>\n".formatted(NO_DATA));
        }
        html.append("<tr><td class=\"town\" style=\"border-bottom:3px solid #222\"></td><td>镇街边界</td></tr></table></div>\n");
    }

    public HtmlReport areas(List<Entity> entities, List<AreaCounts> rows) {
        html.append("<section id=\"areas\"><h2>各镇街、村(社区)统计</h2><table><tr><th>镇街</th><th>村(社区)</th>");
        entities.forEach(e -> html.append("<th>").append(e.label()).append("</th>"));
        html.append("</tr>\n");
        for (AreaCounts row : rows) {
            html.append("<tr><td>").append(escape(row.town())).append("</td><td>").append(escape(row.village())).append("</td>");
            entities.forEach(e -> html.append("<td>%,d</td>".formatted(row.counts().getOrDefault(e, 0L))));
            html.append("</tr>\n");
        }
        html.append("</table><p>每个网格的数字见 grid_counts.csv。</p></section>\n");
        return this;
    }

    public HtmlReport list(String id, String title, Table table) {
        return list(id, title, table, null);
    }

    /** @param note what the list's columns mean; null for none */
    public HtmlReport list(String id, String title, Table table, String note) {
        html.append("<section id=\"%s\"><h2>%s</h2>".formatted(id, escape(title)));
        if (note != null) {
            html.append("<p class=\"note\">%s</p>".formatted(escape(note)));
        }
        if (table.rows().isEmpty()) {
            html.append("<p>无。</p></section>\n");
            return this;
        }
        html.append("<table><tr>");
        table.header().forEach(h -> html.append("<th>").append(escape(h)).append("</th>"));
        html.append("</tr>\n");
        for (List<String> row : table.rows().subList(0, Math.min(SHOWN_ROWS, table.rows().size()))) {
            html.append("<tr>");
            row.forEach(c -> html.append("<td>").append(escape(c)).append("</td>"));
            html.append("</tr>\n");
        }
        String shown = table.rows().size() > SHOWN_ROWS
                ? "共 %,d 行, 此处列出前 %,d 行; ".formatted(table.rows().size(), SHOWN_ROWS) : "";
        html.append("</table><p>%s导出: %s</p></section>\n".formatted(shown, escape(table.csv())));
        return this;
    }

    public String end() {
        return html.append("</body></html>\n").toString();
    }

    private static String delta(long change) {
        if (change == 0) {
            return "±0";
        }
        return change > 0 ? "<span class=\"up\">+%,d</span>".formatted(change) : "<span class=\"down\">%,d</span>".formatted(change);
    }

    /** Four breaks splitting the values into five classes of about equal size. */
    static double[] quantileBreaks(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double[] breaks = new double[DENSITY_COLOURS.length - 1];
        for (int i = 0; i < breaks.length; i++) {
            breaks[i] = sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (i + 1) * sorted.length / DENSITY_COLOURS.length)];
        }
        return breaks;
    }

    private static String densityLegend(double[] breaks, int i) {
        if (i == 0) {
            return "< %.0f".formatted(breaks[0]);
        }
        return i == breaks.length ? "≥ %.0f".formatted(breaks[i - 1]) : "%.0f – %.0f".formatted(breaks[i - 1], breaks[i]);
    }

    private static String format(double value, boolean share) {
        return share ? "%.1f %%".formatted(100 * value) : "%.0f".formatted(value);
    }

    private static int classOf(double value, double[] breaks) {
        int i = 0;
        while (i < breaks.length && value >= breaks[i]) {
            i++;
        }
        return i;
    }

    private static String escape(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
