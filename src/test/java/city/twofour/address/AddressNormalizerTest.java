package city.twofour.address;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import city.twofour.address.internal.ChineseNumerals;

class AddressNormalizerTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            岗贝路１８号                 | 岗贝路18号
            岗贝路18号ａ座               | 岗贝路18号A栋
            岗贝路　18号                 | 岗贝路18号
            岗贝路(18号)                 | 岗贝路18号
            【岗贝路】18号                | 岗贝路18号
            广东省东莞市岗贝路18号          | 岗贝路18号
            东莞市东莞大道1号              | 东莞大道1号
            岗贝路18号附近                | 岗贝路18号
            岗贝路18号斜对面               | 岗贝路18号
            岗贝路十八号                  | 岗贝路18号
            岗贝路18号二十三栋             | 岗贝路18号23栋
            3栋一〇二室                   | 3栋102室
            3号楼                        | 3栋
            3#                          | 3栋
            5楼                          | 5层
            501房间                       | 501室
            2梯                          | 2单元
            第三栋                        | 3栋
            18-2号                       | 18-2号
            3栋-501                      | 3栋501
            五一路                        | 五一路
            东城阶道岗贝路18号              | 东城街道岗贝路18号
            岗贝璐3号                     | 岗贝路3号
            兴业阶3号1栋                   | 兴业街3号1栋
            富民大阶1号                    | 富民大街1号
            温塘一港2号                    | 温塘1巷2号
            香港路3号                      | 香港路3号
            """)
    void normalizes(String text, String expected) {
        assertThat(AddressNormalizer.normalize(text)).isEqualTo(expected);
    }

    @Test
    void normalisingTwiceIsNormalisingOnce() {
        List<String> samples = List.of("广东省东莞市东城区岗贝居委会 岗贝路十八号三座二梯五零一房", "附附近近岗贝路", "东莞市东莞市广东省3号号楼",
                "（（3））＃楼", "第第三栋", "3#楼栋", "岗贝路18号--3栋");
        for (String s : samples) {
            String once = AddressNormalizer.normalize(s);
            assertThat(AddressNormalizer.normalize(once)).as(s).isEqualTo(once);
        }
    }

    @Test
    void normalisingTwiceIsNormalisingOnceForRandomText() {
        String pool = "岗贝路东城街道社区号栋座幢楼单元梯层室房间第十二三两〇零廿一五附近对面旁边 ，（）#-0123456789ＡａB广东省东莞市";
        Random random = new Random(20260101L);
        for (int i = 0; i < 5_000; i++) {
            StringBuilder sb = new StringBuilder();
            int length = 1 + random.nextInt(20);
            for (int j = 0; j < length; j++) {
                sb.append(pool.charAt(random.nextInt(pool.length())));
            }
            String once = AddressNormalizer.normalize(sb.toString());
            assertThat(AddressNormalizer.normalize(once)).as(sb.toString()).isEqualTo(once);
        }
    }

    @Test
    void parsingTheCanonicalTextGivesTheSameAddress() {
        for (String s : List.of("东城岗贝岗贝路十八号三座二梯五零一房", "虎门则徐社区则徐路8号2栋302", "常平板石村板石路1号5楼")) {
            ParsedAddress first = AddressParser.parse(s);
            ParsedAddress again = AddressParser.parse(first.canonical());
            assertThat(again.canonical()).isEqualTo(first.canonical());
            assertThat(again.villageCode()).isEqualTo(first.villageCode());
            assertThat(again.room()).isEqualTo(first.room());
        }
    }

    @Test
    void readsChineseNumerals() {
        assertThat(ChineseNumerals.toDigits("十八")).isEqualTo("18");
        assertThat(ChineseNumerals.toDigits("二十三")).isEqualTo("23");
        assertThat(ChineseNumerals.toDigits("一〇二")).isEqualTo("102");
        assertThat(ChineseNumerals.toDigits("五零一")).isEqualTo("501");
        assertThat(ChineseNumerals.toDigits("两")).isEqualTo("2");
        assertThat(ChineseNumerals.toDigits("两百零一")).isEqualTo("201");
        assertThat(ChineseNumerals.toDigits("廿三")).isEqualTo("23");
        assertThat(ChineseNumerals.toDigits("卅")).isEqualTo("30");
        assertThat(ChineseNumerals.toDigits("一千二百")).isEqualTo("1200");
    }
}
