package city.twofour.address;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Objects;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AddressParserTest {

    /** Columns: text | town code | village code | road | door | building | unit | floor | room | unparsed. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            # real-world forms
            广东省东莞市南城街道莞太路111号                     | 441900004 | -            | 莞太路 | 111 | - | - | - | - | -
            东城区主山社区大井头新村三巷8号之一                   | 441900003 | 441900003016 | 大井头新村3巷 | 8-1 | - | - | - | - | -
            # the standard form itself
            东莞市东城街道岗贝社区岗贝路18号3栋2单元501室      | 441900003 | 441900003001 | 岗贝路 | 18 | 3 | 2 | 5 | 501 | -
            # province and city prefixes
            广东省东莞市东城街道岗贝社区岗贝路18号3栋2单元501室  | 441900003 | 441900003001 | 岗贝路 | 18 | 3 | 2 | 5 | 501 | -
            广东东莞市东城区岗贝社区岗贝路18号                  | 441900003 | 441900003001 | 岗贝路 | 18 | - | - | - | - | -
            中国广东省东莞市东城街道岗贝路18号                   | 441900003 | -            | 岗贝路 | 18 | - | - | - | - | -
            # town aliases
            东城岗贝社区岗贝路18号                             | 441900003 | 441900003001 | 岗贝路 | 18 | - | - | - | - | -
            东城街道办事处岗贝社区岗贝路18号                    | 441900003 | 441900003001 | 岗贝路 | 18 | - | - | - | - | -
            # village aliases and the town inferred from the village
            岗贝社区居民委员会岗贝路18号                        | 441900003 | 441900003001 | 岗贝路 | 18 | - | - | - | - | -
            岗贝居委会岗贝路18号                               | 441900003 | 441900003001 | 岗贝路 | 18 | - | - | - | - | -
            东城岗贝岗贝路18号                                 | 441900003 | 441900003001 | 岗贝路 | 18 | - | - | - | - | -
            常平镇板石村委会板石路1号                            | 441900110 | 441900110209 | 板石路 | 1  | - | - | - | - | -
            常平板石村板石路1号                                 | 441900110 | 441900110209 | 板石路 | 1  | - | - | - | - | -
            茶山镇上元村村委会上元路6号                          | 441900103 | 441900103200 | 上元路 | 6  | - | - | - | - | -
            # a bare stem running into a road suffix is the road
            东城岗贝路18号                                    | 441900003 | -            | 岗贝路   | 18 | - | - | - | - | -
            东城中路18号                                      | -         | -            | 东城中路 | 18 | - | - | - | - | -
            花园新村路18号                                     | -         | -            | 花园新村路 | 18 | - | - | - | - | -
            东城街道黄泥村东路2号                                | 441900003 | -            | 黄泥村东路 | 2 | - | - | - | - | -
            东城街道黄泥村东兴路2号                              | 441900003 | -            | 东兴路 | 2 | - | - | - | - | -
            # a village name shared by two towns is decided by the town, or left without a code
            南城街道石鼓社区石鼓路3号                            | 441900004 | 441900004014 | 石鼓路 | 3 | - | - | - | - | -
            塘厦镇石鼓社区石鼓路3号                              | 441900116 | 441900116017 | 石鼓路 | 3 | - | - | - | - | -
            石鼓社区石鼓路3号                                   | -         | -            | 石鼓路 | 3 | - | - | - | - | -
            # full-width digits, letters, spaces and punctuation
            岗贝路１８号３栋２单元５０１室                        | -         | -            | 岗贝路 | 18 | 3 | 2 | 5 | 501 | -
            东城街道　岗贝社区，岗贝路 18 号、3栋                  | 441900003 | 441900003001 | 岗贝路 | 18 | 3 | - | - | - | -
            岗贝路18号ｂ座                                    | -         | -            | 岗贝路 | 18 | B | - | - | - | -
            岗贝路18号;3栋;2单元                               | -         | -            | 岗贝路 | 18 | 3 | 2 | - | - | -
            # Chinese numerals
            岗贝路十八号                                      | -         | -            | 岗贝路 | 18 | - | - | - | - | -
            岗贝路18号二十三栋                                 | -         | -            | 岗贝路 | 18 | 23 | - | - | - | -
            岗贝路18号3栋一〇二室                               | -         | -            | 岗贝路 | 18 | 3 | - | 1 | 102 | -
            岗贝路廿三号                                       | -         | -            | 岗贝路 | 23 | - | - | - | - | -
            岗贝路18号第三栋两单元                               | -         | -            | 岗贝路 | 18 | 3 | 2 | - | - | -
            岗贝路一百零二号                                    | -         | -            | 岗贝路 | 102 | - | - | - | - | -
            五一路12号                                        | -         | -            | 五一路 | 12 | - | - | - | - | -
            # building synonyms
            岗贝路18号3座                                     | -         | -            | 岗贝路 | 18 | 3 | - | - | - | -
            岗贝路18号3幢                                     | -         | -            | 岗贝路 | 18 | 3 | - | - | - | -
            岗贝路18号3号楼                                   | -         | -            | 岗贝路 | 18 | 3 | - | - | - | -
            岗贝路18号3号栋                                   | -         | -            | 岗贝路 | 18 | 3 | - | - | - | -
            岗贝路18号3#楼                                    | -         | -            | 岗贝路 | 18 | 3 | - | - | - | -
            岗贝路18号A座                                     | -         | -            | 岗贝路 | 18 | A | - | - | - | -
            # unit, floor and room synonyms
            岗贝路18号3栋2梯501房                              | -         | -            | 岗贝路 | 18 | 3 | 2 | 5 | 501 | -
            岗贝路18号3栋501房间                               | -         | -            | 岗贝路 | 18 | 3 | - | 5 | 501 | -
            岗贝路18号3栋5楼                                   | -         | -            | 岗贝路 | 18 | 3 | - | 5 | - | -
            岗贝路18号3栋5层501室                              | -         | -            | 岗贝路 | 18 | 3 | - | 5 | 501 | -
            # rooms without a room word, floors implied by rooms
            岗贝路18号3栋2单元501                              | -         | -            | 岗贝路 | 18 | 3 | 2 | 5 | 501 | -
            岗贝路18号3栋501号                                 | -         | -            | 岗贝路 | 18 | 3 | - | 5 | 501 | -
            岗贝路18号3栋1203                                 | -         | -            | 岗贝路 | 18 | 3 | - | 12 | 1203 | -
            岗贝路18号3栋12室                                 | -         | -            | 岗贝路 | 18 | 3 | - | - | 12 | -
            # door numbers
            岗贝路18-2号                                      | -         | -            | 岗贝路 | 18-2 | - | - | - | - | -
            岗贝路18                                          | -         | -            | 岗贝路 | 18 | - | - | - | - | -
            岗贝路3巷5号                                      | -         | -            | 岗贝路3巷 | 5 | - | - | - | - | -
            # former village names
            莞城街道北隅村宏图路6号                              | 441900006 | 441900006003 | 宏图路 | 6 | - | - | - | - | -
            石碣镇水南管理区水南路6号                            | 441900101 | 441900101201 | 水南路 | 6 | - | - | - | - | -
            # a road or lane named off a village's or another name
            温塘一巷2号1栋101室                                 | -         | -            | 温塘1巷 | 2 | 1 | - | 1 | 101 | -
            温塘1巷2号                                         | -         | -            | 温塘1巷 | 2 | - | - | - | - | -
            石碣镇唐洪村六巷2号                                  | 441900101 | 441900101200 | 唐洪村6巷 | 2 | - | - | - | - | -
            唐洪村唐洪村六巷2号1栋                               | 441900101 | 441900101200 | 唐洪村6巷 | 2 | 1 | - | - | - | -
            企石镇深巷村深巷村二巷2号1栋101室                     | 441900105 | 441900105201 | 深巷村2巷 | 2 | 1 | - | 1 | 101 | -
            深巷村深巷村大道8号                                  | 441900105 | 441900105201 | 深巷村大道 | 8 | - | - | - | - | -
            石碣镇唐洪村唐洪村路3号                               | 441900101 | 441900101200 | 唐洪村路 | 3 | - | - | - | - | -
            大朗镇巷头社区巷头八巷5号                             | 441900113 | 441900113004 | 巷头8巷 | 5 | - | - | - | - | -
            松山湖虚拟社区松山湖二巷3号                            | 441900401 | 441900401498 | 松山湖2巷 | 3 | - | - | - | - | -
            # noise words
            岗贝路18号附近                                     | -         | -            | 岗贝路 | 18 | - | - | - | - | -
            东城岗贝社区岗贝路18号对面                           | 441900003 | 441900003001 | 岗贝路 | 18 | - | - | - | - | -
            岗贝路18号旁边3栋                                  | -         | -            | 岗贝路 | 18 | 3 | - | - | - | -
            # what fits no level is kept, not dropped
            岗贝路18号（金色华庭）3栋                            | -         | -            | 岗贝路 | 18 | 3 | - | - | - | 金色华庭
            岗贝路18号金色华庭3栋2单元501                       | -         | -            | 岗贝路 | 18 | 3 | 2 | 5 | 501 | 金色华庭
            不详                                              | -         | -            | -     | -  | - | - | - | - | 不详
            # repeated levels
            岗贝路岗贝路18号                                   | -         | -            | 岗贝路 | 18 | - | - | - | - | -
            东城街道东城街道岗贝社区岗贝路18号                    | 441900003 | 441900003001 | 岗贝路 | 18 | - | - | - | - | -
            岗贝社区东城街道岗贝路18号                           | 441900003 | 441900003001 | 岗贝路 | 18 | - | - | - | - | -
            # real-world-looking addresses from other towns
            东莞市南城区鸿福社区鸿福路106号（鸿福大厦）A座2018房    | 441900004 | 441900004003 | 鸿福路 | 106 | A | - | 20 | 2018 | 鸿福大厦
            南城街道东莞大道88号                                | 441900004 | -            | 东莞大道 | 88 | - | - | - | - | -
            虎门镇则徐社区则徐路8号2栋302                        | 441900121 | 441900121005 | 则徐路 | 8 | 2 | - | 3 | 302 | -
            长安镇乌沙社区江贝路三号二栋                         | 441900119 | 441900119008 | 江贝路 | 3 | 2 | - | - | - | -
            常平镇 土塘村 土塘大街 12号 3#楼 601                   | 441900110 | 441900110212 | 土塘大街 | 12 | 3 | - | 6 | 601 | -
            南城三元里社区三元路2号                              | 441900004 | 441900004008 | 三元路 | 2 | - | - | - | - | -
            松山湖新竹路4号                                     | 441900401 | -            | 新竹路 | 4 | - | - | - | - | -
            """)
    void parses(String text, String townCode, String villageCode, String road, String door, String building,
            String unit, String floor, String room, String unparsed) {
        ParsedAddress p = AddressParser.parse(text);
        assertThat(Arrays.asList(p.townCode(), p.villageCode(), p.road(), p.doorNumber(), p.building(), p.unit(),
                p.floor(), p.room(), p.unparsed()))
                .as("parsed %s (normalised %s)", text, p.normalized())
                .containsExactly(townCode, villageCode, road, door, building, unit, floor, room,
                        Objects.requireNonNullElse(unparsed, ""));
    }

    @Test
    void canonicalTextIsTheStandardForm() {
        assertThat(AddressParser.parse("广东省东莞市东城区岗贝居委会 岗贝路十八号三座二梯五零一房").canonical())
                .isEqualTo("东莞市东城街道岗贝社区岗贝路18号3栋2单元501室");
        assertThat(AddressParser.parse("岗贝社区岗贝路18号").canonical()).isEqualTo("东莞市东城街道岗贝社区岗贝路18号");
        assertThat(AddressParser.parse("常平板石村板石路1号5楼").canonical()).isEqualTo("东莞市常平镇板石村板石路1号5层");
        assertThat(AddressParser.parse("不详").canonical()).isEmpty();
    }

    @Test
    void namesComponentsAsWritten() {
        ParsedAddress p = AddressParser.parse("东城岗贝岗贝路18号3栋2单元501");
        assertThat(p.town()).isEqualTo("东城街道");
        assertThat(p.village()).isEqualTo("岗贝社区");
        assertThat(p.finestLevel()).isEqualTo(AddressLevel.ROOM);
        assertThat(p.floorImpliedByRoom()).isTrue();
        assertThat(p.normalized()).isEqualTo("东城岗贝岗贝路18号3栋2单元501");
    }

    @Test
    void keepsAVillageOfAnotherTownByNameOnly() {
        ParsedAddress p = AddressParser.parse("东城街道新塘村新塘路3号");
        assertThat(p.village()).isEqualTo("新塘村");
        assertThat(p.villageCode()).isNull();
        assertThat(p.road()).isEqualTo("新塘路");
    }

    @Test
    void extraAliasesNameOldVillages() {
        AddressParser parser = new AddressParser(DivisionAliases.dongguan().withAlias("岗贝村", "441900003001"));
        ParsedAddress p = parser.parseAddress("东城岗贝村岗贝路18号");
        assertThat(p.villageCode()).isEqualTo("441900003001");
        assertThat(p.village()).isEqualTo("岗贝社区");
    }

    @Test
    void aVillageWhoseNameBeginsWithTheTownsIsReadAsTheVillage() {
        AddressParser parser = new AddressParser(DivisionAliases.of("东莞市", java.util.List.of(
                Division.official("441900005", "万江街道", "441900"),
                Division.official("441900005001", "万江墟社区居民委员会", "441900005"),
                Division.official("441900005002", "万江社区居民委员会", "441900005"))));

        ParsedAddress p = parser.parseAddress("万江墟万江墟新村六巷2号1栋");

        assertThat(p.villageCode()).isEqualTo("441900005001");
        assertThat(p.townCode()).isEqualTo("441900005");
        assertThat(p.road()).isEqualTo("万江墟新村6巷");
        assertThat(p.doorNumber()).isEqualTo("2");
        assertThat(p.building()).isEqualTo("1");
        assertThat(p.unparsed()).isEmpty();
        assertThat(parser.parseAddress("万江街道万江社区万江路3号").villageCode()).isEqualTo("441900005002");
    }

    @Test
    void emptyInput() {
        ParsedAddress p = AddressParser.parse("  ");
        assertThat(p.finestLevel()).isNull();
        assertThat(p.unparsed()).isEmpty();
        assertThat(AddressParser.parse(null).normalized()).isEmpty();
    }

    @Test
    void floorOfRoom() {
        assertThat(AddressParser.floorOfRoom("501")).isEqualTo("5");
        assertThat(AddressParser.floorOfRoom("1203")).isEqualTo("12");
        assertThat(AddressParser.floorOfRoom("012")).isNull();
        assertThat(AddressParser.floorOfRoom("12")).isNull();
        assertThat(AddressParser.floorOfRoom("A01")).isNull();
    }
}
