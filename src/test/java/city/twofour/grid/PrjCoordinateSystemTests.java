package city.twofour.grid;

import city.twofour.grid.internal.PrjCoordinateSystem;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PrjCoordinateSystemTests {

    private static final String ESRI_CGCS2000 = """
            GEOGCS["GCS_China_Geodetic_Coordinate_System_2000",DATUM["D_China_2000",\
            SPHEROID["CGCS2000",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]""";

    @Test
    void cgcs2000LongitudeLatitudeIsEpsg4490() {
        assertThat(PrjCoordinateSystem.name(ESRI_CGCS2000)).isEqualTo("EPSG:4490");
        assertThat(PrjCoordinateSystem.name("""
                GEOGCS["China Geodetic Coordinate System 2000",DATUM["China_2000",\
                SPHEROID["CGCS2000",6378137,298.257222101,AUTHORITY["EPSG","1024"]],AUTHORITY["EPSG","1043"]],\
                PRIMEM["Greenwich",0],UNIT["degree",0.0174532925199433],AUTHORITY["EPSG","4490"]]"""))
                .isEqualTo("EPSG:4490");
        assertThat(PrjCoordinateSystem.name("GEOGCS[\"unnamed\",DATUM[\"x\"],AUTHORITY[\"EPSG\",\"4490\"]]"))
                .isEqualTo("EPSG:4490");
    }

    @Test
    void wgs84LongitudeLatitudeIsEpsg4326() {
        assertThat(PrjCoordinateSystem.name("""
                GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],\
                PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]""")).isEqualTo("EPSG:4326");
        assertThat(PrjCoordinateSystem.name("GEOGCS[\"WGS 84\",DATUM[\"WGS_1984\"]]")).isEqualTo("EPSG:4326");
    }

    @Test
    void aProjectedSystemKeepsItsNameThoughItsDatumIsCgcs2000() {
        assertThat(PrjCoordinateSystem.name("PROJCS[\"CGCS2000_3_Degree_GK_CM_114E\"," + ESRI_CGCS2000
                + ",PROJECTION[\"Gauss_Kruger\"],PARAMETER[\"Central_Meridian\",114.0],UNIT[\"Meter\",1.0]]"))
                .isEqualTo("CGCS2000_3_Degree_GK_CM_114E");
    }

    @Test
    void anotherGeographicSystemKeepsItsName() {
        assertThat(PrjCoordinateSystem.name("GEOGCS[\"GCS_Xian_1980\",DATUM[\"D_Xian_1980\"]]")).isEqualTo("GCS_Xian_1980");
    }

    @Test
    void anEmptyPrjDeclaresNothing() {
        assertThat(PrjCoordinateSystem.name(" \n")).isNull();
    }
}
