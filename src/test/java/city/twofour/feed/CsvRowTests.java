package city.twofour.feed;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CsvRowTests {

    @Test
    void aValueIsStrippedOfWhiteSpaceAndABlankOneIsNone() {
        List<String> header = List.of("姓名", "地址", "电话", "备注", "民族");
        CsvRow row = new CsvRow(1, 2, header, List.of("\u3000李娜 ", "东莞市\u3000", "13800138000", " \t\u3000", "汉"), "", null, true);

        assertThat(row.get("姓名")).isEqualTo("李娜");
        assertThat(row.get("地址")).isEqualTo("东莞市");
        assertThat(row.get("电话")).isEqualTo("13800138000");
        assertThat(row.get("备注")).isNull();
        assertThat(row.get("民族")).isEqualTo("汉");
        assertThat(row.get("籍贯")).isNull();
    }
}
