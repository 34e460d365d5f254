package city.twofour.population;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * How well the merged population agrees with a sample city's truth ({@code truth/feed_rows.csv},
 * {@code truth/people.csv}): pairwise precision and recall of the deduplication (two delivered rows of the same
 * golden record should be rows of the same true person, and the other way round), the share of people whose address
 * matched a standard address, and the share whose grid is their true grid.
 *
 * @param rows             delivered person rows linked to a golden record
 * @param people           golden people
 * @param precision        true pairs among the pairs of rows merged together
 * @param recall           pairs merged together among the true pairs
 * @param addressMatchRate people whose address matched a standard address at room, building or door level
 * @param gridAccuracy     people in their true grid, among people the truth knows
 * @param reviewItems      review items raised for people
 */
public record PeopleScore(long rows, long people, double precision, double recall, double addressMatchRate,
                          double gridAccuracy, long reviewItems) {

    private static final Set<String> PERSON_FILES = Set.of("household_registration", "floating_population", "field_people");

    private static final String LINKS = """
            SELECT f.file_name, s.line_no, s.code
              FROM master.source_record s JOIN ops.feed_file f ON f.id = s.file_id
             WHERE s.entity = 'person'
            """;

    private static final String PEOPLE = """
            SELECT count(*) AS people,
                   count(*) FILTER (WHERE address_level IN ('room', 'building', 'door')) AS matched
              FROM master.person
            """;

    private static final String GRIDS = "SELECT code, grid_code FROM master.person";

    private static final String REVIEW_ITEMS = "SELECT count(*) FROM master.review_item WHERE entity = 'person'";

    /** Scores the merged population in the database against the truth folder of a sample city. */
    public static PeopleScore of(JdbcTemplate jdbc, Path truth) {
        Map<String, String> entityOfRow = personRows(truth.resolve("feed_rows.csv"));
        Map<String, Map<String, Long>> entitiesOfCode = new HashMap<>();
        Map<String, Long> rowsOfEntity = new HashMap<>();
        long[] rows = {0};
        jdbc.query(LINKS, rs -> {
            String entity = entityOfRow.get(rs.getString("file_name") + ":" + rs.getInt("line_no"));
            entitiesOfCode.computeIfAbsent(rs.getString("code"), k -> new HashMap<>()).merge(entity, 1L, Long::sum);
            rowsOfEntity.merge(entity, 1L, Long::sum);
            rows[0]++;
        });
        long truePairs = 0;
        long mergedPairs = 0;
        for (Map<String, Long> entities : entitiesOfCode.values()) {
            long n = 0;
            for (long count : entities.values()) {
                truePairs += pairs(count);
                n += count;
            }
            mergedPairs += pairs(n);
        }
        long realPairs = rowsOfEntity.values().stream().mapToLong(PeopleScore::pairs).sum();
        Map<String, Object> people = jdbc.queryForMap(PEOPLE);
        long count = ((Number) people.get("people")).longValue();
        long matched = ((Number) people.get("matched")).longValue();
        Map<String, String> trueGrids = trueGrids(truth.resolve("people.csv"));
        long[] grids = {0, 0};
        jdbc.query(GRIDS, rs -> {
            String expected = trueGrids.get(rs.getString("code"));
            if (expected != null) {
                grids[0]++;
                grids[1] += expected.equals(rs.getString("grid_code")) ? 1 : 0;
            }
        });
        return new PeopleScore(rows[0], count, ratio(truePairs, mergedPairs), ratio(truePairs, realPairs),
                ratio(matched, count), ratio(grids[1], grids[0]),
                jdbc.queryForObject(REVIEW_ITEMS, Long.class));
    }

    /** Prints the score as {@code name: value} lines: {@code PeopleScore TRUTH_FOLDER}, connecting as the batch role. */
    public static void main(String[] args) {
        DriverManagerDataSource dataSource = new DriverManagerDataSource(System.getenv("TWOFOUR_DB_URL"),
                System.getenv("TWOFOUR_DB_USER"), System.getenv("TWOFOUR_DB_PASSWORD"));
        PeopleScore score = of(new JdbcTemplate(dataSource), Path.of(args[0]));
        System.out.printf("person_rows_linked: %d%npeople: %d%nprecision: %.4f%nrecall: %.4f%n"
                        + "address_match_rate: %.4f%ngrid_accuracy: %.4f%nreview_items: %d%n", score.rows(), score.people(),
                score.precision(), score.recall(), score.addressMatchRate(), score.gridAccuracy(), score.reviewItems());
    }

    /** file name:line → true person, for the data lines of the person feeds. */
    private static Map<String, String> personRows(Path feedRows) {
        Map<String, String> entities = new HashMap<>();
        try (BufferedReader in = Files.newBufferedReader(feedRows, StandardCharsets.UTF_8)) {
            in.readLine();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] values = line.split(",", -1);
                String file = values[0].substring(values[0].lastIndexOf('/') + 1);
                if ("PERSON".equals(values[2]) && PERSON_FILES.stream().anyMatch(file::startsWith)) {
                    entities.put(file + ":" + values[1], values[3]);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entities;
    }

    /** citizen ID → true grid. */
    private static Map<String, String> trueGrids(Path people) {
        Map<String, String> grids = new HashMap<>();
        try (BufferedReader in = Files.newBufferedReader(people, StandardCharsets.UTF_8)) {
            in.readLine();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] values = line.split(",", -1);
                grids.put(values[1], values[8]);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return grids;
    }

    private static long pairs(long n) {
        return n * (n - 1) / 2;
    }

    private static double ratio(long part, long whole) {
        return whole == 0 ? 1 : (double) part / whole;
    }
}
