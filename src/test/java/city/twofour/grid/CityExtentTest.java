package city.twofour.grid;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CityExtentTest {

    private final CityExtent dongguan = CityExtent.DONGGUAN;

    @Test
    void acceptsAPointInTheCity() {
        assertThat(dongguan.check(new LonLat(113.7518, 23.0207))).isEmpty();
        assertThat(dongguan.contains(new LonLat(113.52, 22.65))).isTrue();
    }

    @Test
    void rejectsMissingAndPlaceholderCoordinates() {
        assertThat(dongguan.check(null)).contains("missing coordinates");
        assertThat(dongguan.check(new LonLat(Double.NaN, 23))).contains("coordinates are not numbers");
        assertThat(dongguan.check(new LonLat(0, 0))).contains("coordinates are 0,0");
    }

    @Test
    void recognisesSwappedLongitudeAndLatitude() {
        assertThat(dongguan.check(new LonLat(23.0207, 113.7518))).contains("longitude and latitude look swapped");
    }

    @Test
    void namesTheCoordinateOutOfRange() {
        assertThat(dongguan.check(new LonLat(116.397, 23.0))).contains("outside 东莞市 extent: lon 116.397 not in [113.51, 114.27]");
        assertThat(dongguan.check(new LonLat(113.75, 39.9))).contains("outside 东莞市 extent: lat 39.9 not in [22.64, 23.16]");
    }
}
