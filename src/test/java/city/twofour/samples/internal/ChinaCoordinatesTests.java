package city.twofour.samples.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ChinaCoordinatesTests {

    // reference values published with the widely used coordtransform library (test/app.js)

    @Test
    void shiftsWgs84IntoGcj02LikeThePublicFormula() {
        double[] gcj = ChinaCoordinates.wgs84ToGcj02(116.404, 39.915);

        assertThat(gcj[0]).isCloseTo(116.41024449916938, within(1e-9));
        assertThat(gcj[1]).isCloseTo(39.91640428150164, within(1e-9));
    }

    @Test
    void shiftsGcj02IntoBd09LikeThePublicFormula() {
        double[] bd = ChinaCoordinates.gcj02ToBd09(116.404, 39.915);

        assertThat(bd[0]).isCloseTo(116.41036949371029, within(1e-9));
        assertThat(bd[1]).isCloseTo(39.92133699351021, within(1e-9));
    }

    @Test
    void inDongguanTheOffsetsAreHundredsOfMetres() {
        double lon = 113.75;
        double lat = 23.02;
        double[] gcj = ChinaCoordinates.wgs84ToGcj02(lon, lat);
        double[] bd = ChinaCoordinates.wgs84ToBd09(lon, lat);

        double gcjMetres = metres(lon, lat, gcj[0], gcj[1]);
        double bdMetres = metres(lon, lat, bd[0], bd[1]);
        assertThat(gcjMetres).isBetween(200.0, 900.0);
        assertThat(bdMetres).isGreaterThan(gcjMetres).isLessThan(2_000.0);
    }

    private static double metres(double lon1, double lat1, double lon2, double lat2) {
        double dx = (lon2 - lon1) * 111_320 * Math.cos(Math.toRadians(lat1));
        double dy = (lat2 - lat1) * 111_320;
        return Math.hypot(dx, dy);
    }
}
