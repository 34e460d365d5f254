package city.twofour.feed;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import city.twofour.grid.CoordinateSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FeedDefinitionsTests {

    private static final String VALID = """
            name: floating
            department: 市公安局
            entity: person
            files: "public-security/*.csv"
            encoding: GB18030
            delimiter: ","
            priority: 2
            fields:
              citizen_id: {column: 公民身份号码, type: citizen_id, required: true}
              sex: {column: 性别, type: enum, values: {男: male, 女: female}}
              phone: {column: 联系电话, type: phone, priority: 1}
            """;

    @TempDir
    Path folder;

    @Test
    void theCommittedDefinitionsAreValid() {
        FeedDefinitions definitions = new FeedDefinitions(Path.of("jobs/feeds"));

        assertThat(definitions.names()).contains("floating-population", "business-registry", "city-parts");
        definitions.names().forEach(definitions::get);
        assertThat(definitions.get("city-parts").coordinateSystem()).isEqualTo(CoordinateSystem.GCJ02);
    }

    @Test
    void bindsADefinitionWithFieldsInFileOrderAndPrioritiesPerAttribute() throws IOException {
        FeedDefinition feed = definitions(VALID).get("floating");

        assertThat(feed.entity()).isEqualTo(EntityType.PERSON);
        assertThat(feed.charset().name()).isEqualTo("GB18030");
        assertThat(feed.fields()).containsOnlyKeys("citizen_id", "sex", "phone");
        assertThat(feed.fields().keySet()).containsExactly("citizen_id", "sex", "phone");
        assertThat(feed.fields().get("citizen_id").type()).isEqualTo(FieldType.CITIZEN_ID);
        assertThat(feed.fields().get("sex").values()).containsEntry("女", "female");
        assertThat(feed.priorityOf("phone")).isEqualTo(1);
        assertThat(feed.priorityOf("sex")).isEqualTo(2);
        assertThat(feed.coordinateSystem()).isEqualTo(CoordinateSystem.CGCS2000);
    }

    @Test
    void namesTheFileAndKeyOfAnUnknownValue() throws IOException {
        assertThatThrownBy(() -> definitions(VALID.replace("type: phone", "type: telephone")).get("floating"))
                .isInstanceOf(InvalidFeedDefinitionException.class)
                .hasMessageContaining("floating.yml").hasMessageContaining("fields.phone.type");
    }

    @Test
    void namesTheFileAndKeyOfAnUnknownKey() throws IOException {
        assertThatThrownBy(() -> definitions(VALID.replace("priority: 2", "priority: 2\nowner: x")).get("floating"))
                .isInstanceOf(InvalidFeedDefinitionException.class).hasMessageContaining("owner");
    }

    @Test
    void refusesFilePatternsThatLeaveTheInbox() throws IOException {
        assertThatThrownBy(() -> definitions(VALID.replace("public-security/*.csv", "../secret/*.csv")).get("floating"))
                .hasMessageContaining("files").hasMessageContaining("no '..'");
        assertThatThrownBy(() -> definitions(VALID.replace("public-security/*.csv", "/etc/*.csv")).get("floating"))
                .hasMessageContaining("files");
    }

    @Test
    void refusesAnUnsupportedEncodingAndAnEnumWithoutValues() throws IOException {
        assertThatThrownBy(() -> definitions(VALID.replace("GB18030", "Big5")).get("floating"))
                .hasMessageContaining("encoding");
        assertThatThrownBy(() -> definitions(VALID.replace(", values: {男: male, 女: female}", "")).get("floating"))
                .hasMessageContaining("fields.sex.values");
    }

    @Test
    void refusesLongitudeWithoutLatitudeOrCoordinateSystem() throws IOException {
        String withLongitude = VALID.replace("fields:\n", "fields:\n  lon: {column: 经度, type: longitude}\n");

        assertThatThrownBy(() -> definitions(withLongitude).get("floating")).hasMessageContaining("latitude");
    }

    @Test
    void refusesANameThatIsNotTheFileNameAndAFeedThatDoesNotExist() throws IOException {
        assertThatThrownBy(() -> definitions(VALID.replace("name: floating", "name: other")).get("floating"))
                .hasMessageContaining("name").hasMessageContaining("differs from the file name");
        assertThatThrownBy(() -> definitions(VALID).get("../floating")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> definitions(VALID).get("nothing")).hasMessageContaining("feeds: floating");
    }

    private FeedDefinitions definitions(String yaml) throws IOException {
        Files.writeString(folder.resolve("floating.yml"), yaml);
        return new FeedDefinitions(folder);
    }
}
