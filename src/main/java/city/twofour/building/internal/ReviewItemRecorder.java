package city.twofour.building.internal;

import city.twofour.building.UnplacedRecordException;
import city.twofour.feed.PendingRecord;
import org.springframework.batch.core.listener.SkipListener;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Raises a review item ({@code master.review_item}) for every row the merge could not place, with the best
 * address candidate the matcher reached; the verification cycle turns it into a task for the grid officers.
 */
public class ReviewItemRecorder implements SkipListener<PendingRecord, Object> {

    private static final String RAISE = """
            INSERT INTO master.review_item (entity, code, file_id, line_no, reason, candidate_code, score)
            SELECT ?, NULL, ?, ?, ?, ?, ?
             WHERE NOT EXISTS (SELECT 1 FROM master.review_item WHERE file_id = ? AND line_no = ? AND entity = ?)
            """;

    private final JdbcTemplate jdbc;
    private final String rentalFeed;

    public ReviewItemRecorder(JdbcTemplate jdbc, String rentalFeed) {
        this.jdbc = jdbc;
        this.rentalFeed = rentalFeed;
    }

    @Override
    public void onSkipInProcess(PendingRecord item, Throwable t) {
        if (t instanceof UnplacedRecordException unplaced) {
            String entity = item.feed().equals(rentalFeed) ? "rental_house" : "building";
            jdbc.update(RAISE, entity, item.fileId(), item.recordNo(), unplaced.reason().name(), unplaced.candidateCode(),
                    unplaced.score(), item.fileId(), item.recordNo(), entity);
        }
    }
}
