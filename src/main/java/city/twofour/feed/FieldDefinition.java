package city.twofour.feed;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One field of a feed: the delivered column it comes from and how it is checked.
 *
 * @param column   the column name in the file's header line, as delivered (e.g. {@code 公民身份号码})
 * @param type     how the value is checked and normalised
 * @param required whether a row without a value is rejected ({@code MISSING_REQUIRED_FIELD})
 * @param formats  for {@link FieldType#DATE} and {@link FieldType#DATETIME}: accepted patterns ({@code yyyyMMdd}, ...);
 *                 empty for the defaults
 * @param values   for {@link FieldType#ENUM}: delivered value → normalised value
 * @param priority rank of this feed as a source of the attribute, 1 = most trusted; null for the feed's rank
 */
public record FieldDefinition(String column, FieldType type, boolean required, List<String> formats,
                              Map<String, String> values, Integer priority) {

    public FieldDefinition {
        type = type == null ? FieldType.TEXT : type;
        formats = formats == null ? List.of() : List.copyOf(formats);
        values = values == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }
}
