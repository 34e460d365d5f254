package city.twofour.unit;

import java.time.LocalDate;

import city.twofour.feed.FromDeliveredRow;
import city.twofour.feed.PendingRecord;

/**
 * A delivered row about a unit, checked and standardised, before it is matched to a golden record.
 *
 * @param creditCode        the valid credit code, or null when the row has none
 * @param name              the normalised name ({@link UnitNames#normalise})
 * @param nameKey           the name to match on ({@link UnitNames#key})
 * @param kind              from the credit code; null without one
 * @param addressCode       the standard address the registered address matched, or null
 * @param addressConfidence confidence of that match, 0 when none
 * @param closed            the registry lists it as closed (注销)
 * @param priority          the feed's rank as a source, 1 = most trusted
 */
public record DeliveredUnit(PendingRecord source, String creditCode, String name, String nameKey, UnitKind kind,
                            String legalRepresentative, String addressText, String addressCode, double addressConfidence,
                            LocalDate establishedOn, boolean closed, String phone, int priority) implements FromDeliveredRow {
}
