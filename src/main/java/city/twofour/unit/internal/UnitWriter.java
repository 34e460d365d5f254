package city.twofour.unit.internal;

import java.sql.Date;
import java.sql.Types;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import city.twofour.common.ChangeReason;
import city.twofour.unit.DeliveredUnit;
import city.twofour.unit.UnitSimilarity;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Merges delivered unit rows into {@code master.unit}, one row after the other so that a unit delivered twice in
 * one chunk is found like one merged by an earlier run.
 * <p>
 * Matching: a row with a credit code is the unit of that code ({@code SAME_CREDIT_CODE}, score 1). A row without
 * one is scored ({@link UnitSimilarity}) against the units with the same name key or the same standard address: the
 * best at or above {@link UnitSimilarity#SAME_UNIT} takes it ({@code NAME_ADDRESS}); otherwise it becomes a new unit
 * ({@code NEW_UNIT}), and a best candidate in the grey zone raises a review item.
 * <p>
 * Survivorship: the row wins the record when its feed ranks higher (lower priority number), or equally and its file
 * was delivered no earlier than the record's; the winner's values replace the record's, but a value the winner lacks
 * never erases a known one (completeness), and a losing row only fills gaps; any row gives a retired unit its status
 * back. A row that changes nothing leaves the record untouched (no history, no change-log entry).
 */
public class UnitWriter implements ItemWriter<DeliveredUnit> {

    private static final String CANDIDATES = """
            SELECT code, name_key, address_code FROM master.unit
             WHERE name_key = ? OR address_code = ?
            """;

    private static final String UPSERT_UNIT = """
            INSERT INTO master.unit AS u (code, credit_code, name, name_key, kind, legal_representative, address_text,
                                          address_code, address_confidence, grid_code, grid_method, established_on,
                                          status, phone, source_feed, source_priority, source_file_id, first_seen, last_seen)
            SELECT n.code, n.credit_code, n.name, n.name_key, n.kind, n.legal_representative, n.address_text,
                   n.address_code, n.address_confidence, a.grid_code, CASE WHEN a.grid_code IS NOT NULL THEN 'ADDRESS_POINT' END,
                   n.established_on, n.status, n.phone, n.source_feed, n.source_priority, f.id, f.received_at::date,
                   f.received_at::date
              FROM (VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?::double precision, ?::date, ?, ?, ?, ?::integer, ?::bigint))
                   AS n (code, credit_code, name, name_key, kind, legal_representative, address_text, address_code,
                         address_confidence, established_on, status, phone, source_feed, source_priority, file_id)
              JOIN ops.feed_file f ON f.id = n.file_id
              LEFT JOIN master.address a ON a.code = n.address_code
            ON CONFLICT (code) DO UPDATE SET
                   credit_code = coalesce(u.credit_code, excluded.credit_code),
                   name = CASE WHEN %1$s THEN excluded.name ELSE u.name END,
                   name_key = CASE WHEN %1$s THEN excluded.name_key ELSE u.name_key END,
                   kind = CASE WHEN %1$s THEN coalesce(excluded.kind, u.kind) ELSE coalesce(u.kind, excluded.kind) END,
                   legal_representative = CASE WHEN %1$s THEN coalesce(excluded.legal_representative, u.legal_representative)
                                               ELSE coalesce(u.legal_representative, excluded.legal_representative) END,
                   address_text = CASE WHEN %2$s THEN excluded.address_text ELSE u.address_text END,
                   address_code = CASE WHEN %2$s THEN excluded.address_code ELSE u.address_code END,
                   address_confidence = CASE WHEN %2$s THEN excluded.address_confidence ELSE u.address_confidence END,
                   grid_code = CASE WHEN %2$s THEN excluded.grid_code ELSE u.grid_code END,
                   grid_method = CASE WHEN %2$s THEN excluded.grid_method ELSE u.grid_method END,
                   established_on = CASE WHEN %1$s THEN coalesce(excluded.established_on, u.established_on)
                                         ELSE coalesce(u.established_on, excluded.established_on) END,
                   status = CASE WHEN %1$s OR u.status = 'retired' THEN excluded.status ELSE u.status END,
                   phone = CASE WHEN %1$s THEN coalesce(excluded.phone, u.phone) ELSE coalesce(u.phone, excluded.phone) END,
                   source_feed = CASE WHEN %1$s THEN excluded.source_feed ELSE u.source_feed END,
                   source_priority = CASE WHEN %1$s THEN excluded.source_priority ELSE u.source_priority END,
                   source_file_id = CASE WHEN %1$s THEN excluded.source_file_id ELSE u.source_file_id END,
                   first_seen = least(u.first_seen, excluded.first_seen),
                   last_seen = greatest(u.last_seen, excluded.last_seen)
            """.formatted(
            "(excluded.source_priority < u.source_priority OR excluded.source_priority = u.source_priority"
                    + " AND excluded.source_file_id >= u.source_file_id)",
            "((excluded.source_priority < u.source_priority OR excluded.source_priority = u.source_priority"
                    + " AND excluded.source_file_id >= u.source_file_id) AND excluded.address_code IS NOT NULL"
                    + " OR u.address_code IS NULL AND (excluded.address_code IS NOT NULL OR u.address_text IS NULL))");

    private static final String LINK_SOURCE = """
            INSERT INTO master.source_record (file_id, line_no, entity, code, feed, source_key, match_rule, score)
            VALUES (?, ?, 'unit', ?, ?, ?, ?, ?)
            ON CONFLICT (file_id, line_no) DO NOTHING
            """;

    private static final String RAISE_REVIEW = """
            INSERT INTO master.review_item (entity, code, file_id, line_no, reason, candidate_code, score)
            VALUES ('unit', ?, ?, ?, 'NAME_ADDRESS_GREY_ZONE', ?, ?)
            """;

    private final JdbcTemplate jdbc;

    public UnitWriter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void write(Chunk<? extends DeliveredUnit> chunk) {
        ChangeReason.set(jdbc, "merge-units: file " + chunk.getItems().stream()
                .map(u -> String.valueOf(u.fileId())).distinct().collect(Collectors.joining(", ")));
        for (DeliveredUnit unit : chunk) {
            Decision decision = decide(unit);
            upsert(decision.code(), unit);
            jdbc.update(LINK_SOURCE, unit.fileId(), unit.recordNo(), decision.code(), unit.source().feed(),
                    unit.creditCode(), decision.rule(), decision.score());
            if (decision.reviewCandidate() != null) {
                jdbc.update(RAISE_REVIEW, decision.code(), unit.fileId(), unit.recordNo(), decision.reviewCandidate(),
                        decision.reviewScore());
            }
        }
    }

    private Decision decide(DeliveredUnit unit) {
        if (unit.creditCode() != null) {
            return new Decision(unit.creditCode(), "SAME_CREDIT_CODE", 1, null, 0);
        }
        List<Candidate> candidates = jdbc.query(CANDIDATES, (rs, n) -> new Candidate(rs.getString("code"),
                UnitSimilarity.score(unit.nameKey(), unit.addressCode(), rs.getString("name_key"), rs.getString("address_code"))),
                unit.nameKey(), unit.addressCode());
        Candidate best = candidates.stream().max(Comparator.comparingDouble(Candidate::score)
                .thenComparing(Candidate::code, Comparator.reverseOrder())).orElse(null);
        if (best != null && best.score() >= UnitSimilarity.SAME_UNIT) {
            return new Decision(best.code(), "NAME_ADDRESS", best.score(), null, 0);
        }
        String code = "U" + unit.fileId() + "-" + unit.recordNo();
        if (best != null && best.score() >= UnitSimilarity.REVIEW) {
            return new Decision(code, "NEW_UNIT", 1, best.code(), best.score());
        }
        return new Decision(code, "NEW_UNIT", 1, null, 0);
    }

    private void upsert(String code, DeliveredUnit unit) {
        jdbc.update(UPSERT_UNIT, ps -> {
            ps.setString(1, code);
            ps.setString(2, unit.creditCode());
            ps.setString(3, unit.name());
            ps.setString(4, unit.nameKey());
            ps.setString(5, unit.kind() == null ? null : unit.kind().dbValue());
            ps.setString(6, unit.legalRepresentative());
            ps.setString(7, unit.addressText());
            ps.setString(8, unit.addressCode());
            if (unit.addressCode() == null) {
                ps.setNull(9, Types.DOUBLE);
            } else {
                ps.setDouble(9, unit.addressConfidence());
            }
            ps.setDate(10, unit.establishedOn() == null ? null : Date.valueOf(unit.establishedOn()));
            ps.setString(11, unit.closed() ? "closed" : "open");
            ps.setString(12, unit.phone());
            ps.setString(13, unit.source().feed());
            ps.setInt(14, unit.priority());
            ps.setLong(15, unit.fileId());
        });
    }

    private record Candidate(String code, double score) {
    }

    private record Decision(String code, String rule, double score, String reviewCandidate, double reviewScore) {
    }
}
