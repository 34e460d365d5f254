package city.twofour.report.internal;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import city.twofour.report.Entity;

/**
 * Writes the nightly report as one self-contained HTML page (no scripts, no links outside it, Chinese labels): a
 * summary with the trend, a map of the grids coloured by records per km² with town borders and a legend, counts per
 * town and village, data quality and the day's changes.
 */
public final class HtmlReport {

    /** Colours of the map's five classes, light to dark. */
    private static final String[] CLASSES = {"#ffffcc", "#a1dab4", "#41b6c4", "#2c7fb8", "#253494"};
    private static final int MAP_WIDTH = 900;

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
                svg{border:1px solid #ccc;background:#f8f8f8}.grid{stroke:#888;stroke-width:.0003}
                .town{fill:none;stroke:#222;stroke-width:.0015}.legend td{text-align:left}
                </style></head><body>
                <h1>二标四实 夜间对账报告</h1>
                <p>报告日期 %1$s · 东莞市 · 数据来源: 主数据库 (master)</p>
                """.formatted(day));
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

    /**
     * @param density records per km² of each grid code
     */
    public HtmlReport map(List<ReportData.GridShape> grids, List<ReportData.TownShape> towns, double[] extent,
                          Map<String, Double> density, String measure) {
        double[] breaks = quantileBreaks(density.values().stream().mapToDouble(Double::doubleValue).toArray());
        double west = extent[0];
        double south = extent[1];
        double width = extent[2] - extent[0];
        double height = extent[3] - extent[1];
        double aspect = height / (width * Math.cos(Math.toRadians((south + extent[3]) / 2)));
        html.append("<section id=\"map\"><h2>网格地图: %s</h2>\n".formatted(escape(measure)));
        html.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"%f %f %f %f\" preserveAspectRatio=\"none\">\n"
                .formatted(MAP_WIDTH, Math.round(MAP_WIDTH * aspect), west, -extent[3], width, height));
        for (ReportData.GridShape grid : grids) {
            double value = density.getOrDefault(grid.code(), 0.0);
            html.append("<path class=\"grid\" fill=\"%s\" d=\"%s\"><title>%s %s: %.0f</title></path>\n"
                    .formatted(CLASSES[classOf(value, breaks)], grid.svgPath(), grid.code(), escape(grid.name()), value));
        }
        for (ReportData.TownShape town : towns) {
            html.append("<path class=\"town\" d=\"%s\"><title>%s</title></path>\n".formatted(town.svgPath(), escape(town.name())));
        }
        html.append("</svg>\n<table class=\"legend\"><tr><th colspan=\"2\">图例 (%s)</th></tr>\n".formatted(escape(measure)));
        for (int i = 0; i < CLASSES.length; i++) {
            String range = i == 0 ? "< %.0f".formatted(breaks[0])
                    : i == CLASSES.length - 1 ? "≥ %.0f".formatted(breaks[i - 1])
                    : "%.0f – %.0f".formatted(breaks[i - 1], breaks[i]);
            html.append("<tr><td style=\"background:%s;width:2em\"></td><td>%s</td></tr>\n".formatted(CLASSES[i], range));
        }
        html.append("<tr><td class=\"town\" style=\"border-bottom:3px solid #222\"></td><td>镇街边界</td></tr></table></section>\n");
        return this;
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

    public HtmlReport list(String id, String title, List<String> header, List<ReportData.Row> rows, String csv) {
        html.append("<section id=\"%s\"><h2>%s</h2>".formatted(id, escape(title)));
        if (rows.isEmpty()) {
            html.append("<p>无。</p></section>\n");
            return this;
        }
        html.append("<table><tr>");
        header.forEach(h -> html.append("<th>").append(escape(h)).append("</th>"));
        html.append("</tr>\n");
        for (ReportData.Row row : rows) {
            html.append("<tr>");
            row.cells().forEach(c -> html.append("<td>").append(escape(c)).append("</td>"));
            html.append("</tr>\n");
        }
        html.append("</table><p>导出: %s</p></section>\n".formatted(escape(csv)));
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
        double[] breaks = new double[CLASSES.length - 1];
        for (int i = 0; i < breaks.length; i++) {
            breaks[i] = sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (i + 1) * sorted.length / CLASSES.length)];
        }
        return breaks;
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
