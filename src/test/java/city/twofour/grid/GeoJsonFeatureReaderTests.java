package city.twofour.grid;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import city.twofour.grid.internal.GeoJsonFeature;
import city.twofour.grid.internal.GeoJsonFeatureReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GeoJsonFeatureReaderTests {

    @TempDir
    Path folder;

    @Test
    void readsFeaturesInOrderWithTheCollectionCrsDeclaredAfterThem() throws Exception {
        Path file = write("""
                {"type":"FeatureCollection","features":[
                  {"type":"Feature","properties":{"code":"a"},"geometry":{"type":"Point","coordinates":[1,2]}},
                  {"type":"Feature","properties":{"code":"b"},"geometry":null}
                ],"crs":{"type":"name","properties":{"name":"EPSG:4490"}}}
                """);
        GeoJsonFeatureReader reader = new GeoJsonFeatureReader("test", file);
        reader.open(new ExecutionContext());

        GeoJsonFeature first = reader.read();
        GeoJsonFeature second = reader.read();

        assertThat(first.recordNo()).isEqualTo(1);
        assertThat(first.propertiesJson()).isEqualTo("{\"code\":\"a\"}");
        assertThat(first.geometryJson()).contains("Point");
        assertThat(first.crs()).isEqualTo("EPSG:4490");
        assertThat(second.recordNo()).isEqualTo(2);
        assertThat(second.geometryJson()).isNull();
        assertThat(reader.read()).isNull();
        reader.close();
    }

    @Test
    void resumesAfterTheFeaturesAlreadyRead() throws Exception {
        Path file = write("""
                {"type":"FeatureCollection","features":[
                  {"type":"Feature","properties":{"code":"a"},"geometry":null},
                  {"type":"Feature","properties":{"code":"b"},"geometry":null},
                  {"type":"Feature","properties":{"code":"c"},"geometry":null}]}
                """);
        ExecutionContext context = new ExecutionContext();
        GeoJsonFeatureReader reader = new GeoJsonFeatureReader("test", file);
        reader.open(context);
        reader.read();
        reader.read();
        reader.update(context);
        reader.close();

        GeoJsonFeatureReader resumed = new GeoJsonFeatureReader("test", file);
        resumed.open(context);

        GeoJsonFeature next = resumed.read();
        assertThat(next.recordNo()).isEqualTo(3);
        assertThat(next.propertiesJson()).contains("\"c\"");
        resumed.close();
    }

    @Test
    void aFileWithoutFeaturesIsNotAFeatureCollection() throws IOException {
        GeoJsonFeatureReader reader = new GeoJsonFeatureReader("test", write("{\"type\":\"Feature\"}"));

        assertThatThrownBy(() -> reader.open(new ExecutionContext()))
                .hasStackTraceContaining("not a GeoJSON FeatureCollection");
    }

    private Path write(String json) throws IOException {
        Path file = folder.resolve("grids.geojson");
        Files.writeString(file, json);
        return file;
    }
}
