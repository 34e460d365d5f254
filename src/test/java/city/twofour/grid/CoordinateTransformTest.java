package city.twofour.grid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CoordinateTransformTest {

    /** Dongguan, lon 113.52–114.26, lat 22.65–23.15, sampled every 0.02° (38 × 26 points). */
    private static final double MIN_LON = 113.52, MAX_LON = 114.26, MIN_LAT = 22.65, MAX_LAT = 23.15, STEP = 0.02;

    @Test
    void gcj02RoundTripOverDongguanIsWithinACentimetre() {
        double max = 0;
        for (double lon = MIN_LON; lon <= MAX_LON + 1e-9; lon += STEP) {
            for (double lat = MIN_LAT; lat <= MAX_LAT + 1e-9; lat += STEP) {
                LonLat wgs = new LonLat(lon, lat);
                LonLat back = CoordinateTransform.gcj02ToWgs84(CoordinateTransform.wgs84ToGcj02(wgs));
                max = Math.max(max, wgs.distanceMetres(back));
            }
        }
        assertThat(max).isLessThan(0.01);
    }

    @Test
    void bd09RoundTripOverDongguanIsWithinACentimetre() {
        double max = 0;
        for (double lon = MIN_LON; lon <= MAX_LON + 1e-9; lon += STEP) {
            for (double lat = MIN_LAT; lat <= MAX_LAT + 1e-9; lat += STEP) {
                LonLat cgcs = new LonLat(lon, lat);
                LonLat bd = CoordinateTransform.fromCgcs2000(cgcs, CoordinateSystem.BD09);
                LonLat back = CoordinateTransform.toCgcs2000(bd, CoordinateSystem.BD09);
                max = Math.max(max, cgcs.distanceMetres(back));
            }
        }
        assertThat(max).isLessThan(0.01);
    }

    @Test
    void gcj02OffsetInDongguanIsHundredsOfMetres() {
        LonLat wgs = new LonLat(113.7518, 23.0207);
        double offset = wgs.distanceMetres(CoordinateTransform.wgs84ToGcj02(wgs));
        assertThat(offset).isBetween(100.0, 1000.0);
    }

    @Test
    void iterativeInverseBeatsTheNaiveOneStepInverse() {
        LonLat wgs = new LonLat(113.7518, 23.0207);
        LonLat gcj = CoordinateTransform.wgs84ToGcj02(wgs);
        LonLat shifted = CoordinateTransform.wgs84ToGcj02(gcj);
        LonLat naive = new LonLat(2 * gcj.lon() - shifted.lon(), 2 * gcj.lat() - shifted.lat());
        assertThat(wgs.distanceMetres(CoordinateTransform.gcj02ToWgs84(gcj))).isLessThan(0.001);
        assertThat(wgs.distanceMetres(naive)).isGreaterThan(0.001);
    }

    @Test
    void pointsOutsideChinaAreNotOffsetByGcj02() {
        LonLat london = new LonLat(-0.1276, 51.5072);
        assertThat(CoordinateTransform.wgs84ToGcj02(london)).isEqualTo(london);
        assertThat(CoordinateTransform.gcj02ToWgs84(london)).isEqualTo(london);
        assertThat(CoordinateTransform.isOutsideChina(new LonLat(113.75, 23.02))).isFalse();
    }

    @Test
    void wgs84AndCgcs2000AreTheSame() {
        LonLat p = new LonLat(113.75, 23.02);
        assertThat(CoordinateTransform.toCgcs2000(p, CoordinateSystem.WGS84)).isEqualTo(p);
        assertThat(CoordinateTransform.transform(p, CoordinateSystem.CGCS2000, CoordinateSystem.WGS84)).isEqualTo(p);
    }

    @Test
    void transformBetweenWebSystemsGoesThroughCgcs2000() {
        LonLat cgcs = new LonLat(113.9, 22.9);
        LonLat gcj = CoordinateTransform.fromCgcs2000(cgcs, CoordinateSystem.GCJ02);
        LonLat bd = CoordinateTransform.transform(gcj, CoordinateSystem.GCJ02, CoordinateSystem.BD09);
        assertThat(bd.distanceMetres(CoordinateTransform.gcj02ToBd09(gcj))).isLessThan(0.001);
        assertThat(CoordinateTransform.toCgcs2000(bd, CoordinateSystem.BD09).distanceMetres(cgcs)).isLessThan(0.01);
    }

    @Test
    void haversineOfOneDegreeOfLatitude() {
        assertThat(LonLat.haversineMetres(new LonLat(113, 22), new LonLat(113, 23))).isCloseTo(111_195, org.assertj.core.data.Offset.offset(10.0));
    }

    @Test
    void parsesSystemNames() {
        assertThat(CoordinateSystem.parse("gcj-02")).isEqualTo(CoordinateSystem.GCJ02);
        assertThat(CoordinateSystem.parse("EPSG:4490")).isEqualTo(CoordinateSystem.CGCS2000);
        assertThat(CoordinateSystem.parse("bd09")).isEqualTo(CoordinateSystem.BD09);
        assertThatThrownBy(() -> CoordinateSystem.parse("UTM50")).isInstanceOf(IllegalArgumentException.class);
    }
}
