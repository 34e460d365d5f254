package city.twofour.grid;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import city.twofour.common.Geometries;
import city.twofour.grid.internal.GeoJsonFeature;
import city.twofour.grid.internal.ShapefileFeatureReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTReader;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ShapefileFeatureReaderTests {

    private static final Path FIXTURES = Path.of("src/test/resources/grid/shapefile");

    @TempDir
    Path folder;

    @Test
    void readsEachRecordAsAFeatureWithItsGeometryAsGeoJson() throws Exception {
        List<GeoJsonFeature> features = readAll(FIXTURES.resolve("grids.shp"));

        assertThat(features).extracting(GeoJsonFeature::recordNo).containsExactly(1, 2, 3, 4, 5, 6, 7);
        assertThat(geometry(features.get(0)))
                .isEqualTo(wkt("POLYGON ((113.74 23.04, 113.74 23.05, 113.75 23.05, 113.75 23.04, 113.74 23.04))"));
        assertThat(features).extracting(GeoJsonFeature::crs).containsOnly("EPSG:4490");
    }

    @Test
    void assignsAHoleToTheShellThatContainsIt() throws Exception {
        List<GeoJsonFeature> features = readAll(FIXTURES.resolve("grids.shp"));

        assertThat(geometry(features.get(4))).isEqualTo(wkt("""
                POLYGON ((113.76 23.04, 113.76 23.06, 113.78 23.06, 113.78 23.04, 113.76 23.04),
                         (113.765 23.045, 113.775 23.045, 113.775 23.055, 113.765 23.055, 113.765 23.045))"""));
        assertThat(geometry(features.get(3))).isEqualTo(wkt("""
                MULTIPOLYGON (((113.75 23.05, 113.75 23.06, 113.76 23.06, 113.76 23.05, 113.75 23.05)),
                              ((113.765 23.045, 113.765 23.055, 113.775 23.055, 113.775 23.045, 113.765 23.045)))"""));
    }

    @Test
    void aNullShapeIsAFeatureWithoutGeometry() throws Exception {
        GeoJsonFeature nullShape = readAll(FIXTURES.resolve("grids.shp")).get(5);

        assertThat(nullShape.geometryJson()).isNull();
        assertThat(nullShape.propertiesJson()).contains("\"code\":\"441900006003003\"");
    }

    @Test
    void aPointRecordIsAPointInLongitudeLatitudeWhenThereIsNoPrj() throws Exception {
        GeoJsonFeature point = readAll(FIXTURES.resolve("grids-points.shp")).get(0);

        assertThat(geometry(point)).isEqualTo(wkt("POINT (113.74 23.04)"));
        assertThat(point.crs()).isNull();
    }

    @Test
    void keepsTheAttributesDecodedFromGbkAndAddsTheGridPropertiesFoundByAlias() throws Exception {
        GeoJsonFeature first = readAll(FIXTURES.resolve("grids.shp")).get(0);

        assertThat(first.propertiesJson()).isEqualTo("""
                {"WGBM":"441900006001001","WGMC":"东正第1网格","SQBM":"441900006001","ZJBM":"441900006",\
                "MJ":1135005.4,"GXRQ":"2026-11-01","YX":true,\
                "code":"441900006001001","name":"东正第1网格","village_code":"441900006001","town_code":"441900006"}""");
    }

    @Test
    void readsChineseFieldNamesInGbkWhenThereIsNoCpgAndNamesAProjectedSystem() throws Exception {
        GeoJsonFeature feature = readAll(FIXTURES.resolve("grids-gauss-kruger.shp")).get(0);

        assertThat(feature.propertiesJson()).isEqualTo("""
                {"网格编码":"441900006003008","网格名称":"北隅第8网格","村社区编码":"441900006003",\
                "code":"441900006003008","name":"北隅第8网格","village_code":"441900006003"}""");
        assertThat(feature.crs()).isEqualTo("CGCS2000_3_Degree_GK_CM_114E");
    }

    @Test
    void aRecordMarkedDeletedIsSkippedAndItsNumberLeftUnused() throws Exception {
        Path shp = copyOfFixture("grids");
        markDeleted(folder.resolve("grids.dbf"), 2);

        List<GeoJsonFeature> features = readAll(shp);

        assertThat(features).extracting(GeoJsonFeature::recordNo).containsExactly(1, 3, 4, 5, 6, 7);
        assertThat(features.get(1).propertiesJson()).contains("\"code\":\"441900006002001\"");
    }

    @Test
    void resumesAfterTheFeaturesAlreadyRead() throws Exception {
        ExecutionContext context = new ExecutionContext();
        ShapefileFeatureReader reader = new ShapefileFeatureReader("test", FIXTURES.resolve("grids.shp"));
        reader.open(context);
        reader.read();
        reader.read();
        reader.update(context);
        reader.close();

        ShapefileFeatureReader resumed = new ShapefileFeatureReader("test", FIXTURES.resolve("grids.shp"));
        resumed.open(context);

        GeoJsonFeature next = resumed.read();
        assertThat(next.recordNo()).isEqualTo(3);
        assertThat(next.propertiesJson()).contains("\"code\":\"441900006002001\"");
        resumed.close();
    }

    @Test
    void aMissingAttributeTableIsAnErrorNamingIt() throws Exception {
        Path shp = copyOfFixture("grids");
        Files.delete(folder.resolve("grids.dbf"));
        ShapefileFeatureReader reader = new ShapefileFeatureReader("test", shp);

        assertThatThrownBy(() -> reader.open(new ExecutionContext())).hasStackTraceContaining("grids.dbf is missing");
    }

    private List<GeoJsonFeature> readAll(Path shp) throws Exception {
        ShapefileFeatureReader reader = new ShapefileFeatureReader("test", shp);
        reader.open(new ExecutionContext());
        List<GeoJsonFeature> features = new ArrayList<>();
        for (GeoJsonFeature feature = reader.read(); feature != null; feature = reader.read()) {
            features.add(feature);
        }
        reader.close();
        return features;
    }

    private Path copyOfFixture(String name) throws IOException {
        for (String extension : List.of("shp", "shx", "dbf", "prj", "cpg")) {
            Files.copy(FIXTURES.resolve(name + "." + extension), folder.resolve(name + "." + extension));
        }
        return folder.resolve(name + ".shp");
    }

    /** Sets the deleted flag, the first byte of a dBASE record. */
    private static void markDeleted(Path dbf, int recordNo) throws IOException {
        try (RandomAccessFile file = new RandomAccessFile(dbf.toFile(), "rw")) {
            file.seek(8);
            int headerLength = Short.toUnsignedInt(Short.reverseBytes(file.readShort()));
            int recordLength = Short.toUnsignedInt(Short.reverseBytes(file.readShort()));
            file.seek(headerLength + (long) (recordNo - 1) * recordLength);
            file.write('*');
        }
    }

    private static Geometry geometry(GeoJsonFeature feature) throws Exception {
        return new GeoJsonReader(Geometries.FACTORY).read(feature.geometryJson());
    }

    private static Geometry wkt(String wkt) throws Exception {
        return new WKTReader(Geometries.FACTORY).read(wkt);
    }
}
