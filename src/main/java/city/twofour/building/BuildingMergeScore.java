package city.twofour.building;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import city.twofour.feed.DelimitedLine;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Scores {@code merge-buildings} against a sample city's truth ({@code truth/feed_rows.csv}, {@code buildings.csv},
 * {@code rental_houses.csv}):
 * <ul>
 * <li>pairwise precision and recall of the deduplication: over the merged rows, a pair of rows is predicted the same
 * when they are linked to the same golden record, and truly the same when the answer key names the same entity;
 * for rental houses the rows are the rental registry's and the field rows of a rental building (by truth or as
 * merged);</li>
 * <li>grid accuracy: the share of golden buildings whose grid is the grid of the true building most of their rows
 * describe;</li>
 * <li>coverage: golden buildings and rental houses by the sources that know them, next to what the truth expects
 * from the rows that were merged (a building whose only registry rows were rejected counts as found by the
 * field).</li>
 * </ul>
 * Run against a database: {@code java ... city.twofour.building.BuildingMergeScore TRUTH_DIR} with
 * {@code TWOFOUR_DB_URL}, {@code TWOFOUR_DB_USER}, {@code TWOFOUR_DB_PASSWORD} set; prints {@code name: value}.
 */
public final class BuildingMergeScore {

    private static final String MERGED_ROWS = """
            SELECT f.file_name, s.line_no, s.entity, s.code, s.feed, staging.field_value(r.fields, f.fields, 'rental') AS rental
              FROM master.source_record s
              JOIN ops.feed_file f ON f.id = s.file_id
              JOIN staging.feed_record r ON r.file_id = s.file_id AND r.line_no = s.line_no
             WHERE s.feed = ANY (?::text[])
            """;

    private static final String BUILDING_GRIDS = "SELECT code, grid_code FROM master.building";

    private static final String COVERAGE = """
            SELECT 'buildings_' || coverage, count(*) FROM master.building_coverage GROUP BY coverage
            UNION ALL
            SELECT 'rental_houses_' || coverage, count(*) FROM master.rental_house_coverage GROUP BY coverage
            """;

    private BuildingMergeScore() {
    }

    public static void main(String[] args) throws IOException {
        DriverManagerDataSource dataSource = new DriverManagerDataSource(System.getenv("TWOFOUR_DB_URL"),
                System.getenv("TWOFOUR_DB_USER"), System.getenv("TWOFOUR_DB_PASSWORD"));
        score(new JdbcTemplate(dataSource), Path.of(args[0]))
                .forEach((name, value) -> System.out.println(name + ": " + value));
    }

    /** The figures, by name, in a stable order. */
    public static Map<String, Object> score(JdbcTemplate jdbc, Path truth) throws IOException {
        Map<String, TruthRow> answers = new HashMap<>();
        forEachRow(truth.resolve("feed_rows.csv"), r -> {
            String kind = r.get(2);
            if (kind.startsWith("BUILDING") || kind.equals("RENTAL_HOUSE")) {
                answers.put(fileName(r.get(0)) + ":" + r.get(1), new TruthRow(kind, r.get(3)));
            }
        });
        Map<String, String> rentalOfBuilding = new HashMap<>();
        forEachRow(truth.resolve("rental_houses.csv"), r -> rentalOfBuilding.put(r.get(1), r.get(0)));
        Map<String, String> truthGrid = new HashMap<>();
        forEachRow(truth.resolve("buildings.csv"), r -> truthGrid.put(r.get(0), r.get(8)));

        Pairs buildings = new Pairs();
        Pairs rentals = new Pairs();
        Map<String, Map<String, Integer>> truthBuildingsOfGolden = new HashMap<>();
        Set<String> fieldKnown = new HashSet<>();
        Set<String> registryKnown = new HashSet<>();
        Set<String> rentalFieldKnown = new HashSet<>();
        Set<String> rentalRegistryKnown = new HashSet<>();
        jdbc.query(MERGED_ROWS, rs -> {
            String key = rs.getString("file_name") + ":" + rs.getInt("line_no");
            TruthRow answer = answers.get(key);
            if (answer == null) {
                return;
            }
            String code = rs.getString("code");
            String feed = rs.getString("feed");
            if (rs.getString("entity").equals("rental_house")) {
                rentals.add(code, answer.entityId());
                rentalRegistryKnown.add(answer.entityId());
                return;
            }
            buildings.add(code, answer.entityId());
            truthBuildingsOfGolden.computeIfAbsent(code, c -> new HashMap<>()).merge(answer.entityId(), 1, Integer::sum);
            if (feed.equals(BuildingMerger.FIELD_FEED)) {
                fieldKnown.add(answer.entityId());
            } else {
                registryKnown.add(answer.entityId());
            }
            boolean trulyRental = answer.kind().equals("BUILDING+RENTAL_HOUSE");
            boolean mergedRental = "yes".equals(rs.getString("rental"));
            if (trulyRental || mergedRental) {
                String rental = rentalOfBuilding.get(answer.entityId());
                rentals.add(mergedRental ? BuildingCodes.rentalHouseOf(code) : "none:" + key,
                        trulyRental && rental != null ? rental : "none:" + key);
                if (trulyRental && rental != null) {
                    rentalFieldKnown.add(rental);
                }
            }
        }, "{" + String.join(",", MergeBuildingsJobConfiguration.FEEDS) + "}");

        int placed = 0;
        int rightGrid = 0;
        for (Map.Entry<String, String> golden : jdbc.query(BUILDING_GRIDS,
                (rs, n) -> Map.entry(rs.getString("code"), String.valueOf(rs.getString("grid_code"))))) {
            Map<String, Integer> votes = truthBuildingsOfGolden.get(golden.getKey());
            if (votes == null) {
                continue;
            }
            String truthBuilding = votes.entrySet().stream().max(Map.Entry.comparingByValue()).get().getKey();
            placed++;
            if (golden.getValue().equals(truthGrid.get(truthBuilding))) {
                rightGrid++;
            }
        }

        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("building_rows", buildings.rows);
        figures.put("building_precision", round(buildings.precision()));
        figures.put("building_recall", round(buildings.recall()));
        figures.put("rental_house_rows", rentals.rows);
        figures.put("rental_house_precision", round(rentals.precision()));
        figures.put("rental_house_recall", round(rentals.recall()));
        figures.put("grid_accuracy", round(placed == 0 ? 1 : rightGrid / (double) placed));
        Map<String, Long> coverage = new HashMap<>();
        jdbc.query(COVERAGE, rs -> {
            coverage.put(rs.getString(1), rs.getLong(2));
        });
        for (String kind : List.of("buildings", "rental_houses")) {
            for (String c : List.of("field_only", "registry_only", "both")) {
                figures.put(kind + "_" + c, coverage.getOrDefault(kind + "_" + c, 0L));
            }
        }
        figures.put("expected_buildings_field_only", difference(fieldKnown, registryKnown));
        figures.put("expected_buildings_registry_only", difference(registryKnown, fieldKnown));
        figures.put("expected_buildings_both", intersection(fieldKnown, registryKnown));
        figures.put("expected_rental_houses_field_only", difference(rentalFieldKnown, rentalRegistryKnown));
        figures.put("expected_rental_houses_registry_only", difference(rentalRegistryKnown, rentalFieldKnown));
        figures.put("expected_rental_houses_both", intersection(rentalFieldKnown, rentalRegistryKnown));
        long fieldBuildings = coverage.getOrDefault("buildings_field_only", 0L) + coverage.getOrDefault("buildings_both", 0L);
        long registeredBuildings = coverage.getOrDefault("buildings_registry_only", 0L) + coverage.getOrDefault("buildings_both", 0L);
        long fieldRentals = coverage.getOrDefault("rental_houses_field_only", 0L) + coverage.getOrDefault("rental_houses_both", 0L);
        long registeredRentals = coverage.getOrDefault("rental_houses_registry_only", 0L) + coverage.getOrDefault("rental_houses_both", 0L);
        figures.put("buildings_field_over_registry", round(registeredBuildings == 0 ? 0 : fieldBuildings / (double) registeredBuildings));
        figures.put("rental_houses_field_over_registry", round(registeredRentals == 0 ? 0 : fieldRentals / (double) registeredRentals));
        return figures;
    }

    private static long difference(Set<String> a, Set<String> b) {
        return a.stream().filter(x -> !b.contains(x)).count();
    }

    private static long intersection(Set<String> a, Set<String> b) {
        return a.stream().filter(b::contains).count();
    }

    private static double round(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }

    private static String fileName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static void forEachRow(Path csv, Consumer<List<String>> action) throws IOException {
        try (BufferedReader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            reader.readLine();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                action.accept(DelimitedLine.split(line, ','));
            }
        }
    }

    private record TruthRow(String kind, String entityId) {
    }

    /** Pair counts of a clustering against the truth, from the sizes of the clusters and of their overlaps. */
    private static final class Pairs {
        final Map<String, Long> predicted = new HashMap<>();
        final Map<String, Long> actual = new HashMap<>();
        final Map<String, Long> both = new HashMap<>();
        long rows;

        void add(String predictedId, String truthId) {
            predicted.merge(predictedId, 1L, Long::sum);
            actual.merge(truthId, 1L, Long::sum);
            both.merge(predictedId + "\u0000" + truthId, 1L, Long::sum);
            rows++;
        }

        double precision() {
            long predictedPairs = pairs(predicted);
            return predictedPairs == 0 ? 1 : pairs(both) / (double) predictedPairs;
        }

        double recall() {
            long truePairs = pairs(actual);
            return truePairs == 0 ? 1 : pairs(both) / (double) truePairs;
        }

        private static long pairs(Map<String, Long> clusters) {
            return clusters.values().stream().mapToLong(n -> n * (n - 1) / 2).sum();
        }
    }
}
