package city.twofour.verification;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;

/**
 * A task with its officer's result, waiting to be applied to the master data.
 *
 * @param facts          what was declared or found ({@link OpenedTask#facts()})
 * @param corrections    the corrected values of a CORRECTED result, else empty
 * @param lon            longitude of the point the officer took on site, or null
 * @param declarationNo  the first declaration of the fact, null for a task no declaration raised
 * @param sourceFileId   the delivered file of that declaration, null without one
 */
public record VerifiedTask(String code, TaskType type, String result, String entity, String entityKey,
                           Map<String, Object> facts, Map<String, Object> corrections, String addressText,
                           String addressCode, String gridCode, Double lon, Double lat, LocalDateTime verifiedAt,
                           String declarationNo, Long sourceFileId) {

    /** The corrected value of a field, else the declared one, else null. */
    public Object fact(String name) {
        return corrections.containsKey(name) ? corrections.get(name) : facts.get(name);
    }

    /** The address the result settles on: the corrected one, else the declared one. */
    public String settledAddressCode() {
        return corrections.containsKey("address_code") ? (String) corrections.get("address_code") : addressCode;
    }

    public String settledAddressText() {
        return corrections.containsKey("address_text") ? (String) corrections.get("address_text") : addressText;
    }

    public LocalDate verifiedOn() {
        return verifiedAt.toLocalDate();
    }

    public boolean isRejected() {
        return result.equals("REJECTED");
    }
}
