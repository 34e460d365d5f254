package city.twofour.feed;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StagedFieldsTests {

    private static final String[] NAMES = {"name", "phone", "sex", "address"};

    @Test
    void readsTheFieldsThatHaveAValueByTheirNames() {
        assertThat(StagedFields.read("李娜\u001F\u001Ffemale\u001F", NAMES))
                .containsExactly(java.util.Map.entry("name", "李娜"), java.util.Map.entry("sex", "female"));
        assertThat(StagedFields.read("\u001F\u001F\u001F东莞市", NAMES)).containsOnlyKeys("address");
        assertThat(StagedFields.read("", new String[] {"name"})).isEmpty();
    }
}
