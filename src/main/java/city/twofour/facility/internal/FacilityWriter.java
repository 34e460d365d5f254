package city.twofour.facility.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import city.twofour.common.ChangeReason;
import city.twofour.facility.DeliveredFacility;
import city.twofour.facility.SamePlace;
import city.twofour.grid.LonLat;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Merges delivered facility rows into {@code master.facility}, a chunk at a time: what the table already holds is
 * read in three queries per chunk, then the rows are decided in order, each also against the rows before it in the
 * chunk, so that a facility delivered twice in one chunk is found like one merged by an earlier run.
 * <p>
 * Matching: a row whose code its department delivered before is that facility ({@code SAME_CODE}, score 1). Otherwise
 * the nearest facility of the same type within {@link SamePlace#MAX_DISTANCE_METRES} that no row of the same feed
 * is linked to is taken ({@code SAME_PLACE}, scored by distance); failing that the row is a new facility whose code
 * is the department's code ({@code NEW_FACILITY}; prefixed with the feed's name should another department already
 * use that code).
 * <p>
 * Survivorship: the row wins the record when its feed ranks higher (lower priority number), or equally and its file
 * was delivered no earlier than the record's; the winner's values replace the record's, a value the winner lacks never
 * erases a known one, and a losing row only fills gaps; any row gives a retired facility its status back. A row that
 * changes nothing leaves the record untouched.
 */
public class FacilityWriter implements ItemWriter<DeliveredFacility> {

    private static final String KNOWN_CODES = """
            SELECT DISTINCT ON (k.feed, k.source_key) k.feed, k.source_key, s.code
              FROM unnest(?::text[], ?::text[]) AS k (feed, source_key)
              JOIN master.source_record s ON s.entity = 'facility' AND s.feed = k.feed AND s.source_key = k.source_key
             ORDER BY k.feed, k.source_key, s.code
            """;

    private static final String NEARBY_OF_OTHER_FEEDS = """
            SELECT k.i, f.code, ST_X(f.geom) AS lon, ST_Y(f.geom) AS lat
              FROM unnest(?::integer[], ?::text[], ?::double precision[], ?::double precision[], ?::text[])
                   AS k (i, type, lon, lat, feed)
              JOIN master.facility f
                ON f.type = k.type AND ST_DWithin(f.geom, ST_SetSRID(ST_MakePoint(k.lon, k.lat), 4490), ?)
             WHERE NOT EXISTS (SELECT 1 FROM master.source_record s
                                WHERE s.entity = 'facility' AND s.code = f.code AND s.feed = k.feed)
            """;

    private static final String CODES_TAKEN = "SELECT code FROM master.facility WHERE code = ANY (?::text[])";

    private static final String WINS = "(excluded.source_priority < f.source_priority OR excluded.source_priority = f.source_priority"
            + " AND excluded.source_file_id >= f.source_file_id)";

    private static final String UPSERT_FACILITY = """
            INSERT INTO master.facility AS f (code, type, name, location, geom, grid_code, grid_method, status, department,
                                              source_feed, source_priority, source_file_id, first_seen, last_seen)
            SELECT n.code, n.type, n.name, n.location, ST_SetSRID(ST_MakePoint(n.lon, n.lat), 4490), n.grid_code,
                   n.grid_method, n.status, n.department, n.source_feed, n.source_priority, d.id, d.received_at::date,
                   d.received_at::date
              FROM (VALUES (?, ?, ?, ?, ?::double precision, ?::double precision, ?, ?, ?, ?, ?, ?::integer, ?::bigint))
                   AS n (code, type, name, location, lon, lat, grid_code, grid_method, status, department, source_feed,
                         source_priority, file_id)
              JOIN ops.feed_file d ON d.id = n.file_id
            ON CONFLICT (code) DO UPDATE SET
                   name = CASE WHEN %1$s THEN coalesce(excluded.name, f.name) ELSE coalesce(f.name, excluded.name) END,
                   location = CASE WHEN %1$s THEN coalesce(excluded.location, f.location) ELSE coalesce(f.location, excluded.location) END,
                   geom = CASE WHEN %1$s THEN excluded.geom ELSE f.geom END,
                   grid_code = CASE WHEN %1$s THEN excluded.grid_code ELSE f.grid_code END,
                   grid_method = CASE WHEN %1$s THEN excluded.grid_method ELSE f.grid_method END,
                   status = CASE WHEN %1$s OR f.status = 'retired' THEN excluded.status ELSE f.status END,
                   department = CASE WHEN %1$s THEN excluded.department ELSE f.department END,
                   source_feed = CASE WHEN %1$s THEN excluded.source_feed ELSE f.source_feed END,
                   source_priority = CASE WHEN %1$s THEN excluded.source_priority ELSE f.source_priority END,
                   source_file_id = CASE WHEN %1$s THEN excluded.source_file_id ELSE f.source_file_id END,
                   first_seen = least(f.first_seen, excluded.first_seen),
                   last_seen = greatest(f.last_seen, excluded.last_seen)
            """.formatted(WINS);

    private static final String LINK_SOURCE = """
            INSERT INTO master.source_record (file_id, line_no, entity, code, feed, source_key, match_rule, score)
            VALUES (?, ?, 'facility', ?, ?, ?, ?, ?)
            ON CONFLICT (file_id, line_no) DO NOTHING
            """;

    /** Degrees that surely cover {@link SamePlace#MAX_DISTANCE_METRES} in the city: the search box before measuring. */
    private static final double SEARCH_DEGREES = 0.0001;

    private final JdbcTemplate jdbc;

    public FacilityWriter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void write(Chunk<? extends DeliveredFacility> chunk) {
        List<? extends DeliveredFacility> items = chunk.getItems();
        ChangeReason.set(jdbc, "merge-facilities: file " + items.stream()
                .map(f -> String.valueOf(f.fileId())).distinct().collect(Collectors.joining(", ")));
        Map<String, String> known = knownCodes(items);
        Map<Integer, List<Placed>> nearby = nearbyOfOtherFeeds(items, known);
        Set<String> taken = codesTaken(items);
        Map<String, Set<String>> feedsOf = new HashMap<>();
        List<Placed> placedNow = new ArrayList<>();
        List<Decision> decisions = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            DeliveredFacility facility = items.get(i);
            String feed = facility.source().feed();
            String key = key(feed, facility.sourceCode());
            Decision decision = known.containsKey(key)
                    ? new Decision(known.get(key), "SAME_CODE", 1)
                    : samePlace(facility, nearby.getOrDefault(i, List.of()), placedNow, feedsOf);
            if (decision == null) {
                String code = taken.contains(facility.sourceCode()) ? feed + ":" + facility.sourceCode() : facility.sourceCode();
                decision = new Decision(code, "NEW_FACILITY", 1);
                taken.add(code);
                placedNow.add(new Placed(code, facility.type().dbValue(), facility.point()));
            }
            known.put(key, decision.code());
            feedsOf.computeIfAbsent(decision.code(), c -> new HashSet<>()).add(feed);
            decisions.add(decision);
        }
        upsert(items, decisions);
        jdbc.batchUpdate(LINK_SOURCE, indices(items), items.size(), (ps, i) -> {
            DeliveredFacility facility = items.get(i);
            ps.setLong(1, facility.fileId());
            ps.setInt(2, facility.recordNo());
            ps.setString(3, decisions.get(i).code());
            ps.setString(4, facility.source().feed());
            ps.setString(5, facility.sourceCode());
            ps.setString(6, decisions.get(i).rule());
            ps.setDouble(7, decisions.get(i).score());
        });
    }

    /**
     * The nearest facility of the row's type within reach that its feed has not delivered, among those in the table
     * before this chunk and those this chunk placed; null when there is none.
     */
    private static Decision samePlace(DeliveredFacility facility, List<Placed> before, List<Placed> placedNow,
                                      Map<String, Set<String>> feedsOf) {
        String feed = facility.source().feed();
        Decision best = null;
        for (List<Placed> candidates : List.of(before, placedNow)) {
            for (Placed candidate : candidates) {
                if (!candidate.type().equals(facility.type().dbValue())
                        || feedsOf.getOrDefault(candidate.code(), Set.of()).contains(feed)) {
                    continue;
                }
                double score = SamePlace.score(facility.point(), candidate.point());
                if (score > 0 && (best == null || score > best.score()
                        || score == best.score() && candidate.code().compareTo(best.code()) < 0)) {
                    best = new Decision(candidate.code(), "SAME_PLACE", score);
                }
            }
        }
        return best;
    }

    /** Feed and department code → facility, for the rows' codes that earlier rows of the same feed delivered. */
    private Map<String, String> knownCodes(List<? extends DeliveredFacility> items) {
        Map<String, String> known = new HashMap<>();
        jdbc.query(KNOWN_CODES, ps -> {
            ps.setArray(1, ps.getConnection().createArrayOf("text", items.stream().map(f -> f.source().feed()).toArray()));
            ps.setArray(2, ps.getConnection().createArrayOf("text", items.stream().map(DeliveredFacility::sourceCode).toArray()));
        }, (ResultSet rs) -> {
            known.put(key(rs.getString("feed"), rs.getString("source_key")), rs.getString("code"));
        });
        return known;
    }

    /** Row index → facilities of its type within the search box that its feed has not delivered. */
    private Map<Integer, List<Placed>> nearbyOfOtherFeeds(List<? extends DeliveredFacility> items, Map<String, String> known) {
        List<Integer> unknown = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            if (!known.containsKey(key(items.get(i).source().feed(), items.get(i).sourceCode()))) {
                unknown.add(i);
            }
        }
        Map<Integer, List<Placed>> nearby = new HashMap<>();
        if (unknown.isEmpty()) {
            return nearby;
        }
        jdbc.query(NEARBY_OF_OTHER_FEEDS, ps -> {
            Connection connection = ps.getConnection();
            ps.setArray(1, connection.createArrayOf("integer", unknown.toArray()));
            ps.setArray(2, connection.createArrayOf("text", unknown.stream().map(i -> items.get(i).type().dbValue()).toArray()));
            ps.setArray(3, connection.createArrayOf("float8", unknown.stream().map(i -> items.get(i).point().lon()).toArray()));
            ps.setArray(4, connection.createArrayOf("float8", unknown.stream().map(i -> items.get(i).point().lat()).toArray()));
            ps.setArray(5, connection.createArrayOf("text", unknown.stream().map(i -> items.get(i).source().feed()).toArray()));
            ps.setDouble(6, SEARCH_DEGREES);
        }, (ResultSet rs) -> {
            nearby.computeIfAbsent(rs.getInt("i"), i -> new ArrayList<>()).add(new Placed(rs.getString("code"),
                    items.get(rs.getInt("i")).type().dbValue(), new LonLat(rs.getDouble("lon"), rs.getDouble("lat"))));
        });
        return nearby;
    }

    private Set<String> codesTaken(List<? extends DeliveredFacility> items) {
        Set<String> taken = new HashSet<>();
        jdbc.query(CODES_TAKEN, ps -> ps.setArray(1, ps.getConnection().createArrayOf("text",
                items.stream().map(DeliveredFacility::sourceCode).distinct().toArray())), (ResultSet rs) -> {
            taken.add(rs.getString("code"));
        });
        return taken;
    }

    private static String key(String feed, String sourceCode) {
        return feed + '\u0000' + sourceCode;
    }

    private static List<Integer> indices(List<?> items) {
        return IntStream.range(0, items.size()).boxed().toList();
    }

    private void upsert(List<? extends DeliveredFacility> items, List<Decision> decisions) {
        jdbc.batchUpdate(UPSERT_FACILITY, indices(items), items.size(), (ps, i) -> {
            DeliveredFacility facility = items.get(i);
            ps.setString(1, decisions.get(i).code());
            ps.setString(2, facility.type().dbValue());
            ps.setString(3, facility.name());
            ps.setString(4, facility.location());
            ps.setDouble(5, facility.point().lon());
            ps.setDouble(6, facility.point().lat());
            ps.setString(7, facility.gridCode());
            ps.setString(8, facility.gridMethod() == null ? null : facility.gridMethod().name());
            ps.setString(9, facility.damaged() ? "damaged" : "in_service");
            ps.setString(10, facility.department());
            ps.setString(11, facility.source().feed());
            ps.setInt(12, facility.priority());
            ps.setLong(13, facility.fileId());
        });
    }

    /** A facility's place: one in the table, or one this chunk has placed. */
    private record Placed(String code, String type, LonLat point) {
    }

    private record Decision(String code, String rule, double score) {
    }
}
