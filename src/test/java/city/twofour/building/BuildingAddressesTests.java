package city.twofour.building;

import java.util.List;

import city.twofour.grid.LonLat;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BuildingAddressesTests {

    private static final String VILLAGE = "441900006003";
    private final BuildingAddress onOneRoad = building("441900006003000002", "R1", new LonLat(113.983557, 23.1376115));
    private final BuildingAddress onTheOtherRoad = building("441900006003000026", "R2", new LonLat(113.975605, 23.1375362));
    private final BuildingAddresses addresses = new BuildingAddresses(List.of(onOneRoad, onTheOtherRoad), room -> null);

    @Test
    void addressesThatReadAlikeAreTwins() {
        assertThat(addresses.twins(onOneRoad)).containsExactly(onOneRoad, onTheOtherRoad);
    }

    @Test
    void theNearestFittingAddressWithinTheDistanceIsFound() {
        LonLat threeMetresAway = new LonLat(113.983557, 23.1376385);

        assertThat(addresses.nearest(threeMetresAway, 10, a -> true)).get()
                .satisfies(n -> assertThat(n.code()).isEqualTo(onOneRoad.code()))
                .satisfies(n -> assertThat(n.metres()).isBetween(2.5, 3.5));
        assertThat(addresses.nearest(threeMetresAway, 2, a -> true)).isEmpty();
        assertThat(addresses.nearest(threeMetresAway, 10, a -> false)).isEmpty();
    }

    private static BuildingAddress building(String code, String roadCode, LonLat point) {
        // two roads of one name, 宏图路, each with a 1号1栋
        return new BuildingAddress(code, VILLAGE, "宏图路", roadCode + "-door", "1", "1", point, VILLAGE + "001");
    }
}
