package city.twofour.building;

import city.twofour.feed.RejectReason;
import city.twofour.feed.RejectedRecordException;

/**
 * A row that names no standard building address ({@code ADDRESS_NOT_MATCHED}), or several that read alike
 * ({@code ADDRESS_AMBIGUOUS}), and has no point to decide by: it is not merged, and becomes a review item with the
 * best address candidate.
 */
public class UnplacedRecordException extends RejectedRecordException {

    private final String candidateCode;
    private final double score;

    public UnplacedRecordException(String field, RejectReason reason, String candidateCode, double score, String detail) {
        super(field, reason, detail);
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
