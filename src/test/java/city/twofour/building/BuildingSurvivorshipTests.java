package city.twofour.building;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import city.twofour.feed.EntityType;
import city.twofour.feed.FeedDefinition;
import city.twofour.feed.FieldDefinition;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BuildingSurvivorshipTests {

    private final BuildingSurvivorship survivorship = new BuildingSurvivorship(Map.of(
            "building-registry", feed("building-registry", 1, "registered_on", null),
            "field-buildings", feed("field-buildings", 2, "collected_at", 1)));

    @Test
    void theMoreTrustedFeedWinsOverAMoreRecentRow() {
        List<SourceRow> rows = List.of(
                row("building-registry", 1, "2017-03-01", "owner_name", "张婉仪"),
                row("field-buildings", 2, "2026-08-04", "owner_name", "章婉仪"));

        assertThat(survivorship.value(rows, "owner_name")).isEqualTo("张婉仪");
    }

    @Test
    void aFieldRanksItsFeedAsTheFeedDefinitionSays() {
        List<SourceRow> rows = List.of(
                row("building-registry", 1, "2017-03-01", "floors", "3"),
                row("field-buildings", 2, "2026-08-04", "floors", "4"));

        assertThat(survivorship.value(rows, "floors")).isEqualTo("4");
    }

    @Test
    void amongEquallyTrustedRowsTheMostRecentWinsWhateverTheOrder() {
        SourceRow older = row("building-registry", 1, "2017-03-01", "owner_name", "张婉仪");
        SourceRow newer = row("building-registry", 1, "2024-05-01", "owner_name", "罗丽珍");

        assertThat(survivorship.value(List.of(older, newer), "owner_name")).isEqualTo("罗丽珍");
        assertThat(survivorship.value(List.of(newer, older), "owner_name")).isEqualTo("罗丽珍");
    }

    @Test
    void aRowWithoutTheValueNeverWins() {
        List<SourceRow> rows = List.of(
                row("building-registry", 1, "2024-03-01", "name", "1栋"),
                row("field-buildings", 2, "2026-08-04", "owner_name", "张婉仪"));

        assertThat(survivorship.value(rows, "owner_name")).isEqualTo("张婉仪");
        assertThat(survivorship.value(rows, "use")).isNull();
    }

    private static SourceRow row(String feed, int fileId, String date, String field, String value) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put(feed.equals("field-buildings") ? "collected_at" : "registered_on", date);
        values.put(field, value);
        return new SourceRow(feed, fileId, 2, values);
    }

    private static FeedDefinition feed(String name, int priority, String dateField, Integer floorsPriority) {
        Map<String, FieldDefinition> fields = new LinkedHashMap<>();
        fields.put("owner_name", new FieldDefinition("产权人", null, false, null, null, null));
        fields.put("floors", new FieldDefinition("层数", null, false, null, null, floorsPriority));
        fields.put(dateField, new FieldDefinition("日期", null, false, null, null, null));
        return new FeedDefinition(name, "住建局", EntityType.BUILDING, "*.csv", "UTF-8", ",", null, priority, fields);
    }
}
