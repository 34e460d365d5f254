package city.twofour.samples;

import java.util.List;

/**
 * How much of Dongguan to generate. Every scale uses the full-city operational map and writes
 * the towns it covers; {@code density} scales the number of buildings, people, units and
 * facilities per grid against the real city (1.0 ≈ 10 M addresses, 11.8 M people).
 */
public enum Scale {
    /** One town (莞城街道, 8 villages), a few thousand records: committed under samples/tiny. */
    TINY(List.of("441900006"), 0.004),
    /** Four towns (莞城, 东城, 南城, 松山湖), about 100 k records. */
    DEMO(List.of("441900003", "441900004", "441900006", "441900401"), 0.04),
    /** All 36 towns, 608 villages, 2,894 grids at real density (use --fraction to thin it). */
    CITY(List.of(), 1.0);

    private final List<String> towns;
    private final double density;

    Scale(List<String> towns, double density) {
        this.towns = towns;
        this.density = density;
    }

    /** Town codes covered; empty means all towns. */
    public List<String> towns() {
        return towns;
    }

    public double density() {
        return density;
    }

    public boolean covers(String townCode) {
        return towns.isEmpty() || towns.contains(townCode);
    }
}
