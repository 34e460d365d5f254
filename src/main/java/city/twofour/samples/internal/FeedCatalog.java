package city.twofour.samples.internal;

import city.twofour.samples.internal.FeedFile.Spec;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Every department feed the generator writes, as the department exports it. */
public final class FeedCatalog {

    static final Charset GBK = Charset.forName("GBK");
    static final Charset GB18030 = Charset.forName("GB18030");
    static final Charset UTF8 = StandardCharsets.UTF_8;

    static final Spec HOUSEHOLD = new Spec("feeds/public-security/household_registration_20261122.csv",
            "公安 户籍", "registered residents (户籍人口)", GB18030, false, ',', false, "\r\n", "", "yyyyMMdd",
            List.of("姓名", "公民身份号码", "性别", "出生日期", "户籍地址", "联系电话", "登记日期"));
    static final Spec FLOATING = new Spec("feeds/public-security/floating_population_20261122.csv",
            "公安 流动人口", "floating population registration (流动人口登记)", UTF8, true, ',', false, "\n", "", "yyyy-MM-dd",
            List.of("姓名", "证件号码", "性别", "民族", "出生日期", "户籍地详址", "现居住地址", "联系电话", "登记日期", "居住事由"));
    static final Spec ADDRESSES = new Spec("feeds/public-security/standard_addresses_20261122.txt",
            "公安 标准地址", "standard address list (标准地址)", UTF8, false, '|', false, "\n", "CGCS2000", "",
            List.of("地址编码", "标准地址", "镇街", "村社区", "街路巷", "门牌号", "楼栋号", "单元号", "户室号", "经度", "纬度"));
    static final Spec CAMERAS = new Spec("feeds/public-security/cameras_20261122.csv",
            "公安 视频监控", "public-security cameras (视频监控点位)", UTF8, false, ',', false, "\n", "CGCS2000", "yyyy-MM-dd",
            List.of("设备编码", "设备名称", "安装位置", "经度", "纬度", "建设单位", "设备状态", "接入日期"));
    static final Spec HOUSING_BUILDINGS = new Spec("feeds/housing/building_registry_20261120.tsv",
            "住建 房屋", "housing building registry (房屋楼栋登记)", GBK, false, '\t', false, "\r\n", "", "yyyy/M/d",
            List.of("房屋编号", "房屋坐落", "楼栋名称", "地上层数", "房屋用途", "产权人", "产权人证件号码", "登记日期"));
    static final Spec HOUSING_RENTALS = new Spec("feeds/housing/rental_registry_20261121.csv",
            "住建 出租屋", "rental-house registry (出租屋登记)", GBK, false, ',', false, "\r\n", "", "yyyy-MM-dd",
            List.of("出租屋编号", "出租屋地址", "房东姓名", "房东身份证号", "房东电话", "出租间数", "登记日期"));
    /** The rental registry delivered a second time, byte for byte, under the next day's name. */
    static final String HOUSING_RENTALS_RESENT = "feeds/housing/rental_registry_20261122.csv";
    static final Spec MARKET = new Spec("feeds/market/business_registry_20261122.csv",
            "市场监管 商事登记", "business registry (商事主体登记)", UTF8, false, ',', true, "\n", "", "yyyy年M月d日",
            List.of("统一社会信用代码", "企业名称", "市场主体类型", "法定代表人", "住所", "成立日期", "登记状态", "联系电话"));
    static final Spec HYDRANTS = new Spec("feeds/fire/hydrants_20261122.csv",
            "消防 消防栓", "fire hydrants (市政消火栓)", UTF8, false, ',', false, "\n", "GCJ-02", "yyyy-MM-dd",
            List.of("消防栓编号", "位置描述", "经度", "纬度", "管径", "状态", "巡查日期"));
    /** Yesterday's hydrant export: zero bytes. */
    static final String HYDRANTS_EMPTY = "feeds/fire/hydrants_20261121.csv";
    static final Spec CITY_PARTS = new Spec("feeds/city-management/city_parts_20261122.csv",
            "城管 部件", "city-management parts (城市部件: 路灯, 井盖, 垃圾桶)", GB18030, false, ',', false, "\r\n", "BD-09",
            "yyyy.MM.dd", List.of("部件标识码", "部件名称", "部件小类", "所在位置", "X坐标", "Y坐标", "部件状态", "普查日期"));
    static final Spec FIELD_BUILDINGS = new Spec("feeds/grid/field_buildings_20261122.csv",
            "网格 采集", "grid officers' field collection of buildings and rental houses (网格采集)", UTF8, false, ',', false,
            "\n", "CGCS2000", "yyyy-MM-dd HH:mm",
            List.of("采集编号", "网格编码", "楼栋地址", "楼栋名称", "层数", "房屋用途", "是否出租屋", "出租间数", "房东姓名", "经度", "纬度", "采集人", "采集时间"));
    static final Spec FIELD_PEOPLE = new Spec("feeds/grid/field_people_20261122.csv",
            "网格 采集", "grid officers' field collection of the people living at each address (网格采集 实有人口)", UTF8,
            false, ',', false, "\n", "", "yyyy-MM-dd HH:mm",
            List.of("采集编号", "网格编码", "姓名", "身份证号", "性别", "人员类别", "居住地址", "联系电话", "采集人", "采集时间"));
    static final Spec OFFICERS = new Spec("feeds/grid/grid_officers_20261122.csv",
            "网格 网格员", "grid officer roster (网格员名册)", UTF8, false, ',', false, "\n", "", "",
            List.of("人员编号", "姓名", "网格编码", "联系电话", "职务"));
    static final Spec DECLARATIONS = new Spec("feeds/grid/declarations_20261122.csv",
            "网格 申报", "declarations (申报)", UTF8, false, ',', false, "\n", "", "yyyy-MM-dd HH:mm:ss",
            List.of("申报编号", "申报类型", "申报时间", "申报地址", "对象类型", "对象标识", "对象名称", "申报内容", "申报人", "联系电话"));
    static final Spec VERIFICATIONS = new Spec("feeds/grid/verification_results_20261122.csv",
            "网格 核查", "field verification results (核查结果)", UTF8, false, ',', false, "\n", "CGCS2000", "yyyy-MM-dd HH:mm",
            List.of("任务编号", "申报编号", "网格编码", "核查结果", "更正内容", "经度", "纬度", "核查人编号", "核查人", "核查时间",
                    "佐证编号"));

    /** All feeds with rows, in the order they are written. */
    public static final List<Spec> ALL = List.of(HOUSEHOLD, FLOATING, ADDRESSES, CAMERAS, HOUSING_BUILDINGS,
            HOUSING_RENTALS, MARKET, HYDRANTS, CITY_PARTS, FIELD_BUILDINGS, FIELD_PEOPLE, OFFICERS, DECLARATIONS,
            VERIFICATIONS);

    private FeedCatalog() {
    }

    public static Spec byPath(String path) {
        return ALL.stream().filter(s -> s.path().equals(path)).findFirst().orElse(null);
    }
}
