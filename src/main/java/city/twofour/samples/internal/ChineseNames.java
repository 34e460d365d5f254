package city.twofour.samples.internal;

import city.twofour.population.Sex;
import java.util.SplittableRandom;

/** Built-in tables of realistic Chinese names: people, roads, units, regions of origin. */
final class ChineseNames {

    /** National surname frequencies (per mille, rounded), most common first. */
    private static final Weighted<String> NATIONAL_SURNAMES = Weighted.of(
            "王", 71, "李", 70, "张", 68, "刘", 54, "陈", 46, "杨", 31, "黄", 24, "赵", 23, "吴", 21, "周", 21,
            "徐", 17, "孙", 15, "马", 14, "朱", 13, "胡", 13, "郭", 12, "何", 12, "高", 11, "林", 11, "罗", 10,
            "郑", 9, "梁", 9, "谢", 8, "宋", 7, "唐", 7, "许", 6, "韩", 6, "冯", 6, "邓", 6, "曹", 6,
            "彭", 5, "曾", 5, "肖", 5, "田", 5, "董", 4, "袁", 4, "潘", 4, "于", 4, "蒋", 4, "蔡", 4,
            "余", 4, "杜", 4, "叶", 4, "程", 4, "苏", 3, "魏", 3, "吕", 3, "丁", 3, "任", 3, "沈", 3,
            "姚", 3, "卢", 3, "姜", 3, "崔", 3, "钟", 3, "谭", 3, "陆", 3, "汪", 3, "范", 3, "金", 3,
            "石", 2, "廖", 2, "贾", 2, "夏", 2, "韦", 2, "付", 2, "方", 2, "白", 2, "邹", 2, "孟", 2,
            "熊", 2, "秦", 2, "邱", 2, "江", 2, "尹", 2, "薛", 2, "段", 2, "雷", 2, "侯", 2, "龙", 2);

    /** Surnames of Dongguan's registered residents: 陈, 黄, 李, 叶, 袁, 卢, 祁, 麦 … */
    private static final Weighted<String> LOCAL_SURNAMES = Weighted.of(
            "陈", 120, "李", 70, "黄", 60, "张", 50, "叶", 50, "梁", 40, "袁", 40, "卢", 40, "何", 30, "钟", 30,
            "莫", 30, "罗", 30, "邓", 30, "刘", 30, "麦", 20, "蔡", 20, "祁", 20, "王", 20, "谢", 20, "林", 20,
            "尹", 20, "方", 10, "翟", 10, "周", 10, "黎", 10, "郑", 10, "赖", 10, "朱", 10);

    private static final String[] LOCAL_MALE = {"伟强", "志明", "家豪", "俊杰", "锦华", "炳坤", "国良", "润发", "耀祖",
            "冠华", "健聪", "永康", "浩然", "展鹏", "嘉伟", "志坚", "卓恒", "振辉", "树荣", "满堂", "灿明", "锡泉", "德胜",
            "少华", "伟文", "锦棠", "荣基", "广华", "汉明", "启超", "子健", "梓杰", "泽林", "柏豪"};
    private static final String[] LOCAL_FEMALE = {"嘉欣", "少芬", "婉仪", "丽珍", "惠玲", "淑贤", "杏芳", "凤娇", "带娣",
            "亚妹", "颖琳", "咏诗", "佩珊", "美玲", "秀英", "丽华", "碧霞", "月娥", "慧敏", "晓彤", "绮雯", "玉莲", "润娟",
            "燕芳", "紫晴", "梓琪", "嘉怡", "敏仪"};
    private static final String[] MALE_CHARS = {"伟", "强", "磊", "军", "勇", "杰", "涛", "明", "超", "刚", "平", "辉", "鹏",
            "华", "飞", "鑫", "波", "斌", "宇", "浩", "凯", "健", "俊", "帆", "旭", "宁", "龙", "林", "峰", "建国", "建华",
            "志强", "海涛", "文博", "子轩", "浩宇", "宇航", "明辉", "国庆", "家乐", "小龙", "永福", "春生", "红兵", "德明"};
    private static final String[] FEMALE_CHARS = {"芳", "娜", "敏", "静", "丽", "艳", "娟", "霞", "燕", "玲", "婷", "雪",
            "慧", "莹", "倩", "晶", "桂英", "秀兰", "欣怡", "雨涵", "梓涵", "诗琪", "佳怡", "海燕", "丽娟", "春梅", "小红",
            "玉兰", "金凤", "翠花", "思雨", "梦瑶"};

    /** Region codes of origin of the floating population (other provinces), with their names. */
    static final String[][] ORIGIN_REGIONS = {
            {"430521", "湖南省邵阳市邵东县"}, {"430524", "湖南省邵阳市隆回县"}, {"431021", "湖南省郴州市桂阳县"},
            {"431121", "湖南省永州市祁阳县"}, {"430623", "湖南省岳阳市华容县"}, {"360121", "江西省南昌市南昌县"},
            {"360424", "江西省九江市修水县"}, {"360730", "江西省赣州市宁都县"}, {"450881", "广西壮族自治区贵港市桂平市"},
            {"450122", "广西壮族自治区南宁市武鸣县"}, {"450521", "广西壮族自治区北海市合浦县"}, {"510322", "四川省自贡市富顺县"},
            {"511621", "四川省广安市岳池县"}, {"500228", "重庆市梁平县"}, {"411521", "河南省信阳市罗山县"},
            {"411323", "河南省南阳市淅川县"}, {"421127", "湖北省黄冈市黄梅县"}, {"421181", "湖北省黄冈市麻城市"},
            {"420982", "湖北省孝感市安陆市"}, {"522121", "贵州省遵义市遵义县"}, {"522428", "贵州省毕节地区赫章县"},
            {"340822", "安徽省安庆市怀宁县"}, {"341221", "安徽省阜阳市临泉县"}, {"350583", "福建省泉州市南安市"},
            {"610324", "陕西省宝鸡市扶风县"}, {"130132", "河北省石家庄市元氏县"}, {"370982", "山东省泰安市新泰市"},
            {"530324", "云南省曲靖市罗平县"}, {"620522", "甘肃省天水市秦安县"}, {"220122", "吉林省长春市农安县"}};

    static final String LOCAL_REGION = "441900";
    static final String LOCAL_REGION_NAME = "广东省东莞市";

    private static final String[] ROAD_STEMS = {"东城", "岗贝", "新村", "振兴", "建设", "人民", "兴业", "育才", "文明",
            "环城", "光明", "富民", "永安", "和平", "迎宾", "创业", "学院", "银丰", "运河", "莞龙", "新风", "聚龙", "同沙",
            "鸿福", "胜和", "景湖", "花园", "旗峰", "汇星", "宏图", "金鳌", "竹园", "榕树", "莲湖", "桥头", "塘尾"};
    private static final String[] ROAD_KINDS = {"大道", "路", "路", "路", "街", "大街", "东路", "西路", "南路", "北路", "中路"};
    private static final String[] LANE_NUMBERS = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};

    private static final String[] BRANDS = {"宏达", "鑫源", "恒泰", "华盛", "永利", "金辉", "联发", "东辰", "富强", "创新",
            "精诚", "明阳", "荣达", "新宇", "嘉业", "德信", "兆丰", "百利", "宝源", "晟丰", "裕隆", "骏升", "天誉", "伟业",
            "汇丰", "盈科", "立讯", "瑞祥", "海泰", "丰华", "信利", "中诚", "隆盛", "佳美", "三友", "益明"};
    private static final String[] INDUSTRIES = {"电子科技", "五金制品", "塑胶制品", "服装", "家具", "模具", "精密机械",
            "实业", "贸易", "物流", "包装材料", "印刷", "电器", "光电科技", "新材料科技", "智能科技", "鞋业", "玩具"};
    private static final String[] SHOPS = {"士多店", "快餐店", "五金店", "理发店", "便利店", "茶餐厅", "烧腊店", "水果店",
            "手机维修店", "药店", "粮油店", "洗衣店", "麻辣烫店", "服装店"};
    private static final String[] ASSOCIATIONS = {"商会", "行业协会", "志愿者协会", "老年人协会", "篮球协会", "舞狮协会"};

    private ChineseNames() {
    }

    static String personName(SplittableRandom random, Sex sex, boolean local) {
        String surname = (local ? LOCAL_SURNAMES : NATIONAL_SURNAMES).pick(random);
        String[] given;
        if (local && random.nextDouble() < 0.8) {
            given = sex == Sex.MALE ? LOCAL_MALE : LOCAL_FEMALE;
        } else {
            given = sex == Sex.MALE ? MALE_CHARS : FEMALE_CHARS;
        }
        return surname + given[random.nextInt(given.length)];
    }

    /** A road name: a stem (often the village's own name) and a kind, or a numbered lane. */
    static String roadName(SplittableRandom random, String villageBare, int index) {
        if (index == 0) {
            return villageBare + (random.nextBoolean() ? "路" : "大道");
        }
        if (index % 4 == 3) {
            return villageBare + (random.nextBoolean() ? "新村" : "") + LANE_NUMBERS[(index / 4) % LANE_NUMBERS.length] + "巷";
        }
        return ROAD_STEMS[random.nextInt(ROAD_STEMS.length)] + ROAD_KINDS[random.nextInt(ROAD_KINDS.length)];
    }

    static String enterpriseName(SplittableRandom random) {
        return "东莞市" + BRANDS[random.nextInt(BRANDS.length)] + INDUSTRIES[random.nextInt(INDUSTRIES.length)] + "有限公司";
    }

    static String shopName(SplittableRandom random, String townShort, String owner) {
        String stem = random.nextBoolean() ? "阿" + owner.substring(owner.length() - 1) : BRANDS[random.nextInt(BRANDS.length)];
        return "东莞市" + townShort + stem + SHOPS[random.nextInt(SHOPS.length)];
    }

    static String institutionName(SplittableRandom random, String townName, String villageShort, String villageBare) {
        return switch (random.nextInt(4)) {
            case 0 -> "东莞市" + townName + villageBare + "小学";
            case 1 -> "东莞市" + townName + villageBare + "幼儿园";
            case 2 -> villageShort + "卫生服务站";
            default -> "东莞市" + townName + villageShort + "党群服务中心";
        };
    }

    static String associationName(SplittableRandom random, String townName) {
        return "东莞市" + townName + ASSOCIATIONS[random.nextInt(ASSOCIATIONS.length)];
    }

    static String[] originRegion(SplittableRandom random) {
        return ORIGIN_REGIONS[random.nextInt(ORIGIN_REGIONS.length)];
    }

    /** Drops 街道 / 镇 from a town name: 莞城街道 → 莞城. */
    static String townShort(String townName) {
        if (townName.endsWith("街道")) {
            return townName.substring(0, townName.length() - 2);
        }
        if (townName.endsWith("镇") && townName.length() > 2) {
            return townName.substring(0, townName.length() - 1);
        }
        return townName;
    }

    /** A small weighted choice table; picks in a fixed order so it is deterministic. */
    record Weighted<T>(Object[] items, int[] cumulative) {

        @SuppressWarnings("unchecked")
        static <T> Weighted<T> of(Object... pairs) {
            Object[] items = new Object[pairs.length / 2];
            int[] cumulative = new int[pairs.length / 2];
            int total = 0;
            for (int i = 0; i < items.length; i++) {
                items[i] = pairs[2 * i];
                total += (Integer) pairs[2 * i + 1];
                cumulative[i] = total;
            }
            return new Weighted<>(items, cumulative);
        }

        @SuppressWarnings("unchecked")
        T pick(SplittableRandom random) {
            int r = random.nextInt(cumulative[cumulative.length - 1]);
            for (int i = 0; i < cumulative.length; i++) {
                if (r < cumulative[i]) {
                    return (T) items[i];
                }
            }
            return (T) items[items.length - 1];
        }
    }
}
