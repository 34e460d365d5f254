package city.twofour.feed;

import java.util.Map;

/**
 * A delivered row that passed its feed's checks, its values normalised (codes upper-case and upgraded, dates ISO,
 * phones in one form, enumerations mapped, coordinates in CGCS2000).
 *
 * @param values field name → normalised value (text or number)
 */
public record FeedRecord(long fileId, int recordNo, Map<String, Object> values) {
}
