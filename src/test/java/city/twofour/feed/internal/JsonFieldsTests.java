package city.twofour.feed.internal;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class JsonFieldsTests {

    @Test
    void writesTextAndNumbersAsAJsonObjectThatReadsBackTheSame() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("name", "何平");
        values.put("address", "东莞市\"大岭山\"\\镇\t1号\n\u0001");
        values.put("floors", 12L);
        values.put("area", new BigDecimal("85.50"));
        values.put("longitude", 113.7539123);

        String json = JsonFields.write(values, new StringBuilder("left from the last record")).toString();

        assertThat(json).startsWith("{\"name\":\"何平\",\"address\":\"东莞市\\\"大岭山\\\"\\\\镇\\t1号\\n\\u0001\",\"floors\":12,");
        assertThat(new JsonMapper().readValue(json, new TypeReference<Map<String, Object>>() {
        })).containsEntry("name", "何平").containsEntry("address", values.get("address")).containsEntry("floors", 12)
                .containsEntry("area", 85.5).containsEntry("longitude", 113.7539123);
    }

    @Test
    void writesNoFieldsAsAnEmptyObject() {
        assertThat(JsonFields.write(Map.of(), new StringBuilder()).toString()).isEqualTo("{}");
    }
}
