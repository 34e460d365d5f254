package city.twofour.report;

import java.util.Map;

/**
 * A measure the report's map colours the basic grids by: one tab of the map, with its own legend. The report draws
 * its own (densities, the registries' discrepancy rate); another feature adds one by declaring a {@link Source} bean,
 * as the verification cycle will for the closure rate per grid.
 *
 * @param id      short Latin name, unique in the report (used in the page's element ids)
 * @param label   what the tab and the legend say, in Chinese
 * @param scale   how values become the map's five colour classes
 * @param perGrid value of each grid code; a grid without one is drawn as having no data
 */
public record MapMeasure(String id, String label, Scale scale, Map<String, Double> perGrid) {

    public enum Scale {
        /** Records per km²: five classes of about equal numbers of grids. */
        DENSITY,
        /** A share in [0, 1]: none, under 10 %, 10-25 %, 25-50 %, 50 % and more. */
        SHARE
    }

    /** Gives the report a measure of its feature, computed when the report is written. */
    @FunctionalInterface
    public interface Source {
        MapMeasure measure();
    }
}
