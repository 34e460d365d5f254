package city.twofour.building;

import city.twofour.feed.PendingRecord;

/**
 * A delivered row and the golden record it belongs to.
 *
 * @param source       the row
 * @param entity       master table the row is linked to: {@code building}, or {@code rental_house} for a rental
 *                     registry row
 * @param code         the golden record's code
 * @param buildingCode the building (the record itself, or the rental house's building)
 * @param rule         why the row belongs there
 * @param score        the rule's score (see {@link MatchRule})
 * @param sourceKey    the row's own number in its source system, or null
 */
public record PlacedRow(PendingRecord source, String entity, String code, String buildingCode, MatchRule rule,
                        double score, String sourceKey) {
}
