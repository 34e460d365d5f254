package city.twofour.verification;

import java.time.LocalDateTime;
import java.util.Map;

import city.twofour.feed.SourceRecord;

/**
 * An officer's result for a task, checked.
 *
 * @param result      CONFIRMED, REJECTED or CORRECTED
 * @param corrections the corrected values, normalised ({@link Corrections}); empty unless CORRECTED
 * @param lon         longitude of the GPS point taken on site (CGCS2000), or null
 * @param repeated    true if the task already has this very result: the row is linked, nothing changes
 */
public record VerificationResult(SourceRecord source, String taskCode, String result, Map<String, Object> corrections,
                                 Double lon, Double lat, String officerCode, LocalDateTime verifiedAt,
                                 String evidence, boolean repeated) {

    /** Result, officer and time: two rows with the same signature report the same visit. */
    public String signature() {
        return signature(result, officerCode, verifiedAt);
    }

    public static String signature(String result, String officerCode, LocalDateTime verifiedAt) {
        return result + "|" + officerCode + "|" + verifiedAt;
    }
}
