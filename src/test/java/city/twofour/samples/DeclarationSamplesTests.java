package city.twofour.samples;

import static org.assertj.core.api.Assertions.assertThat;

import city.twofour.samples.internal.FeedLines;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The committed tiny city's data for the declare-and-verify cycle: the officer roster, declarations naming their
 * entity by the key the master data knows, corrections of a real fact, verification results, and a truth that is
 * the master data after the verified changes.
 */
class DeclarationSamplesTests {

    private static final Path TINY = Path.of("samples/tiny");
    private static final String ROSTER = "feeds/grid/grid_officers_20261122.csv";
    private static final String DECLARATIONS = "feeds/grid/declarations_20261122.csv";
    private static final String RESULTS = "feeds/grid/verification_results_20261122.csv";
    private static final Set<String> FACILITY_FEEDS = Set.of("feeds/public-security/cameras_20261122.csv",
            "feeds/fire/hydrants_20261122.csv", "feeds/city-management/city_parts_20261122.csv");
    private static final Map<String, String> LABELS = Map.of("STREET_LAMP", "路灯", "MANHOLE_COVER", "井盖",
            "WASTE_BIN", "垃圾桶", "CAMERA", "摄像头", "FIRE_HYDRANT", "消防栓");
    private static final Map<String, String> KEY_FORMATS = Map.of("STREET_LAMP", "4419000401\\d{12}",
            "MANHOLE_COVER", "4419000103\\d{12}", "WASTE_BIN", "4419000505\\d{12}", "CAMERA", "\\d{20}",
            "FIRE_HYDRANT", "XHS\\d{12}");
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final double METRES_PER_DEGREE = 111_320.0;

    private static final Map<String, List<CSVRecord>> feedRows = new HashMap<>();
    private static final Map<String, CSVRecord> declarations = new HashMap<>();
    private static Map<String, String> facilityTypes;
    private static final Map<String, FeedLines> feeds = new HashMap<>();

    @BeforeAll
    static void readTruth() throws IOException {
        for (CSVRecord r : truth("feed_rows.csv")) {
            feedRows.computeIfAbsent(r.get("feed"), k -> new ArrayList<>()).add(r);
        }
        truth("declarations.csv").forEach(d -> declarations.put(d.get("declaration_no"), d));
        facilityTypes = column("facilities.csv", "facility_id", "type");
    }

    @Test
    void everyGridHasOneToThreeOfficersAndKeepsOneOnTheRosterWhenRowsAreRejected() throws IOException {
        Map<String, Integer> officers = new HashMap<>();
        for (CSVRecord o : truth("grid_officers.csv")) {
            officers.merge(o.get("grid_code"), 1, Integer::sum);
            assertThat(o.get("officer_id")).matches("WG" + o.get("grid_code") + "\\d{2}");
            assertThat(o.get("phone")).matches("1\\d{10}");
        }
        Set<String> onRoster = new HashSet<>();
        Set<String> reasons = new HashSet<>();
        for (CSVRecord r : feedRows.get(ROSTER)) {
            assertThat(r.get("entity_kind")).isEqualTo("OFFICER");
            if (r.get("expected_reason").isEmpty()) {
                onRoster.add(r.get("grid_code"));
            } else {
                reasons.add(r.get("expected_reason") + " " + r.get("field"));
            }
        }

        assertThat(officers.keySet()).containsExactlyInAnyOrderElementsOf(gridCodes()).isEqualTo(onRoster);
        assertThat(officers.values()).allSatisfy(n -> assertThat(n).isBetween(1, 3));
        assertThat(reasons).contains("MISSING_REQUIRED_FIELD 网格编码", "BAD_PHONE 联系电话");
    }

    @Test
    void declarationsNameTheirEntityByTheKeyTheMasterDataKnows() throws IOException {
        Map<String, String> citizenIds = column("people.csv", "person_id", "citizen_id");
        Map<String, String> creditCodes = column("units.csv", "unit_id", "credit_code");
        Map<String, String> departmentCodes = new HashMap<>();
        for (String feed : FACILITY_FEEDS) {
            for (CSVRecord r : accepted(feed)) {
                departmentCodes.put(r.get("entity_id"), fields(feed, r).get(0));
            }
        }
        int checked = 0;
        for (CSVRecord row : accepted(DECLARATIONS)) {
            List<String> f = fields(DECLARATIONS, row);
            CSVRecord d = declarations.get(f.get(0));
            String id = d.get("entity_id");
            String key = d.get("entity_key");
            assertThat(f.get(5)).isEqualTo(key);
            switch (f.get(4)) {
                case "PERSON" -> assertThat(key).isEqualTo(citizenIds.get(id));
                case "UNIT" -> assertThat(key).isEqualTo(creditCodes.get(id));
                case "BUILDING", "ADDRESS" -> assertThat(key).isEqualTo(id);
                case "FACILITY" -> {
                    assertThat(key).matches(KEY_FORMATS.get(facilityTypes.get(id)));
                    if (departmentCodes.containsKey(id)) {
                        assertThat(key).isEqualTo(departmentCodes.get(id));
                    }
                }
                default -> throw new AssertionError("unexpected object type " + f.get(4));
            }
            checked++;
        }
        assertThat(checked).isGreaterThan(40);
    }

    @Test
    void aCorrectedDeclarationStatesOneFactWronglyAndTheTruthHoldsTheTrueValue() throws IOException {
        Map<String, String> standard = column("addresses.csv", "address_code", "standard_address");
        Map<String, String> floors = column("buildings.csv", "building_code", "floors");
        Map<String, CSVRecord> declared = new HashMap<>();
        for (CSVRecord row : feedRows.get(DECLARATIONS)) {
            declared.put(row.get("entity_id"), row);
        }
        int corrected = 0;
        for (CSVRecord d : declarations.values()) {
            if (!d.get("expected_result").equals("更正")) {
                assertThat(d.get("corrected_field") + d.get("corrected_value")).isEmpty();
                continue;
            }
            corrected++;
            CSVRecord row = declared.get(d.get("declaration_no"));
            List<String> f = row.get("expected_reason").isEmpty() ? fields(DECLARATIONS, row) : null;
            String value = d.get("corrected_value");
            switch (d.get("type")) {
                case "租客入住", "新开业" -> {
                    assertThat(d.get("corrected_field")).isEqualTo("地址");
                    assertThat(value).isEqualTo(standard.get(d.get("address_code")));
                    assertThat(row.get("noise")).contains("WRONG_ADDRESS");
                }
                case "新建房屋" -> {
                    assertThat(d.get("corrected_field")).isEqualTo("层数");
                    assertThat(value).isEqualTo(floors.get(d.get("entity_id")));
                    assertThat(f == null ? "" : f.get(7)).matches("|\\d+层").isNotEqualTo(value + "层");
                }
                case "新增设施", "设施损坏" -> {
                    assertThat(d.get("corrected_field")).isEqualTo("类型");
                    assertThat(value).isEqualTo(LABELS.get(facilityTypes.get(d.get("entity_id"))));
                    if (f != null) {
                        assertThat(f.get(6)).isIn(LABELS.values()).isNotEqualTo(value);
                    }
                }
                default -> throw new AssertionError(d.get("type") + " cannot be corrected");
            }
        }
        long isTrue = declarations.values().stream().filter(d -> d.get("is_true").equals("Y")).count();
        assertThat((double) corrected / isTrue).isBetween(0.05, 0.2);
    }

    @Test
    void resultsAreByAnOfficerOfTheDeclaredPlacesGridAfterTheDeclaration() throws IOException {
        Map<String, String> officerGrids = new HashMap<>();
        for (CSVRecord r : accepted(ROSTER)) {
            officerGrids.put(r.get("entity_id"), r.get("grid_code"));
        }
        Map<String, List<String>> declared = new HashMap<>();
        for (CSVRecord row : accepted(DECLARATIONS)) {
            declared.put(row.get("entity_id"), fields(DECLARATIONS, row));
        }
        Map<String, double[]> places = points("buildings.csv", "building_code");
        places.putAll(points("facilities.csv", "facility_id"));
        int results = 0;
        int evidence = 0;
        for (CSVRecord row : accepted(RESULTS)) {
            if (!row.get("duplicate_of").isEmpty()) {
                continue;
            }
            List<String> f = fields(RESULTS, row);
            CSVRecord d = declarations.get(f.get(1));
            List<String> declaration = declared.get(f.get(1));
            assertThat(declaration).as("result for a delivered, accepted declaration: %s", f).isNotNull();
            assertThat(f.get(0)).isEqualTo("RW" + f.get(1).substring(2));
            assertThat(f.get(2)).isEqualTo(d.get("grid_code"));
            assertThat(f.get(3)).isEqualTo(d.get("expected_result"));
            assertThat(f.get(4)).isEqualTo(d.get("corrected_field").isEmpty() ? ""
                    : d.get("corrected_field") + "=" + d.get("corrected_value"));
            assertThat(officerGrids.get(f.get(7))).isEqualTo(f.get(2));
            LocalDateTime verified = LocalDateTime.parse(f.get(9), MINUTES);
            assertThat(verified).isAfter(LocalDateTime.parse(declaration.get(2), SECONDS))
                    .isBefore(LocalDateTime.of(2026, 11, 22, 6, 1));
            double[] place = places.get(d.get("entity_id"));
            if (place == null) {
                assertThat(f.get(5) + f.get(6)).isEmpty();
            } else {
                double lon = Double.parseDouble(f.get(5));
                double lat = Double.parseDouble(f.get(6));
                double dx = (lon - place[0]) * METRES_PER_DEGREE * Math.cos(Math.toRadians(lat));
                double dy = (lat - place[1]) * METRES_PER_DEGREE;
                assertThat(Math.hypot(dx, dy)).isLessThan(4.0);
            }
            assertThat(f.get(10)).matches("|ZP\\d{12}");
            evidence += f.get(10).isEmpty() ? 0 : 1;
            results++;
        }
        List<CSVRecord> delivered = feedRows.get(RESULTS).stream()
                .filter(r -> r.get("duplicate_of").isEmpty() && !r.get("expected_reason").equals("UNKNOWN_TASK")).toList();
        assertThat(delivered).allSatisfy(r -> assertThat(declared).as("a result for an accepted declaration")
                .containsKey(r.get("entity_id")));
        assertThat((double) delivered.size() / declared.size()).isBetween(0.8, 0.97);
        assertThat((double) evidence / results).isBetween(0.55, 0.85);
    }

    @Test
    void someResultsAreFaultyAndOneLineIsDeliveredTwice() throws IOException {
        Set<String> reasons = new HashSet<>();
        FeedLines results = feed(RESULTS);
        int twice = 0;
        for (CSVRecord row : feedRows.get(RESULTS)) {
            assertThat(row.get("entity_kind")).isEqualTo("VERIFICATION");
            reasons.add(row.get("expected_reason") + " " + row.get("field"));
            if (!row.get("duplicate_of").isEmpty()) {
                int first = Integer.parseInt(row.get("duplicate_of").substring(RESULTS.length() + 1));
                assertThat(results.line(Integer.parseInt(row.get("line")))).isEqualTo(results.line(first));
                assertThat(row.get("expected_reason")).isEmpty();
                twice++;
            }
        }

        assertThat(reasons).contains("UNKNOWN_TASK 任务编号", "OFFICER_NOT_IN_GRID 核查人编号", "BAD_CORRECTION 更正内容");
        assertThat(twice).isPositive();
    }

    @Test
    void theTruthIsTheMasterDataAfterTheVerifiedChanges() throws IOException {
        Map<String, CSVRecord> people = records("people.csv", "person_id");
        Map<String, CSVRecord> units = records("units.csv", "unit_id");
        Map<String, CSVRecord> buildings = records("buildings.csv", "building_code");
        Map<String, CSVRecord> facilities = records("facilities.csv", "facility_id");
        Map<String, CSVRecord> addresses = records("addresses.csv", "address_code");
        Set<String> types = new HashSet<>();
        for (CSVRecord d : declarations.values()) {
            String id = d.get("entity_id");
            boolean isTrue = d.get("is_true").equals("Y");
            types.add(d.get("type"));
            switch (d.get("type")) {
                case "人员迁出", "租客退租" -> assertThat(people.get(id).get("status")).isEqualTo(isTrue ? "MOVED_OUT" : "RESIDENT");
                case "租客入住" -> {
                    assertThat(people.get(id).get("status")).isEqualTo("RESIDENT");
                    assertThat(people.get(id).get("address_code")).isEqualTo(d.get("address_code"));
                }
                case "新开业" -> {
                    assertThat(units.get(id).get("status")).isEqualTo("OPEN");
                    assertThat(units.get(id).get("address_code")).isEqualTo(d.get("address_code"));
                }
                case "歇业" -> assertThat(units.get(id).get("status")).isEqualTo("CLOSED");
                case "新建房屋" -> assertThat(buildings.get(id).get("status")).isEqualTo("STANDING");
                case "房屋拆除" -> assertThat(buildings.get(id).get("status")).isEqualTo("DEMOLISHED");
                case "设施损坏" -> assertThat(facilities.get(id).get("status")).isEqualTo("DAMAGED");
                case "新增设施" -> assertThat(facilities.get(id).get("in_department_list")).isEqualTo("N");
                case "地址更正" -> assertThat(addresses).containsKey(id);
                default -> throw new AssertionError("unexpected declaration type " + d.get("type"));
            }
            assertThat(isTrue || d.get("type").equals("人员迁出")).as("only 人员迁出 can be untrue").isTrue();
        }
        assertThat(types).hasSizeGreaterThanOrEqualTo(8);
    }

    private static Set<String> gridCodes() throws IOException {
        Set<String> codes = new HashSet<>();
        Matcher m = Pattern.compile("\"code\":\"(\\d{15})\"").matcher(Files.readString(TINY.resolve("grids.geojson")));
        while (m.find()) {
            codes.add(m.group(1));
        }
        return codes;
    }

    /** The truth rows of a feed's lines that must be accepted. */
    private static List<CSVRecord> accepted(String feed) {
        return feedRows.get(feed).stream().filter(r -> r.get("expected_reason").isEmpty()).toList();
    }

    private static List<String> fields(String feed, CSVRecord truthRow) {
        return feed(feed).fields(Integer.parseInt(truthRow.get("line")));
    }

    private static FeedLines feed(String feed) {
        return feeds.computeIfAbsent(feed, f -> {
            try {
                return FeedLines.read(TINY, f);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static Map<String, String> column(String file, String key, String value) throws IOException {
        Map<String, String> values = new HashMap<>();
        truth(file).forEach(r -> values.put(r.get(key), r.get(value)));
        return values;
    }

    private static Map<String, CSVRecord> records(String file, String key) throws IOException {
        Map<String, CSVRecord> records = new HashMap<>();
        truth(file).forEach(r -> records.put(r.get(key), r));
        return records;
    }

    private static Map<String, double[]> points(String file, String key) throws IOException {
        Map<String, double[]> points = new HashMap<>();
        truth(file).forEach(r -> points.put(r.get(key),
                new double[] {Double.parseDouble(r.get("lon")), Double.parseDouble(r.get("lat"))}));
        return points;
    }

    private static List<CSVRecord> truth(String file) throws IOException {
        return SamplesGeneratorTests.csv(TINY.resolve("truth").resolve(file));
    }
}
