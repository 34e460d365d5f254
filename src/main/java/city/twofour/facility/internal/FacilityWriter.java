package city.twofour.facility.internal;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import city.twofour.common.ChangeReason;
import city.twofour.facility.DeliveredFacility;
import city.twofour.facility.SamePlace;
import city.twofour.grid.LonLat;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Merges delivered facility rows into {@code master.facility}, one row after the other so that a facility delivered
 * twice in one chunk is found like one merged by an earlier run.
 * <p>
 * Matching: a row whose code its department delivered before is that facility ({@code SAME_CODE}, score 1). Otherwise
 * the nearest facility of the same type within {@link SamePlace#MAX_DISTANCE_METRES} that no row of the same feed
 * is linked to is taken ({@code SAME_PLACE}, scored by distance); failing that the row is a new facility whose code
 * is the department's code ({@code NEW_FACILITY}; prefixed with the feed's name should another department already
 * use that code).
 * <p>
 * Survivorship: the row wins the record when its feed ranks higher (lower priority number), or equally and its file
 * was delivered no earlier than the record's; the winner's values replace the record's, a value the winner lacks never
 * erases a known one, and a losing row only fills gaps. A row that changes nothing leaves the record untouched.
 */
public class FacilityWriter implements ItemWriter<DeliveredFacility> {

    private static final String KNOWN_CODE = """
            SELECT code FROM master.source_record WHERE entity = 'facility' AND feed = ? AND source_key = ? LIMIT 1
            """;

    private static final String NEARBY_OF_OTHER_FEEDS = """
            SELECT f.code, ST_X(f.geom) AS lon, ST_Y(f.geom) AS lat
              FROM master.facility f
             WHERE f.type = ? AND ST_DWithin(f.geom, ST_SetSRID(ST_MakePoint(?, ?), 4490), ?)
               AND NOT EXISTS (SELECT 1 FROM master.source_record s
                                WHERE s.entity = 'facility' AND s.code = f.code AND s.feed = ?)
            """;

    private static final String CODE_TAKEN = "SELECT count(*) FROM master.facility WHERE code = ?";

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
                   status = CASE WHEN %1$s THEN excluded.status ELSE f.status END,
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
        ChangeReason.set(jdbc, "merge-facilities: file " + chunk.getItems().stream()
                .map(f -> String.valueOf(f.fileId())).distinct().collect(Collectors.joining(", ")));
        for (DeliveredFacility facility : chunk) {
            Decision decision = decide(facility);
            upsert(decision.code(), facility);
            jdbc.update(LINK_SOURCE, facility.fileId(), facility.recordNo(), decision.code(), facility.source().feed(),
                    facility.sourceCode(), decision.rule(), decision.score());
        }
    }

    private Decision decide(DeliveredFacility facility) {
        String feed = facility.source().feed();
        List<String> known = jdbc.queryForList(KNOWN_CODE, String.class, feed, facility.sourceCode());
        if (!known.isEmpty()) {
            return new Decision(known.get(0), "SAME_CODE", 1);
        }
        LonLat point = facility.point();
        Decision nearest = jdbc.query(NEARBY_OF_OTHER_FEEDS, (rs, n) -> {
                    String code = rs.getString("code");
                    double score = SamePlace.score(point, new LonLat(rs.getDouble("lon"), rs.getDouble("lat")));
                    return new Decision(code, "SAME_PLACE", score);
                }, facility.type().dbValue(), point.lon(), point.lat(), SEARCH_DEGREES, feed).stream()
                .filter(d -> d.score() > 0)
                .max(Comparator.comparingDouble(Decision::score).thenComparing(Decision::code, Comparator.reverseOrder()))
                .orElse(null);
        if (nearest != null) {
            return nearest;
        }
        String code = facility.sourceCode();
        if (jdbc.queryForObject(CODE_TAKEN, Integer.class, code) > 0) {
            code = feed + ":" + code;
        }
        return new Decision(code, "NEW_FACILITY", 1);
    }

    private void upsert(String code, DeliveredFacility facility) {
        jdbc.update(UPSERT_FACILITY, ps -> {
            ps.setString(1, code);
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

    private record Decision(String code, String rule, double score) {
    }
}
