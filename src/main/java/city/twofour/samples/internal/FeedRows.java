package city.twofour.samples.internal;

import city.twofour.samples.RejectReason;
import java.io.Closeable;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

/**
 * {@code truth/feed_rows.csv}: for every data line of every feed, the entity it stands for, its
 * true standard address and grid, and the reason it must be rejected (if it must).
 */
final class FeedRows implements Closeable {

    /** What one feed line really is. */
    record Truth(String entityKind, String entityId, String addressCode, String gridCode, RejectReason reason,
                 String field, String duplicateOf, String noise) {

        Truth rejected(RejectReason why, String fieldName, String tag) {
            return new Truth(entityKind, entityId, addressCode, gridCode, why, fieldName, duplicateOf,
                    noise.isEmpty() ? tag : noise + ";" + tag);
        }

        Truth duplicateOf(String feedLine) {
            return new Truth(entityKind, entityId, addressCode, gridCode, reason, field, feedLine, noise);
        }
    }

    private final Csv csv;
    private final Map<RejectReason, Long> rejects = new EnumMap<>(RejectReason.class);

    FeedRows(Path file) {
        csv = new Csv(file, "feed", "line", "entity_kind", "entity_id", "address_code", "grid_code",
                "expected_reason", "field", "duplicate_of", "noise");
    }

    void add(String feed, int line, Truth t) {
        csv.row(feed, line, t.entityKind(), t.entityId(), t.addressCode(), t.gridCode(),
                t.reason() == null ? "" : t.reason().name(), t.field(), t.duplicateOf(), t.noise());
        if (t.reason() != null) {
            rejects.merge(t.reason(), 1L, Long::sum);
        }
    }

    Map<RejectReason, Long> rejects() {
        return rejects;
    }

    long rows() {
        return csv.rows();
    }

    @Override
    public void close() {
        csv.close();
    }
}
