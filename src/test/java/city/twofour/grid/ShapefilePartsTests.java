package city.twofour.grid;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;

import city.twofour.grid.internal.ShapefileParts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class ShapefilePartsTests {

    @TempDir
    Path folder;

    @Test
    void theCpgNamesTheEncodingByNameOrWindowsCodePage() throws IOException {
        assertThat(charsetOfCpg("GBK")).isEqualTo(Charset.forName("GBK"));
        assertThat(charsetOfCpg("936\r\n")).isEqualTo(Charset.forName("GBK"));
        assertThat(charsetOfCpg("GB2312")).isEqualTo(Charset.forName("GBK"));
        assertThat(charsetOfCpg("utf-8")).isEqualTo(Charset.forName("UTF-8"));
        assertThat(charsetOfCpg("65001")).isEqualTo(Charset.forName("UTF-8"));
        assertThat(charsetOfCpg("1252")).isEqualTo(Charset.forName("windows-1252"));
    }

    @Test
    void theAttributesAreGbkWithoutACpg() {
        assertThat(new ShapefileParts(folder.resolve("grids.shp")).charset()).isEqualTo(Charset.forName("GBK"));
    }

    @Test
    void thereIsNoCoordinateSystemWithoutAPrj() {
        assertThat(new ShapefileParts(folder.resolve("grids.shp")).crs()).isNull();
    }

    @Test
    void aDeliveryIsTheShpWithThePartsBesideIt() throws IOException {
        for (String name : new String[] {"grids.shp", "grids.SHX", "grids.dbf", "grids.prj", "other.cpg"}) {
            Files.createFile(folder.resolve(name));
        }

        assertThat(new ShapefileParts(folder.resolve("grids.shp")).present()).containsExactly(
                folder.resolve("grids.shp"), folder.resolve("grids.SHX"), folder.resolve("grids.dbf"),
                folder.resolve("grids.prj"));
    }

    @Test
    void aShapefileIsRecognisedByItsExtension() {
        assertThat(ShapefileParts.isShapefile(Path.of("grids.SHP"))).isTrue();
        assertThat(ShapefileParts.isShapefile(Path.of("grids.geojson"))).isFalse();
    }

    private Charset charsetOfCpg(String cpg) throws IOException {
        Files.writeString(folder.resolve("grids.cpg"), cpg);
        return new ShapefileParts(folder.resolve("grids.shp")).charset();
    }
}
