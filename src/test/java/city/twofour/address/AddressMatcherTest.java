package city.twofour.address;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import city.twofour.address.AddressMatch.Reason;
import city.twofour.grid.LonLat;

class AddressMatcherTest {

    private static final String GANGBEI = "441900003001", WENTANG = "441900003004", HONGFU = "441900004003";

    private static StandardAddress entry(String code, String village, String road, String door, String building,
            String unit, String room, double lon, double lat, AddressStatus status) {
        return new StandardAddress(code, village.substring(0, 9), village, road, door, building, unit,
                AddressParser.floorOfRoom(room), room, null, lon, lat, "G" + village.substring(9), status);
    }

    private static StandardAddress active(String code, String village, String road, String door, String building,
            String unit, String room, double lon, double lat) {
        return entry(code, village, road, door, building, unit, room, lon, lat, AddressStatus.ACTIVE);
    }

    private static final List<StandardAddress> LIBRARY = List.of(
            active("A-R", GANGBEI, "岗贝路", null, null, null, null, 113.760, 23.040),
            active("A-18", GANGBEI, "岗贝路", "18", null, null, null, 113.761, 23.041),
            active("A-18-3", GANGBEI, "岗贝路", "18", "3", null, null, 113.761, 23.041),
            active("A-18-3-2", GANGBEI, "岗贝路", "18", "3", "2", null, 113.761, 23.041),
            active("A-18-3-2-501", GANGBEI, "岗贝路", "18", "3", "2", "501", 113.761, 23.041),
            entry("A-18-3-2-502", GANGBEI, "岗贝路", "18", "3", "2", "502", 113.761, 23.041, AddressStatus.RETIRED),
            active("A-20", GANGBEI, "岗贝路", "20", null, null, null, 113.762, 23.042),
            active("A-DX", GANGBEI, "东兴路", null, null, null, null, 113.763, 23.043),
            active("A-DS", GANGBEI, "东星路", null, null, null, null, 113.764, 23.044),
            active("B-XX", WENTANG, "新兴路", null, null, null, null, 113.780, 23.030),
            active("B-XX-1", WENTANG, "新兴路", "1", null, null, null, 113.780, 23.030),
            active("C-XX", HONGFU, "新兴路", null, null, null, null, 113.750, 23.010),
            active("C-XX-1", HONGFU, "新兴路", "1", null, null, null, 113.750, 23.010),
            active("C-XX-9", HONGFU, "新兴路", "9", null, null, null, 113.751, 23.011));

    private final AddressIndex index = AddressIndex.build(LIBRARY);
    private final AddressMatcher matcher = new AddressMatcher(index);

    @Test
    void matchesARoomExactly() {
        AddressMatch m = matcher.match("东城岗贝社区岗贝路18号3栋2单元501室");
        assertThat(m.code()).isEqualTo("A-18-3-2-501");
        assertThat(m.level()).isEqualTo(MatchLevel.ROOM);
        assertThat(m.confidence()).isEqualTo(1.0);
        assertThat(m.reason()).isEqualTo(Reason.EXACT);
        assertThat(m.villageCode()).isEqualTo(GANGBEI);
        assertThat(m.explanation()).contains("road 岗贝路: found", "door 18号: found", "building 3栋: found",
                "unit 2单元: found", "room 501室: found");
    }

    @Test
    void eachLevelWhenTheTextStopsThere() {
        assertThat(matcher.match("岗贝社区岗贝路18号3栋2单元").code()).isEqualTo("A-18-3-2");
        assertThat(matcher.match("岗贝社区岗贝路18号3栋").code()).isEqualTo("A-18-3");
        assertThat(matcher.match("岗贝社区岗贝路18号").level()).isEqualTo(MatchLevel.DOOR);
        assertThat(matcher.match("岗贝社区岗贝路").level()).isEqualTo(MatchLevel.ROAD);
        AddressMatch village = matcher.match("东城岗贝社区");
        assertThat(village.level()).isEqualTo(MatchLevel.VILLAGE);
        assertThat(village.code()).isEqualTo(GANGBEI);
    }

    @Test
    void aRoadThatBeginsWithTheVillageNameIsFoundWhenTheParserTookTheNameForTheVillage() {
        AddressMatcher stems = new AddressMatcher(AddressIndex.build(List.of(
                active("L-24", GANGBEI, "岗贝新村1巷", "24", null, null, null, 113.760, 23.040))));

        AddressMatch m = stems.match("东城街道岗贝新村一巷24号");

        assertThat(m.code()).isEqualTo("L-24");
        assertThat(m.explanation()).contains("road 新村1巷: found as 岗贝新村1巷, the village's name begins it");
    }

    @Test
    void twoLibraryEntriesWithTheSameComponentsAreNeverGuessedBetween() {
        AddressMatcher twins = new AddressMatcher(AddressIndex.build(List.of(
                active("R1-1", GANGBEI, "宏图路", "1", null, null, null, 113.760, 23.040),
                active("R1-1-1", GANGBEI, "宏图路", "1", "1", null, null, 113.760, 23.040),
                active("R2-1", GANGBEI, "宏图路", "1", null, null, null, 113.770, 23.040),
                active("R2-1-1", GANGBEI, "宏图路", "1", "1", null, null, 113.770, 23.040),
                active("R2-1-2", GANGBEI, "宏图路", "1", "2", null, null, 113.770, 23.040))));

        AddressMatch m = twins.match("岗贝社区宏图路1号1栋");

        assertThat(m.code()).isNotIn("R1-1", "R1-1-1", "R2-1", "R2-1-1");
        assertThat(m.reason()).isEqualTo(Reason.FELL_BACK);
        assertThat(m.explanation()).anyMatch(line -> line.contains("several library entries"));
        assertThat(twins.match("岗贝社区宏图路1号2栋").code()).isEqualTo("R2-1-2");
    }

    @Test
    void roomNotInTheLibraryFallsBackToTheBuildingNotAnotherRoom() {
        AddressMatch m = matcher.match("岗贝社区岗贝路18号3栋2单元509");
        assertThat(m.code()).isEqualTo("A-18-3-2");
        assertThat(m.level()).isEqualTo(MatchLevel.BUILDING);
        assertThat(m.reason()).isEqualTo(Reason.FELL_BACK);
        assertThat(m.explanation()).contains("room 509室: not in the library, match stays at the building");
    }

    @Test
    void retiredRoomFallsBackToTheBuilding() {
        AddressMatch m = matcher.match("岗贝社区岗贝路18号3栋2单元502室");
        assertThat(m.code()).isEqualTo("A-18-3-2");
        assertThat(m.reason()).isEqualTo(Reason.FELL_BACK);
        assertThat(m.explanation()).contains("room: the library entry A-18-3-2-502 is retired");
    }

    @Test
    void missingBuildingFallsBackToTheDoorAndMissingDoorToTheRoad() {
        assertThat(matcher.match("岗贝社区岗贝路18号7栋").code()).isEqualTo("A-18");
        assertThat(matcher.match("岗贝社区岗贝路99号").code()).isEqualTo("A-R");
        assertThat(matcher.match("岗贝社区岗贝路99号").reason()).isEqualTo(Reason.FELL_BACK);
    }

    @Test
    void roadNotInTheNamedVillageStaysAtTheVillage() {
        AddressMatch m = matcher.match("东城岗贝社区新兴路1号");
        assertThat(m.level()).isEqualTo(MatchLevel.VILLAGE);
        assertThat(m.code()).isEqualTo(GANGBEI);
        assertThat(m.reason()).isEqualTo(Reason.ROAD_NOT_FOUND);
        assertThat(m.explanation()).contains("road 新兴路: not in village (the library has it in [温塘社区, 鸿福社区])");
    }

    @Test
    void unknownRoadWithoutVillageIsNotMatched() {
        AddressMatch m = matcher.match("人民路1号");
        assertThat(m.level()).isEqualTo(MatchLevel.NONE);
        assertThat(m.reason()).isEqualTo(Reason.ROAD_NOT_FOUND);
        assertThat(m.code()).isNull();
    }

    @Test
    void nothingToMatch() {
        AddressMatch m = matcher.match("不详");
        assertThat(m.level()).isEqualTo(MatchLevel.NONE);
        assertThat(m.reason()).isEqualTo(Reason.INSUFFICIENT);
    }

    @Test
    void roadInOneVillageOnlyNeedsNoVillage() {
        AddressMatch m = matcher.match("岗贝路18号3栋2单元501");
        assertThat(m.code()).isEqualTo("A-18-3-2-501");
        assertThat(m.confidence()).isEqualTo(0.95);
        assertThat(m.villageCode()).isEqualTo(GANGBEI);
    }

    @Test
    void roadInTwoVillagesWithoutVillageOrCoordinatesIsAmbiguous() {
        AddressMatch m = matcher.match("新兴路1号");
        assertThat(m.level()).isEqualTo(MatchLevel.NONE);
        assertThat(m.reason()).isEqualTo(Reason.AMBIGUOUS);
        assertThat(m.explanation()).contains("road 新兴路 is in villages [温塘社区, 鸿福社区]; give the village or coordinates");
    }

    @Test
    void theTownNarrowsTheVillages() {
        AddressMatch m = matcher.match("东城新兴路1号");
        assertThat(m.code()).isEqualTo("B-XX-1");
    }

    @Test
    void aVillageNameOfSeveralTownsNarrowsTheVillages() {
        AddressIndex shiGu = AddressIndex.build(List.of(
                active("S-4", "441900004014", "石鼓路", "3", null, null, null, 113.75, 23.0),
                active("S-116", "441900116017", "石鼓路", "3", null, null, null, 114.05, 22.8),
                active("X-3", HONGFU, "石鼓路", "3", null, null, null, 113.76, 23.0)));
        AddressMatcher m = new AddressMatcher(shiGu);
        assertThat(m.match("石鼓路3号").reason()).isEqualTo(Reason.AMBIGUOUS);
        assertThat(m.match("石鼓社区石鼓路3号").reason()).isEqualTo(Reason.AMBIGUOUS);
        assertThat(m.match("塘厦石鼓社区石鼓路3号").code()).isEqualTo("S-116");
        assertThat(m.match("石鼓社区石鼓路3号", new LonLat(114.0505, 22.8005)).code()).isEqualTo("S-116");
    }

    @Test
    void theOnlyVillageWithTheDoorDecides() {
        AddressMatch m = matcher.match("新兴路9号");
        assertThat(m.code()).isEqualTo("C-XX-9");
        assertThat(m.confidence()).isEqualTo(0.85);
    }

    @Test
    void coordinatesBreakTiesByDistance() {
        AddressMatch near = matcher.match("新兴路1号", new LonLat(113.7505, 23.0105));
        assertThat(near.code()).isEqualTo("C-XX-1");
        assertThat(near.confidence()).isEqualTo(0.9);
        AddressMatch between = matcher.match("新兴路1号", new LonLat(113.765, 23.020));
        assertThat(between.reason()).isEqualTo(Reason.AMBIGUOUS);
    }

    @Test
    void farCoordinatesLowerTheConfidence() {
        AddressMatch m = matcher.match("岗贝社区岗贝路18号", new LonLat(113.80, 23.04));
        assertThat(m.code()).isEqualTo("A-18");
        assertThat(m.confidence()).isEqualTo(0.7);
        assertThat(m.explanation()).contains("coordinates are 3992 m from the matched address");
    }

    @Test
    void homophoneTypoInTheVillage() {
        AddressMatch m = matcher.match("岗贝社区港贝路18号");
        assertThat(m.code()).isEqualTo("A-18");
        assertThat(m.confidence()).isEqualTo(0.85);
        assertThat(m.explanation()).contains("road 港贝路: not in village, read as 岗贝路 (homophone)");
    }

    @Test
    void lookAlikeTypoInTheVillage() {
        AddressMatch m = matcher.match("岗贝社区岗见路18号");
        assertThat(m.code()).isEqualTo("A-18");
        assertThat(m.confidence()).isEqualTo(0.85);
    }

    @Test
    void otherOneCharacterTypoCostsMore() {
        AddressMatch m = matcher.match("岗贝社区岗东路18号");
        assertThat(m.code()).isEqualTo("A-18");
        assertThat(m.confidence()).isEqualTo(0.7);
        assertThat(matcher.match("岗贝社区岗贝大路18号").confidence()).isEqualTo(0.7);
    }

    @Test
    void aChangedRoadSuffixIsAnotherRoad() {
        assertThat(matcher.match("岗贝社区岗贝街18号").reason()).isEqualTo(Reason.ROAD_NOT_FOUND);
    }

    @Test
    void typoEquallyNearTwoRoadsIsAmbiguous() {
        AddressMatch m = matcher.match("岗贝社区东醒路");
        assertThat(m.level()).isEqualTo(MatchLevel.VILLAGE);
        assertThat(m.reason()).isEqualTo(Reason.AMBIGUOUS);
    }

    @Test
    void belowTheThresholdNothingIsGuessed() {
        AddressMatcher strict = new AddressMatcher(index, new AddressParser(DivisionAliases.dongguan()), 0.9);
        AddressMatch m = strict.match("岗贝社区港贝路18号");
        assertThat(m.level()).isEqualTo(MatchLevel.NONE);
        assertThat(m.code()).isNull();
        assertThat(m.reason()).isEqualTo(Reason.LOW_CONFIDENCE);
        assertThat(m.confidence()).isEqualTo(0.85);
    }

    @Test
    void unparsedTextLowersTheConfidence() {
        assertThat(matcher.match("岗贝社区岗贝路18号金色华庭").confidence()).isEqualTo(0.95);
    }

    @Test
    void indexGivesBackItsEntries() {
        assertThat(index.size()).isEqualTo(LIBRARY.size());
        StandardAddress room = index.get(4);
        assertThat(room.code()).isEqualTo("A-18-3-2-501");
        assertThat(room.canonical()).isEqualTo("东莞市东城街道岗贝社区岗贝路18号3栋2单元501室");
        assertThat(room.floor()).isEqualTo("5");
        assertThat(room.lon()).isEqualTo(113.761);
        assertThat(room.gridCode()).isEqualTo("G001");
        assertThat(index.get(5).status()).isEqualTo(AddressStatus.RETIRED);
    }

    @Test
    void editPenalty() {
        assertThat(AddressMatcher.editPenalty("港贝路", "岗贝路")).isEqualTo(AddressMatcher.HOMOPHONE_PENALTY);
        assertThat(AddressMatcher.editPenalty("岗见路", "岗贝路")).isEqualTo(AddressMatcher.LOOK_ALIKE_PENALTY);
        assertThat(AddressMatcher.editPenalty("岗东路", "岗贝路")).isEqualTo(AddressMatcher.OTHER_EDIT_PENALTY);
        assertThat(AddressMatcher.editPenalty("岗路", "岗贝路")).isEqualTo(AddressMatcher.OTHER_EDIT_PENALTY);
        assertThat(AddressMatcher.editPenalty("岗贝街", "岗贝路")).isEqualTo(-1);
        assertThat(AddressMatcher.editPenalty("港见路", "岗贝路")).isEqualTo(-1);
    }
}
