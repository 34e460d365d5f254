package city.twofour.verification;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;

import city.twofour.feed.SourceRecord;

/**
 * A verification task a declaration opens (or joins, when a live task already checks the same fact).
 *
 * @param source        the declaration's delivered row
 * @param code          the task number: {@code RW} + the declaration's digits
 * @param declarationNo the declaration number (申报编号)
 * @param entityKey     the key of the record concerned in its master table
 * @param factKey       type, record and place: two declarations with the same fact key make one task
 * @param facts         what to check, as declared (name, content, floors, facility type, whether the record is known)
 * @param addressText   the address as declared
 */
public record OpenedTask(SourceRecord source, String code, String declarationNo, TaskType type, String entity,
                         String entityKey, String factKey, Map<String, Object> facts, String addressText, Place place,
                         LocalDateTime openedAt, LocalDate dueOn) {
}
