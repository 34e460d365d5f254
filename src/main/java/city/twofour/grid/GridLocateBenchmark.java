package city.twofour.grid;

import java.sql.Array;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import city.twofour.common.DatabaseSettings;
import city.twofour.common.Geometries;
import org.locationtech.jts.geom.Coordinate;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Locates the same random points of the city (uniform over the grids' extent, kept if a grid covers them) in the
 * grids of {@code master.grid} two ways, side by side: in the JVM with
 * {@link GridIndex} (STRtree of prepared geometries) and in PostGIS ({@code ST_Covers} on the GiST index, one
 * set-based query per batch). Both apply the same rule: the lowest covering grid code. Repetitions alternate the two
 * ways; the medians and their ratio are printed as {@code name: value} lines.
 * <p>
 * Run: {@code java ... city.twofour.grid.GridLocateBenchmark [POINTS] [REPETITIONS]} (1,000,000 and 3 by
 * default), with the connection settings of the application (the reader role).
 */
public final class GridLocateBenchmark {

    /** Points sent to PostGIS per query. */
    public static final int BATCH = 100_000;

    private static final long SEED = 20261123;

    private static final String EXTENT = """
            SELECT ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e)
              FROM (SELECT ST_Extent(geom)::geometry AS e FROM master.grid) x
            """;

    private static final String LOCATE = """
            SELECT (SELECT min(g.code) FROM master.grid g
                     WHERE ST_Covers(g.geom, ST_SetSRID(ST_MakePoint(p.lon, p.lat), 4490)))
              FROM unnest(?::float8[], ?::float8[]) WITH ORDINALITY AS p(lon, lat, n)
             ORDER BY p.n
            """;

    private GridLocateBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int repetitions = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        JdbcTemplate jdbc = DatabaseSettings.reader().connect();
        try {
            long start = System.nanoTime();
            GridIndex index = GridLayer.index(jdbc);
            double buildSeconds = seconds(start);
            double[] extent = jdbc.queryForObject(EXTENT, (rs, i) -> new double[] {rs.getDouble(1), rs.getDouble(2),
                    rs.getDouble(3), rs.getDouble(4)});
            SplittableRandom random = new SplittableRandom(SEED);
            double[] lon = new double[n];
            double[] lat = new double[n];
            for (int i = 0; i < n; ) {
                lon[i] = extent[0] + random.nextDouble() * (extent[2] - extent[0]);
                lat[i] = extent[1] + random.nextDouble() * (extent[3] - extent[1]);
                if (index.locate(Geometries.FACTORY.createPoint(new Coordinate(lon[i], lat[i]))).isPresent()) {
                    i++;
                }
            }
            System.out.println("grids: " + index.size());
            System.out.println("points: " + n);
            System.out.printf(Locale.ROOT, "jvm_index_build_seconds: %.3f%n", buildSeconds);

            double[] jvm = new double[repetitions];
            double[] postgis = new double[repetitions];
            String[] inJvm = null;
            String[] inPostgis = null;
            for (int r = 0; r < repetitions; r++) {
                start = System.nanoTime();
                inJvm = locateInJvm(index, lon, lat);
                jvm[r] = seconds(start);
                start = System.nanoTime();
                inPostgis = locateInPostgis(jdbc, lon, lat);
                postgis[r] = seconds(start);
                System.out.printf(Locale.ROOT, "repetition_%d: jvm %.3f s, postgis %.3f s%n", r + 1, jvm[r], postgis[r]);
            }
            int located = 0;
            int agree = 0;
            for (int i = 0; i < n; i++) {
                located += inJvm[i] == null ? 0 : 1;
                agree += java.util.Objects.equals(inJvm[i], inPostgis[i]) ? 1 : 0;
            }
            double jvmMedian = median(jvm);
            double postgisMedian = median(postgis);
            System.out.println("points_in_a_grid: " + located);
            System.out.println("same_grid_both_ways: " + agree);
            System.out.printf(Locale.ROOT, "jvm_median_seconds: %.3f%n", jvmMedian);
            System.out.printf(Locale.ROOT, "postgis_median_seconds: %.3f%n", postgisMedian);
            System.out.printf(Locale.ROOT, "jvm_points_per_second: %.0f%n", n / jvmMedian);
            System.out.printf(Locale.ROOT, "postgis_points_per_second: %.0f%n", n / postgisMedian);
            System.out.printf(Locale.ROOT, "postgis_over_jvm: %.1f%n", postgisMedian / jvmMedian);
        } finally {
            DatabaseSettings.close(jdbc);
        }
    }

    private static String[] locateInJvm(GridIndex index, double[] lon, double[] lat) {
        String[] codes = new String[lon.length];
        for (int i = 0; i < lon.length; i++) {
            codes[i] = index.locate(Geometries.FACTORY.createPoint(new Coordinate(lon[i], lat[i]))).orElse(null);
        }
        return codes;
    }

    private static String[] locateInPostgis(JdbcTemplate jdbc, double[] lon, double[] lat) {
        List<String> codes = new ArrayList<>(lon.length);
        for (int from = 0; from < lon.length; from += BATCH) {
            int to = Math.min(lon.length, from + BATCH);
            Double[] lons = box(lon, from, to);
            Double[] lats = box(lat, from, to);
            codes.addAll(jdbc.execute((java.sql.Connection c) -> {
                Array lonArray = c.createArrayOf("float8", lons);
                Array latArray = c.createArrayOf("float8", lats);
                try (var ps = c.prepareStatement(LOCATE)) {
                    ps.setArray(1, lonArray);
                    ps.setArray(2, latArray);
                    List<String> batch = new ArrayList<>(lons.length);
                    try (var rs = ps.executeQuery()) {
                        while (rs.next()) {
                            batch.add(rs.getString(1));
                        }
                    }
                    return batch;
                }
            }));
        }
        return codes.toArray(String[]::new);
    }

    private static Double[] box(double[] values, int from, int to) {
        Double[] boxed = new Double[to - from];
        for (int i = from; i < to; i++) {
            boxed[i - from] = values[i];
        }
        return boxed;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int m = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2;
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
