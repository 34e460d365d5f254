package city.twofour.building;

import city.twofour.feed.RejectReason;
import city.twofour.feed.RejectedRecordException;

/**
 * A row that names no standard building address and has no point to place it by: it is not merged, and becomes a
 * review item with the best address candidate the matcher reached.
 */
public class UnplacedRecordException extends RejectedRecordException {

    private final String candidateCode;
    private final double score;

    public UnplacedRecordException(String field, String candidateCode, double score, String detail) {
        super(field, RejectReason.ADDRESS_NOT_MATCHED, detail);
        this.candidateCode = candidateCode;
        this.score = score;
    }

    /** The most specific address the matcher reached (door, road, village), or null. */
    public String candidateCode() {
        return candidateCode;
    }

    /** Confidence of that candidate. */
    public double score() {
        return score;
    }
}
