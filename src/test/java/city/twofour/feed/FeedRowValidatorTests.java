package city.twofour.feed;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import city.twofour.grid.CityExtent;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class FeedRowValidatorTests {

    private static final FeedDefinition FLOATING = FeedDefinitions.read(Path.of("jobs/feeds/floating-population.yml"));
    private static final FeedDefinition CITY_PARTS = FeedDefinitions.read(Path.of("jobs/feeds/city-parts.yml"));

    private final FeedRowValidator floating = new FeedRowValidator(FLOATING, CityExtent.DONGGUAN);
    private final FeedRowValidator cityParts = new FeedRowValidator(CITY_PARTS, CityExtent.DONGGUAN);

    @Test
    void derivesBirthDateAndSexFromTheCitizenIdWhenTheRowHasNone() {
        FeedRecord record = floating.process(row(FLOATING, Map.of("name", "李娜", "citizen_id", "441900750101201",
                "address", "东莞市南城街道", "registered_on", "2026/11/20")));

        assertThat(record.fields()).isEqualTo(FLOATING.recordFields());
        assertThat(record.value("citizen_id")).isEqualTo("441900197501012012");
        assertThat(record.value("birth_date")).isEqualTo("1975-01-01");
        assertThat(record.value("sex")).isEqualTo("male");
        assertThat(record.value("registered_on")).isEqualTo("2026-11-20");
        assertThat(record.value("phone")).isNull();
    }

    @Test
    void rejectsABirthDateOrSexThatContradictsTheCitizenId() {
        Map<String, String> base = Map.of("name", "陈静", "citizen_id", "441900199001012461", "address", "东莞市",
                "registered_on", "2026-11-20");

        assertThat(rejection(FLOATING, with(base, "birth_date", "1990-01-02")))
                .extracting(RejectedRecordException::field, RejectedRecordException::reason)
                .containsExactly("birth_date", RejectReason.CITIZEN_ID_MISMATCH);
        assertThat(rejection(FLOATING, with(base, "sex", "男")))
                .extracting(RejectedRecordException::field, RejectedRecordException::reason)
                .containsExactly("sex", RejectReason.CITIZEN_ID_MISMATCH);
        assertThat(floating.process(row(FLOATING, with(base, "sex", "女"))).value("sex")).isEqualTo("female");
    }

    @Test
    void rejectsAMissingRequiredFieldNamingIt() {
        RejectedRecordException missing = rejection(FLOATING, Map.of("citizen_id", "441900199001012461",
                "address", "东莞市", "registered_on", "2026-11-20"));

        assertThat(missing.field()).isEqualTo("name");
        assertThat(missing.reason()).isEqualTo(RejectReason.MISSING_REQUIRED_FIELD);
        assertThat(missing.messageZh()).contains("姓名");
    }

    @Test
    void rejectsALineThatIsNotARowOfTheHeadersColumnsAsAWhole() {
        List<String> header = FLOATING.fields().values().stream().map(FieldDefinition::column).toList();
        CsvRow truncated = new CsvRow(1, 9, header, List.of("马超", "4419"), "马超,4419", null, false);

        assertThat(catchThrowableOfType(RejectedRecordException.class, () -> floating.process(truncated)))
                .extracting(RejectedRecordException::field, RejectedRecordException::reason, RejectedRecordException::detail)
                .containsExactly(null, RejectReason.TRUNCATED_LINE, "2 columns, the header has 7");
    }

    @Test
    void rejectsALineWithNulBytesAsBadlyEncoded() {
        RejectedRecordException nul = rejection(FLOATING, Map.of("name", "李\0娜", "citizen_id", "441900199001012461",
                "address", "东莞市", "registered_on", "2026-11-20"));

        assertThat(nul.field()).isNull();
        assertThat(nul.reason()).isEqualTo(RejectReason.BAD_ENCODING);
    }

    @Test
    void rejectsAValueWithTheUnitSeparatorThatSeparatesStagedValues() {
        RejectedRecordException separator = rejection(FLOATING, Map.of("name", "李娜", "citizen_id", "441900199001012461",
                "address", "东莞市\u001F南城", "registered_on", "2026-11-20"));

        assertThat(separator.field()).isEqualTo("address");
        assertThat(separator.reason()).isEqualTo(RejectReason.BAD_ENCODING);
    }

    @Test
    void convertsGcj02CoordinatesToCgcs2000AndRejectsPointsOutsideTheCity() {
        FeedRecord hydrant = cityParts.process(row(CITY_PARTS, Map.of("code", "DG-1", "kind", "消防栓", "longitude", "113.757912",
                "latitude", "23.025311")));

        assertThat(Double.parseDouble(hydrant.value("longitude"))).isBetween(113.7520, 113.7560);
        assertThat(Double.parseDouble(hydrant.value("latitude"))).isBetween(23.0270, 23.0290);
        assertThat(rejection(CITY_PARTS, Map.of("code", "DG-2", "kind", "路灯", "longitude", "23.02", "latitude", "113.75")))
                .extracting(RejectedRecordException::field, RejectedRecordException::reason, RejectedRecordException::detail)
                .containsExactly("longitude", RejectReason.COORDINATE_OUTSIDE_CITY,
                        "longitude and latitude look swapped (23.02, 113.75 in GCJ02)");
    }

    /** A well-formed line of the feed with the given field values, the other columns empty. */
    private static CsvRow row(FeedDefinition feed, Map<String, String> fields) {
        Map<String, String> columns = new LinkedHashMap<>();
        feed.fields().forEach((name, f) -> columns.put(f.column(), fields.getOrDefault(name, "")));
        return new CsvRow(1, 2, List.copyOf(columns.keySet()), List.copyOf(columns.values()), String.join(",", columns.values()),
                null, true);
    }

    private static Map<String, String> with(Map<String, String> base, String field, String value) {
        Map<String, String> fields = new java.util.HashMap<>(base);
        fields.put(field, value);
        return fields;
    }

    private static RejectedRecordException rejection(FeedDefinition feed, Map<String, String> fields) {
        FeedRowValidator validator = new FeedRowValidator(feed, CityExtent.DONGGUAN);
        return catchThrowableOfType(RejectedRecordException.class, () -> validator.process(row(feed, fields)));
    }
}
