package city.twofour.building;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import city.twofour.address.AddressIndex;
import city.twofour.address.AddressMatcher;
import city.twofour.address.AddressStatus;
import city.twofour.address.StandardAddress;
import city.twofour.building.BuildingAddresses.Nearby;
import city.twofour.feed.PendingRecord;
import city.twofour.grid.LonLat;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BuildingPlacerTests {

    private static final String VILLAGE = "441900006001";
    private static final String DOOR_18 = VILLAGE + "000001";
    private static final String BUILDING_18_1 = VILLAGE + "000002";
    private static final String BUILDING_18_2 = VILLAGE + "000003";
    private static final String DOOR_20 = VILLAGE + "000004";
    private static final String BUILDING_20_1 = VILLAGE + "000005";
    private static final LonLat POINT_18_2 = new LonLat(114.0500000, 23.1400000);

    private final List<StandardAddress> library = List.of(
            address(DOOR_18, "18", null, 114.0499, 23.1399),
            address(BUILDING_18_1, "18", "1", 114.0498, 23.1398),
            address(BUILDING_18_2, "18", "2", POINT_18_2.lon(), POINT_18_2.lat()),
            address(DOOR_20, "20", null, 114.0520, 23.1420),
            address(BUILDING_20_1, "20", "1", 114.0521, 23.1421));

    private final BuildingAddresses addresses = new BuildingAddresses(List.of(
            new BuildingAddress(BUILDING_18_1, VILLAGE, "鸿福路", DOOR_18, "18", "1", new LonLat(114.0498, 23.1398), "441900006001001"),
            new BuildingAddress(BUILDING_18_2, VILLAGE, "鸿福路", DOOR_18, "18", "2", POINT_18_2, "441900006001001"),
            new BuildingAddress(BUILDING_20_1, VILLAGE, "鸿福路", DOOR_20, "20", "1", new LonLat(114.0521, 23.1421), "441900006001002")), room -> null);

    private final BuildingPlacer placer = new BuildingPlacer(new AddressMatcher(AddressIndex.build(library)), addresses,
            new NoFoundBuildings(), "rental-registry");

    @Test
    void aRowAtAStandardBuildingAddressIsThatBuilding() {
        PlacedRow placed = placer.process(registryRow("莞城街道东正社区鸿福路18号2栋"));

        assertThat(placed.code()).isEqualTo("B" + BUILDING_18_2);
        assertThat(placed.entity()).isEqualTo("building");
        assertThat(placed.rule()).isEqualTo(MatchRule.SAME_ADDRESS);
        assertThat(placed.sourceKey()).isEqualTo("FW1");
    }

    @Test
    void aDoorNumberWithOneBuildingIsThatBuilding() {
        assertThat(placer.process(registryRow("东正社区鸿福路20号")).code()).isEqualTo("B" + BUILDING_20_1);
    }

    @Test
    void aDoorNumberWithOneBuildingIsNotAnotherBuildingTheTextNames() {
        assertThatThrownBy(() -> placer.process(registryRow("东正社区鸿福路20号2栋")))
                .isInstanceOf(UnplacedRecordException.class);
    }

    @Test
    void aFieldRowNamingAnotherBuildingIsNotTakenForTheBuildingNearItsPoint() {
        PlacedRow placed = placer.process(fieldRow("东正社区鸿福路18号3栋", 114.05002, 23.14001));

        assertThat(placed.rule()).isEqualTo(MatchRule.FOUND_BY_FIELD);
    }

    @Test
    void aRentalRegistryRowIsLinkedToTheRentalHouseOfItsBuilding() {
        PlacedRow placed = placer.process(new PendingRecord(1, 2, "rental-registry",
                Map.of("registry_no", "CZ1", "address", "东正社区鸿福路18号2栋"), ""));

        assertThat(placed.entity()).isEqualTo("rental_house");
        assertThat(placed.code()).isEqualTo("H" + BUILDING_18_2);
        assertThat(placed.buildingCode()).isEqualTo("B" + BUILDING_18_2);
    }

    @Test
    void aFieldRowAtNoBuildingAddressGoesToTheBuildingNearItsPoint() {
        PlacedRow placed = placer.process(fieldRow("东正社区鸿福路18号", 114.05002, 23.14001));

        assertThat(placed.code()).isEqualTo("B" + BUILDING_18_2);
        assertThat(placed.rule()).isEqualTo(MatchRule.NEAREST_POINT);
        assertThat(placed.score()).isBetween(1.5, 3.0);
    }

    @Test
    void aFieldRowFarFromEveryKnownBuildingIsABuildingFoundByTheField() {
        PlacedRow placed = placer.process(fieldRow("东正社区无名巷3号", 114.0600, 23.1500));

        assertThat(placed.code()).isEqualTo(BuildingCodes.found(1));
        assertThat(placed.rule()).isEqualTo(MatchRule.FOUND_BY_FIELD);
    }

    @Test
    void aRowAtNoBuildingAddressAndWithoutAPointCannotBePlaced() {
        assertThatThrownBy(() -> placer.process(registryRow("东正社区鸿福路18号")))
                .isInstanceOfSatisfying(UnplacedRecordException.class, e -> {
                    assertThat(e.candidateCode()).isEqualTo(DOOR_18);
                    assertThat(e.field()).isEqualTo("address");
                });
    }

    private static PendingRecord registryRow(String address) {
        return new PendingRecord(1, 2, "building-registry", Map.of("registry_no", "FW1", "address", address), "");
    }

    private static PendingRecord fieldRow(String address, double lon, double lat) {
        return new PendingRecord(2, 2, "field-buildings",
                Map.of("collection_no", "CJ1", "address", address, "longitude", Double.toString(lon),
                        "latitude", Double.toString(lat)), "");
    }

    private static StandardAddress address(String code, String door, String building, double lon, double lat) {
        String text = "东莞市莞城街道东正社区鸿福路" + door + "号" + (building == null ? "" : building + "栋");
        return new StandardAddress(code, VILLAGE.substring(0, 9), VILLAGE, "鸿福路", door, building, null, null, null,
                text, lon, lat, "441900006001001", AddressStatus.ACTIVE);
    }

    /** No building found by the field yet; new ones are numbered from 1. */
    private static final class NoFoundBuildings implements FoundBuildings {
        private long next = 1;

        @Override
        public Optional<Nearby> nearest(LonLat point, double maxMetres) {
            return Optional.empty();
        }

        @Override
        public String newCode() {
            return BuildingCodes.found(next++);
        }
    }
}
