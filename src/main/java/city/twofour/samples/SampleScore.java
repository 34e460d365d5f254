package city.twofour.samples;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Compares the master data in the database after a run with a sample city's ground truth: one figure per name.
 * <p>
 * The master tables are read as a downstream reader reads them (the reader role). Rejects and the names of
 * delivered files live in {@code ops}, which readers cannot see; they are read with the batch role. Only files the
 * database has seen are scored for rejects, so a run of some of the jobs is scored on what it loaded.
 * <p>
 * Figures: {@code grids.*} (grid codes loaded against {@code grids.geojson}), {@code addresses.*} (the standard
 * list's addresses delivered, loaded, and placed in their true grid), {@code rejects.<REASON>.*} (expected in
 * {@code feed_rows.csv} against {@code ops.reject} by file name and line; whole-file rejects against
 * {@code ops.feed_delivery}), and for each entity table that exists, {@code <entity>.grid_accuracy_percent}: the
 * feed rows linked to a record in {@code master.source_record} whose record lies in the row's true grid, and
 * {@code <entity>.pairwise_precision} and {@code .pairwise_recall} of the deduplication.
 */
public final class SampleScore {

    private static final String STANDARD_LIST = "standard_addresses_";
    private static final Pattern GRID_CODE = Pattern.compile("\"code\"\\s*:\\s*\"(\\d+)\"");

    /**
     * Entity tables scored when they exist: the entity as master.source_record names it, its table, and the truth
     * file giving each real thing's address (none for facilities, which have no address).
     */
    private static final List<String[]> ENTITIES = List.of(
            new String[] {"person", "master.person", "people.csv"},
            new String[] {"building", "master.building", "buildings.csv"},
            new String[] {"unit", "master.unit", "units.csv"},
            new String[] {"facility", "master.facility"});

    private static final String GRID_CODES = "SELECT code FROM master.grid WHERE valid_to IS NULL";
    private static final String ADDRESS_GRIDS = "SELECT code, grid_code FROM master.address WHERE status = 'active'";
    private static final String FILES = "SELECT id, path FROM ops.feed_file";
    private static final String DELIVERIES = "SELECT path, outcome FROM ops.feed_delivery";
    private static final String REJECTS = """
            SELECT f.path, r.record_no, r.reason
              FROM ops.reject r JOIN ops.feed_file f ON f.id = r.file_id
            """;
    private static final String TABLE_EXISTS = "SELECT to_regclass(?) IS NOT NULL";
    private static final String LINKED_ADDRESSES = """
            SELECT s.file_id, s.line_no, s.code, e.address_code
              FROM master.source_record s JOIN %s e ON e.code = s.code
             WHERE s.entity = ?
            """;
    private static final String LINKED_GRIDS = """
            SELECT s.file_id, s.line_no, s.code, e.grid_code
              FROM master.source_record s JOIN %s e ON e.code = s.code
             WHERE s.entity = ?
            """;

    private record TruthRow(String entityId, String addressCode, String gridCode, String expectedReason) {
    }

    private final Path samples;
    private final JdbcTemplate reader;
    private final JdbcTemplate batch;
    private Map<String, String> parents;

    /**
     * @param truth  the sample city, or its {@code truth/} directory
     * @param reader connection as the reader role: the master tables
     * @param batch  connection as the batch role: rejects and delivered files in {@code ops}
     */
    public SampleScore(Path truth, JdbcTemplate reader, JdbcTemplate batch) {
        this.samples = Files.isDirectory(truth.resolve("truth")) ? truth : truth.getParent();
        this.reader = reader;
        this.batch = batch;
    }

    /** Every figure, in a stable order. */
    public Map<String, String> figures() {
        Map<String, String> figures = new LinkedHashMap<>();
        Map<String, TruthRow> rows = truthRows();
        Map<Long, String> files = new HashMap<>();
        batch.query(FILES, rs -> {
            files.put(rs.getLong("id"), fileName(rs.getString("path")));
        });
        grids(figures);
        addresses(figures, rows);
        rejects(figures, rows, files);
        for (String[] entity : ENTITIES) {
            if (Boolean.TRUE.equals(reader.queryForObject(TABLE_EXISTS, Boolean.class, entity[1]))) {
                entityGrids(figures, entity[0], entity[1], rows, files);
                if (entity.length > 2) {
                    entityAddresses(figures, entity[0], entity[1], rows, files, entity[2]);
                }
            }
        }
        if (Boolean.TRUE.equals(reader.queryForObject(TABLE_EXISTS, Boolean.class, "master.verification_task"))) {
            VerificationAccuracy.score(samples, reader, figures);
        }
        return figures;
    }

    private void grids(Map<String, String> figures) {
        Set<String> truth = new HashSet<>();
        try (BufferedReader in = Files.newBufferedReader(samples.resolve("grids.geojson"), StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                Matcher m = GRID_CODE.matcher(line);
                if (line.contains("\"Feature\"") && m.find()) {
                    truth.add(m.group(1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Set<String> loaded = new HashSet<>(reader.queryForList(GRID_CODES, String.class));
        figures.put("grids.truth", String.valueOf(truth.size()));
        figures.put("grids.loaded", String.valueOf(loaded.size()));
        figures.put("grids.codes_equal", String.valueOf(truth.equals(loaded)));
    }

    private void addresses(Map<String, String> figures, Map<String, TruthRow> rows) {
        Map<String, String> truthGrid = new HashMap<>();
        AddressAccuracy.forEachRecord(samples.resolve("truth/addresses.csv"),
                r -> truthGrid.put(r.get("address_code"), r.get("grid_code")));
        Set<String> delivered = new HashSet<>();
        rows.forEach((key, row) -> {
            if (key.startsWith(STANDARD_LIST) && row.expectedReason.isEmpty()) {
                delivered.add(row.addressCode);
            }
        });
        long[] loaded = new long[4]; // loaded, delivered and loaded, with a truth grid, in the true grid
        reader.query(ADDRESS_GRIDS, rs -> {
            String code = rs.getString("code");
            loaded[0]++;
            if (delivered.contains(code)) {
                loaded[1]++;
            }
            String truth = truthGrid.get(code);
            if (truth != null && !truth.isEmpty()) {
                loaded[2]++;
                if (truth.equals(rs.getString("grid_code"))) {
                    loaded[3]++;
                }
            }
        });
        figures.put("addresses.truth", String.valueOf(truthGrid.size()));
        figures.put("addresses.delivered", String.valueOf(delivered.size()));
        figures.put("addresses.loaded", String.valueOf(loaded[0]));
        figures.put("addresses.delivered_loaded", String.valueOf(loaded[1]));
        figures.put("addresses.grid_accuracy_percent", percent(loaded[3], loaded[2]));
    }

    private void rejects(Map<String, String> figures, Map<String, TruthRow> rows, Map<Long, String> files) {
        Set<String> seen = new HashSet<>(files.values());
        Map<String, String> deliveries = new HashMap<>();
        batch.query(DELIVERIES, rs -> {
            String name = fileName(rs.getString("path"));
            seen.add(name);
            if (!rs.getString("outcome").equals("ACCEPTED")) {
                deliveries.put(name + ":0", rs.getString("outcome"));
            }
        });
        Map<String, String> got = new HashMap<>(deliveries);
        batch.query(REJECTS, rs -> {
            got.put(fileName(rs.getString("path")) + ":" + rs.getInt("record_no"), rs.getString("reason"));
        });
        Map<String, long[]> byReason = new TreeMap<>(); // expected, got, same line and reason
        rows.forEach((key, row) -> {
            if (!row.expectedReason.isEmpty() && seen.contains(key.substring(0, key.lastIndexOf(':')))) {
                long[] counts = byReason.computeIfAbsent(row.expectedReason, r -> new long[3]);
                counts[0]++;
                if (row.expectedReason.equals(got.get(key))) {
                    counts[2]++;
                }
            }
        });
        got.values().forEach(reason -> byReason.computeIfAbsent(reason, r -> new long[3])[1]++);
        figures.put("rejects.files_scored", String.valueOf(seen.size()));
        byReason.forEach((reason, counts) -> {
            figures.put("rejects." + reason + ".expected", String.valueOf(counts[0]));
            figures.put("rejects." + reason + ".got", String.valueOf(counts[1]));
            figures.put("rejects." + reason + ".same_line", String.valueOf(counts[2]));
        });
    }

    /**
     * Grid accuracy of the linked rows, and the pairwise precision and recall of the deduplication: two linked rows
     * are a merged pair when they are linked to the same record, a true pair when the truth gives them one entity.
     */
    private void entityGrids(Map<String, String> figures, String entity, String table, Map<String, TruthRow> rows,
            Map<Long, String> files) {
        long[] counts = new long[3]; // linked rows, with a truth grid, in the true grid
        Map<String, Long> perRecord = new HashMap<>();
        Map<String, Long> perEntity = new HashMap<>();
        Map<String, Long> perRecordAndEntity = new HashMap<>();
        reader.query(LINKED_GRIDS.formatted(table), rs -> {
            counts[0]++;
            TruthRow row = rows.get(files.get(rs.getLong("file_id")) + ":" + rs.getInt("line_no"));
            if (row != null && !row.entityId.isEmpty()) {
                perRecord.merge(rs.getString("code"), 1L, Long::sum);
                perEntity.merge(row.entityId, 1L, Long::sum);
                perRecordAndEntity.merge(rs.getString("code") + "|" + row.entityId, 1L, Long::sum);
            }
            if (row != null && !row.gridCode.isEmpty()) {
                counts[1]++;
                if (row.gridCode.equals(rs.getString("grid_code"))) {
                    counts[2]++;
                }
            }
        }, entity);
        figures.put(entity + ".linked_rows", String.valueOf(counts[0]));
        figures.put(entity + ".grid_accuracy_percent", percent(counts[2], counts[1]));
        long truePairs = pairs(perRecordAndEntity);
        figures.put(entity + ".pairwise_precision", ratio(truePairs, pairs(perRecord)));
        figures.put(entity + ".pairwise_recall", ratio(truePairs, pairs(perEntity)));
    }

    private static long pairs(Map<String, Long> groups) {
        return groups.values().stream().mapToLong(n -> n * (n - 1) / 2).sum();
    }

    private static String ratio(long part, long whole) {
        return whole == 0 ? "n/a" : String.format(Locale.ROOT, "%.4f", (double) part / whole);
    }

    /**
     * How well the records' standard addresses agree with where the truth puts each real thing (the true entity of
     * the rows linked to a record): the same address, an address above it in the truth's hierarchy (the building of
     * the true room, when no source named more or the library lacks the room), another address (wrong), or none.
     */
    private void entityAddresses(Map<String, String> figures, String entity, String table, Map<String, TruthRow> rows,
            Map<Long, String> files, String truthFile) {
        if (parents == null) {
            parents = new HashMap<>();
            AddressAccuracy.forEachRecord(samples.resolve("truth/addresses.csv"),
                    r -> parents.put(r.get("address_code"), r.get("parent_code")));
        }
        Map<String, String> trueAddress = new HashMap<>();
        AddressAccuracy.forEachRecord(samples.resolve("truth").resolve(truthFile),
                r -> trueAddress.put(r.get(0), r.get("address_code")));
        Map<String, String[]> records = new HashMap<>(); // code -> {matched address, true address}
        reader.query(LINKED_ADDRESSES.formatted(table), rs -> {
            TruthRow row = rows.get(files.get(rs.getLong("file_id")) + ":" + rs.getInt("line_no"));
            String truth = row == null ? null : trueAddress.get(row.entityId);
            if (truth != null && !truth.isEmpty()) {
                records.putIfAbsent(rs.getString("code"), new String[] {rs.getString("address_code"), truth});
            }
        }, entity);
        long[] counts = new long[4]; // exact, coarser, wrong, none
        for (String[] record : records.values()) {
            counts[record[0] == null ? 3 : record[0].equals(record[1]) ? 0 : isAncestor(record[0], record[1]) ? 1 : 2]++;
        }
        figures.put(entity + ".address_exact_percent", percent(counts[0], records.size()));
        figures.put(entity + ".address_coarser_percent", percent(counts[1], records.size()));
        figures.put(entity + ".address_wrong_percent", percent(counts[2], records.size()));
        figures.put(entity + ".address_unmatched_percent", percent(counts[3], records.size()));
    }

    private boolean isAncestor(String candidate, String code) {
        for (String up = parents.get(code); up != null && !up.isEmpty(); up = parents.get(up)) {
            if (up.equals(candidate)) {
                return true;
            }
        }
        return false;
    }

    /** The answer key by {@code <file name>:<line>}. */
    private Map<String, TruthRow> truthRows() {
        Map<String, TruthRow> rows = new HashMap<>();
        AddressAccuracy.forEachRecord(samples.resolve("truth/feed_rows.csv"), r -> rows.put(
                fileName(r.get("feed")) + ":" + r.get("line"),
                new TruthRow(r.get("entity_id"), r.get("address_code"), r.get("grid_code"), r.get("expected_reason"))));
        return rows;
    }

    private static String fileName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    static String percent(long part, long whole) {
        return whole == 0 ? "n/a" : String.format(Locale.ROOT, "%.3f", 100.0 * part / whole);
    }
}
