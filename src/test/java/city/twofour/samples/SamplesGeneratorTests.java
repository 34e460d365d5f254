package city.twofour.samples;

import static org.assertj.core.api.Assertions.assertThat;

import city.twofour.population.CitizenId;
import city.twofour.samples.internal.Divisions;
import city.twofour.samples.internal.FeedLines;
import city.twofour.samples.internal.OperationalMap;
import city.twofour.samples.internal.OperationalMap.Grid;
import city.twofour.unit.CreditCode;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;

class SamplesGeneratorTests {

    @TempDir
    static Path temp;
    static Path tiny;

    @BeforeAll
    static void generateTiny() {
        tiny = temp.resolve("tiny");
        new SamplesGenerator(Scale.TINY, SamplesGenerator.DEFAULT_SEED, 1.0, NoiseModel.defaults()).generate(tiny);
    }

    @Test
    void theSameSeedWritesIdenticalBytesAndAnotherSeedDoesNot() throws Exception {
        Path again = temp.resolve("again");
        Path other = temp.resolve("other");
        new SamplesGenerator(Scale.TINY, SamplesGenerator.DEFAULT_SEED, 1.0, NoiseModel.defaults()).generate(again);
        new SamplesGenerator(Scale.TINY, 7, 1.0, NoiseModel.defaults()).generate(other);

        assertThat(treeHash(again)).isEqualTo(treeHash(tiny));
        assertThat(treeHash(other)).isNotEqualTo(treeHash(tiny));
    }

    @Test
    void theCommittedTinySampleIsWhatTheGeneratorWrites() throws Exception {
        Path committed = Path.of("samples/tiny");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(committed), "samples/tiny not present");

        assertThat(treeHash(committed)).as("regenerate samples/tiny with the default seed").isEqualTo(treeHash(tiny));
    }

    @Test
    void divisionsAndGridsDescribeOneTownWithItsRealVillages() throws IOException {
        List<CSVRecord> divisions = csv(tiny.resolve("divisions.csv"));

        assertThat(divisions.get(0).get("code")).isEqualTo("441900006");
        assertThat(divisions.get(0).get("level")).isEqualTo("town");
        assertThat(divisions.get(0).get("parent_code")).isEqualTo("441900");
        assertThat(divisions.subList(1, divisions.size())).hasSize(8)
                .allSatisfy(r -> {
                    assertThat(r.get("level")).isEqualTo("village");
                    assertThat(r.get("parent_code")).isEqualTo("441900006");
                    assertThat(r.get("code")).hasSize(12).startsWith("441900006");
                });
        String geojson = Files.readString(tiny.resolve("grids.geojson"));
        assertThat(geojson).startsWith("{\"type\":\"FeatureCollection\",\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"urn:ogc:def:crs:EPSG::4490\"}}");
        long features = geojson.lines().filter(l -> l.startsWith("{\"type\":\"Feature\"")).count();
        assertThat(features).isEqualTo(OperationalMap.build(Divisions.load(), SamplesGenerator.DEFAULT_SEED).grids().stream()
                .filter(g -> g.town().code().equals("441900006")).count());
        assertThat(geojson).contains("\"name\":\"东正社区第1网格\"", "\"type\":\"MultiPolygon\"");
    }

    @Test
    void gridsGeoJsonAndManifestAreWellFormedJson() throws Exception {
        tools.jackson.databind.JsonNode collection = new tools.jackson.databind.ObjectMapper()
                .readTree(Files.readString(tiny.resolve("grids.geojson")));
        org.locationtech.jts.io.geojson.GeoJsonReader reader = new org.locationtech.jts.io.geojson.GeoJsonReader();

        assertThat(collection.get("crs").get("properties").get("name").asString()).isEqualTo("urn:ogc:def:crs:EPSG::4490");
        for (tools.jackson.databind.JsonNode feature : collection.get("features")) {
            org.locationtech.jts.geom.Geometry g = reader.read(feature.get("geometry").toString());
            assertThat(g.getGeometryType()).isEqualTo("MultiPolygon");
            assertThat(g.isValid()).isTrue();
            assertThat(feature.get("properties").get("code").asString())
                    .startsWith(feature.get("properties").get("village_code").asString());
        }
        tools.jackson.databind.JsonNode manifest = new tools.jackson.databind.ObjectMapper()
                .readTree(Files.readString(tiny.resolve("manifest.json")));
        assertThat(manifest.get("seed").asLong()).isEqualTo(SamplesGenerator.DEFAULT_SEED);
        assertThat(manifest.get("noise").get("duplicateInFeed").asDouble()).isEqualTo(0.02);
        assertThat(manifest.get("figures").get("grids").asLong()).isEqualTo(collection.get("features").size());
    }

    @Test
    void everyCitizenIdAndCreditCodeInTheTruthValidates() throws IOException {
        List<CSVRecord> people = csv(tiny.resolve("truth/people.csv"));
        assertThat(people).isNotEmpty();
        for (CSVRecord p : people) {
            CitizenId id = CitizenId.parse(p.get("citizen_id"));
            assertThat(id.birthDate()).isEqualTo(LocalDate.parse(p.get("birth_date")));
            assertThat(id.sex().name()).isEqualTo(p.get("sex"));
            assertThat(id.regionCode()).isEqualTo(p.get("origin_region"));
        }
        for (CSVRecord b : csv(tiny.resolve("truth/buildings.csv"))) {
            assertThat(CitizenId.isValid(b.get("owner_citizen_id"))).isTrue();
        }
        List<CSVRecord> units = csv(tiny.resolve("truth/units.csv"));
        assertThat(units).isNotEmpty().allSatisfy(u -> assertThat(CreditCode.problemOf(u.get("credit_code"))).isEmpty());
    }

    @Test
    void mostPeopleAreFloatingFromOtherProvinces() throws IOException {
        List<CSVRecord> people = csv(tiny.resolve("truth/people.csv"));
        long floating = people.stream().filter(p -> p.get("kind").equals("FLOATING")).count();

        assertThat((double) floating / people.size()).isBetween(0.70, 0.88);
        assertThat(people.stream().filter(p -> p.get("kind").equals("FLOATING")))
                .allSatisfy(p -> assertThat(p.get("citizen_id")).doesNotStartWith("44"));
    }

    @Test
    void everyAddressAndFacilityLiesInsideItsTrueGrid() throws IOException {
        Map<String, Grid> grids = new HashMap<>();
        OperationalMap.build(Divisions.load(), SamplesGenerator.DEFAULT_SEED).grids().forEach(g -> grids.put(g.code(), g));

        for (String file : List.of("truth/addresses.csv", "truth/facilities.csv", "truth/buildings.csv")) {
            for (CSVRecord r : csv(tiny.resolve(file))) {
                Coordinate c = new Coordinate(Double.parseDouble(r.get("lon")), Double.parseDouble(r.get("lat")));
                assertThat(grids.get(r.get("grid_code")).covers(c)).as("%s %s", file, r.get(0)).isTrue();
            }
        }
    }

    @Test
    void aPointOnGridVerticesBelongsToTheLowestCodeOfTheGridsCoveringItAndSoDoesAllThatIsThere() throws IOException {
        Path dir = temp.resolve("on-vertices");
        new SamplesGenerator(Scale.TINY, SamplesGenerator.DEFAULT_SEED, 0.3,
                NoiseModel.defaults().with("pointOnBoundary", 0.3)).generate(dir);
        List<Grid> written = OperationalMap.build(Divisions.load(), SamplesGenerator.DEFAULT_SEED).grids().stream()
                .filter(g -> g.town().code().equals("441900006")).toList();
        Map<String, String> grids = new HashMap<>();
        int shared = 0;
        for (String file : List.of("truth/addresses.csv", "truth/facilities.csv", "truth/buildings.csv")) {
            for (CSVRecord r : csv(dir.resolve(file))) {
                Coordinate c = new Coordinate(Double.parseDouble(r.get("lon")), Double.parseDouble(r.get("lat")));
                List<String> covering = written.stream().filter(g -> g.covers(c)).map(Grid::code).sorted().toList();
                assertThat(r.get("grid_code")).as("%s %s", file, r.get(0)).isEqualTo(covering.get(0));
                shared += covering.size() > 1 ? 1 : 0;
                grids.put(r.get(0), r.get("grid_code"));
            }
        }
        for (String file : List.of("truth/people.csv", "truth/units.csv")) {
            assertThat(csv(dir.resolve(file))).allSatisfy(r -> assertThat(r.get("grid_code")).isEqualTo(grids.get(r.get("address_code"))));
        }
        assertThat(csv(dir.resolve("truth/rental_houses.csv")))
                .allSatisfy(r -> assertThat(r.get("grid_code")).isEqualTo(grids.get(r.get("building_code"))));
        assertThat(shared).isGreaterThan(20);
    }

    @Test
    void everyExpectedRejectRowReallyIsBad() throws IOException {
        Map<String, FeedLines> feeds = new HashMap<>();
        int checked = 0;
        for (CSVRecord row : csv(tiny.resolve("truth/feed_rows.csv"))) {
            String reason = row.get("expected_reason");
            if (reason.isEmpty()) {
                continue;
            }
            checked++;
            String feed = row.get("feed");
            int line = Integer.parseInt(row.get("line"));
            if (reason.equals("EMPTY_FILE")) {
                assertThat(Files.size(tiny.resolve(feed))).isZero();
                continue;
            }
            if (reason.equals("DUPLICATE_FILE")) {
                assertThat(Files.readAllBytes(tiny.resolve(feed))).isEqualTo(Files.readAllBytes(tiny.resolve(row.get("duplicate_of"))));
                continue;
            }
            FeedLines lines = feeds.computeIfAbsent(feed, f -> read(f));
            List<String> fields = lines.fields(line);
            String field = row.get("field");
            switch (RejectReason.valueOf(reason)) {
                case TRUNCATED_LINE -> {
                    assertThat(lines.isLastLine(line)).isTrue();
                    assertThat(lines.endsWithLineEnd()).isFalse();
                }
                case BROKEN_QUOTING -> assertThat(fields).as(lines.line(line)).isNull();
                case WRONG_COLUMN_COUNT -> assertThat(fields.size()).isNotEqualTo(lines.header().size());
                case MISSING_REQUIRED_FIELD -> assertThat(fields.get(lines.column(field))).isEmpty();
                case BAD_CITIZEN_ID_CHECK -> assertThat(CitizenId.problemOf(fields.get(lines.column(field))))
                        .contains(city.twofour.population.CitizenIdProblem.BAD_CHECK_CHARACTER);
                case BAD_CREDIT_CODE_CHECK -> assertThat(CreditCode.problemOf(fields.get(lines.column(field))))
                        .contains(city.twofour.unit.CreditCodeProblem.BAD_CHECK_CHARACTER);
                case BAD_DATE -> assertThat(parsesAsDate(fields.get(lines.column(field)), lines.dateFormat())).isFalse();
                case BAD_PHONE -> assertThat(fields.get(lines.column(field))).doesNotMatch("1\\d{10}|0769-\\d{8}");
                case COORDINATE_OUTSIDE_CITY -> {
                    double lon = Double.parseDouble(fields.get(lines.column(field)));
                    assertThat(lon < 113.0 || lon > 115.0).as("lon %s", lon).isTrue();
                }
                case UNKNOWN_TASK -> assertThat(taskNumbers()).doesNotContain(fields.get(lines.column(field)));
                case OFFICER_NOT_IN_GRID -> assertThat(rosterGrids().get(fields.get(lines.column(field))))
                        .isNotNull().isNotEqualTo(fields.get(lines.column("网格编码")));
                case BAD_CORRECTION -> assertThat(fields.get(lines.column(field)))
                        .doesNotMatch("层数=[1-9]\\d*|类型=(路灯|井盖|垃圾桶|摄像头|消防栓)|地址=.+");
                default -> throw new AssertionError("unexpected reason " + reason);
            }
        }
        assertThat(checked).isGreaterThan(10);
    }

    @Test
    void rowsNotMarkedForRejectionAreWellFormed() throws IOException {
        Map<String, FeedLines> feeds = new HashMap<>();
        for (CSVRecord row : csv(tiny.resolve("truth/feed_rows.csv"))) {
            if (!row.get("expected_reason").isEmpty()) {
                continue;
            }
            FeedLines lines = feeds.computeIfAbsent(row.get("feed"), f -> read(f));
            List<String> fields = lines.fields(Integer.parseInt(row.get("line")));
            assertThat(fields).as(row.toString()).hasSize(lines.header().size());
            for (String idColumn : List.of("公民身份号码", "证件号码", "身份证号", "房东身份证号", "产权人证件号码")) {
                if (lines.header().contains(idColumn)) {
                    assertThat(CitizenId.isValid(fields.get(lines.column(idColumn)))).as(row.toString()).isTrue();
                }
            }
            if (lines.header().contains("统一社会信用代码")) {
                assertThat(CreditCode.isValid(fields.get(lines.column("统一社会信用代码")))).isTrue();
            }
        }
        assertThat(feeds.keySet()).containsExactlyInAnyOrderElementsOf(FeedLines.feedPaths());
    }

    @Test
    void everyFeedLineHasExactlyOneTruthRow() throws IOException {
        Map<String, Integer> rows = new HashMap<>();
        for (CSVRecord row : csv(tiny.resolve("truth/feed_rows.csv"))) {
            rows.merge(row.get("feed"), 1, Integer::sum);
        }
        for (String feed : FeedLines.feedPaths()) {
            assertThat(rows.get(feed)).as(feed).isEqualTo(read(feed).lineCount() - 1);
        }
    }

    @Test
    void feedsUseTheirDepartmentsEncodings() throws IOException {
        byte[] floating = Files.readAllBytes(tiny.resolve("feeds/public-security/floating_population_20261122.csv"));
        assertThat(floating).startsWith(0xEF, 0xBB, 0xBF);
        byte[] household = Files.readAllBytes(tiny.resolve("feeds/public-security/household_registration_20261122.csv"));
        assertThat(new String(household, "GB18030")).startsWith("姓名,公民身份号码,性别,出生日期");
        assertThat(new String(household, StandardCharsets.UTF_8)).doesNotContain("姓名");
    }

    /** The task number of every declaration delivered: RW + the declaration's digits. */
    private static List<String> taskNumbers() throws IOException {
        FeedLines declarations = read("feeds/grid/declarations_20261122.csv");
        List<String> tasks = new ArrayList<>();
        for (int line = 2; line <= declarations.lineCount(); line++) {
            List<String> fields = declarations.fields(line);
            if (fields != null) {
                tasks.add("RW" + fields.get(0).substring(2));
            }
        }
        return tasks;
    }

    /** The grid of every officer on the roster (rows with a grid code). */
    private static Map<String, String> rosterGrids() throws IOException {
        FeedLines roster = read("feeds/grid/grid_officers_20261122.csv");
        Map<String, String> grids = new HashMap<>();
        for (int line = 2; line <= roster.lineCount(); line++) {
            List<String> fields = roster.fields(line);
            if (!fields.get(2).isEmpty()) {
                grids.put(fields.get(0), fields.get(2));
            }
        }
        return grids;
    }

    private static boolean parsesAsDate(String text, String pattern) {
        try {
            DateTimeFormatter.ofPattern(pattern.replace('y', 'u')).withResolverStyle(ResolverStyle.STRICT).parse(text);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static FeedLines read(String feed) {
        try {
            return FeedLines.read(tiny, feed);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static List<CSVRecord> csv(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords();
        }
    }

    static String treeHash(Path root) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root)) {
            walk.filter(Files::isRegularFile).sorted().forEach(files::add);
        }
        for (Path f : files) {
            digest.update(root.relativize(f).toString().getBytes(StandardCharsets.UTF_8));
            digest.update(Files.readAllBytes(f));
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
