package city.twofour.feed;

/**
 * Thrown by a processor for an input row that cannot be loaded. The step skips the row and the
 * {@link RejectRecorder} writes it to the reject table with the reason. It is an answer about the data, thrown for
 * every bad row of a file and kept until the rejects are written, so it carries no stack trace.
 */
public class RejectedRecordException extends RuntimeException {

    private final String field;
    private final RejectReason reason;
    private final String detail;

    public RejectedRecordException(String field, RejectReason reason, String detail) {
        super(reason + (field == null ? "" : " in " + field) + (detail == null ? "" : ": " + detail), null, false, false);
        this.field = field;
        this.reason = reason;
        this.detail = detail;
    }

    public String field() {
        return field;
    }

    public RejectReason reason() {
        return reason;
    }

    /** What exactly was wrong, or null. */
    public String detail() {
        return detail;
    }

    public String messageZh() {
        return reason.zh() + (field == null ? "" : " [" + field + "]") + (detail == null ? "" : ": " + detail);
    }

    public String messageEn() {
        return reason.en() + (field == null ? "" : " [" + field + "]") + (detail == null ? "" : ": " + detail);
    }
}
