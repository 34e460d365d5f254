package city.twofour.grid.internal;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import tools.jackson.databind.json.JsonMapper;

/**
 * Turns the attributes of a shapefile record into the properties of a grid feature. dBASE field names have at most
 * ten characters, so the grid properties are found by alias, ignoring case:
 * <table>
 *   <tr><th>property</th><th>field names</th></tr>
 *   <tr><td>{@code code}</td><td>{@code CODE}, {@code WGBM}, {@code 网格编码}</td></tr>
 *   <tr><td>{@code name}</td><td>{@code NAME}, {@code WGMC}, {@code 网格名称}</td></tr>
 *   <tr><td>{@code village_code}</td><td>{@code VILLAGE_CO}, {@code VILLAGE_CODE}, {@code SQBM}, {@code 村社区编码}</td></tr>
 *   <tr><td>{@code town_code}</td><td>{@code TOWN_CODE}, {@code ZJBM}, {@code 镇街编码}</td></tr>
 * </table>
 * The first alias in this order that has a value wins. The properties keep every attribute under its own name and
 * add the grid properties as text (a number without its trailing zeros).
 */
public final class GridAttributes {

    private static final Map<String, List<String>> ALIASES = aliases();

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private GridAttributes() {
    }

    /** The properties of the feature as JSON text. */
    public static String propertiesJson(Map<String, Object> attributes) {
        Map<String, Object> properties = new LinkedHashMap<>(attributes);
        ALIASES.forEach((property, aliases) -> aliases.stream()
                .map(alias -> valueOf(attributes, alias))
                .filter(Objects::nonNull)
                .findFirst()
                .ifPresent(value -> properties.put(property, text(value))));
        return JSON.writeValueAsString(properties);
    }

    private static Map<String, List<String>> aliases() {
        Map<String, List<String>> aliases = new LinkedHashMap<>();
        aliases.put("code", List.of("code", "WGBM", "网格编码"));
        aliases.put("name", List.of("name", "WGMC", "网格名称"));
        aliases.put("village_code", List.of("VILLAGE_CO", "village_code", "SQBM", "村社区编码"));
        aliases.put("town_code", List.of("town_code", "ZJBM", "镇街编码"));
        return aliases;
    }

    private static Object valueOf(Map<String, Object> attributes, String alias) {
        return attributes.entrySet().stream()
                .filter(a -> a.getKey().equalsIgnoreCase(alias) && a.getValue() != null)
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(null);
    }

    private static String text(Object value) {
        return value instanceof BigDecimal number ? number.stripTrailingZeros().toPlainString() : value.toString();
    }
}
