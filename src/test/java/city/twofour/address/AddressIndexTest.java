package city.twofour.address;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class AddressIndexTest {

    private static StandardAddress room(String code, String road, int door, int room, AddressStatus status) {
        return new StandardAddress(code, "441900003", "441900003001", road, String.valueOf(door), "1", null,
                AddressParser.floorOfRoom(String.valueOf(room)), String.valueOf(room), null, 113.7612345, 23.0412345,
                "G1", status);
    }

    @Test
    void keepsCoordinatesToTheCentimetreAndMissingOnesAsNull() {
        AddressIndex index = AddressIndex.build(List.of(
                room("R1", "岗贝路", 18, 501, AddressStatus.ACTIVE),
                new StandardAddress("D1", "441900003", "441900003001", "岗贝路", "20", null, null, null, null, null,
                        null, null, null, AddressStatus.ACTIVE)));
        assertThat(index.get(0).lon()).isEqualTo(113.7612345);
        assertThat(index.get(0).lat()).isEqualTo(23.0412345);
        assertThat(index.get(1).lon()).isNull();
        assertThat(index.get(1).gridCode()).isNull();
        assertThat(index.get(1).level()).isEqualTo(MatchLevel.DOOR);
    }

    @Test
    void anActiveEntryWinsOverARetiredOneWithTheSameComponents() {
        AddressIndex index = AddressIndex.build(List.of(
                room("OLD", "岗贝路", 18, 501, AddressStatus.RETIRED),
                room("NEW", "岗贝路", 18, 501, AddressStatus.ACTIVE)));
        AddressMatch m = new AddressMatcher(index).match("岗贝社区岗贝路18号1栋501");
        assertThat(m.code()).isEqualTo("NEW");
    }

    @Test
    void keepsNumbersBeyondSixteenBitsOfDistinctValues() {
        List<StandardAddress> entries = new ArrayList<>();
        for (int i = 0; i < 70_000; i++) {
            entries.add(room("R" + i, "岗贝路", 18, 100 + i, AddressStatus.ACTIVE));
        }
        AddressIndex index = AddressIndex.build(entries);
        assertThat(index.get(69_999).room()).isEqualTo("70099");
        assertThat(index.get(69_999).floor()).isEqualTo("700");
        assertThat(new AddressMatcher(index).match("岗贝社区岗贝路18号1栋70099室").code()).isEqualTo("R69999");
    }

    @Test
    void holdsAnEntryInLessThanAHundredBytes() {
        List<StandardAddress> entries = new ArrayList<>();
        for (int i = 0; i < 50_000; i++) {
            entries.add(room(String.format("4419000030010000%06d", i), "路" + (i / 1000), i / 100 % 10, 101 + i % 100,
                    AddressStatus.ACTIVE));
        }
        AddressIndex index = AddressIndex.build(entries);
        assertThat(index.size()).isEqualTo(50_000);
        assertThat(index.estimatedBytes() / (double) index.size()).isLessThan(100);
    }
}
