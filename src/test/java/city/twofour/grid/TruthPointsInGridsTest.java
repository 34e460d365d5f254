package city.twofour.grid;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import city.twofour.common.Geometries;
import city.twofour.grid.internal.GeoJsonFeature;
import city.twofour.grid.internal.GeoJsonFeatureReader;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 4's bar for the standard operational map: every point of the tiny sample city's truth (addresses,
 * facilities, buildings) lands in its true grid through the {@link GridIndex}, points on grid vertices included:
 * the truth follows the boundary rule (a point on a shared edge or vertex goes to the lowest covering grid code).
 */
class TruthPointsInGridsTest {

    private static final Path SAMPLES = Path.of("samples/tiny");
    private static final Pattern CODE = Pattern.compile("\"code\"\\s*:\\s*\"(\\d+)\"");

    private static final List<Grid> grids = new ArrayList<>();
    private static GridIndex index;

    @BeforeAll
    static void gridsOfTheSamples() throws Exception {
        GeoJsonFeatureReader reader = new GeoJsonFeatureReader("grids", SAMPLES.resolve("grids.geojson"));
        reader.open(new ExecutionContext());
        GeoJsonReader geoJson = new GeoJsonReader(Geometries.FACTORY);
        for (GeoJsonFeature f = reader.read(); f != null; f = reader.read()) {
            Matcher code = CODE.matcher(f.propertiesJson());
            assertThat(code.find()).isTrue();
            grids.add(new Grid(code.group(1), null, null, null, (MultiPolygon) geoJson.read(f.geometryJson()), 0, 0));
        }
        reader.close();
        index = new GridIndex(grids);
    }

    @Test
    void everyTrueAddressPointLandsInItsTrueGrid() throws IOException {
        assertEveryPointInItsGrid("addresses.csv", "address_code");
    }

    @Test
    void everyTrueFacilityPointLandsInItsTrueGrid() throws IOException {
        assertEveryPointInItsGrid("facilities.csv", "facility_id");
    }

    @Test
    void everyTrueBuildingPointLandsInItsTrueGridEvenWhenTheFootprintStraddles() throws IOException {
        assertEveryPointInItsGrid("buildings.csv", "building_code");
    }

    @Test
    void aFacilityOnAVertexBelongsToTheLowestCodeOfTheGridsCoveringIt() throws IOException {
        int onBoundary = 0;
        for (CSVRecord r : truth("facilities.csv")) {
            if (!r.get("on_boundary").equals("Y")) {
                continue;
            }
            onBoundary++;
            List<String> covering = covering(point(r));
            assertThat(covering).as("grids covering %s", r.get("facility_id")).hasSizeGreaterThan(1);
            assertThat(r.get("grid_code")).isEqualTo(covering.get(0));
        }
        assertThat(onBoundary).isPositive();
    }

    private static List<String> covering(Point p) {
        return grids.stream().filter(g -> g.geometry().covers(p)).map(Grid::code).sorted().toList();
    }

    private static void assertEveryPointInItsGrid(String file, String id) throws IOException {
        List<String> misplaced = new ArrayList<>();
        int n = 0;
        for (CSVRecord r : truth(file)) {
            if (r.get("lon").isEmpty()) {
                continue;
            }
            n++;
            String located = index.locate(point(r)).orElse("none");
            if (!located.equals(r.get("grid_code"))) {
                misplaced.add(r.get(id) + ": truth " + r.get("grid_code") + ", located " + located);
            }
        }
        assertThat(n).isPositive();
        assertThat(misplaced).isEmpty();
    }

    private static Point point(CSVRecord r) {
        return Geometries.FACTORY.createPoint(new Coordinate(Double.parseDouble(r.get("lon")), Double.parseDouble(r.get("lat"))));
    }

    private static List<CSVRecord> truth(String file) throws IOException {
        try (BufferedReader reader = Files.newBufferedReader(SAMPLES.resolve("truth").resolve(file), StandardCharsets.UTF_8)) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords();
        }
    }
}
