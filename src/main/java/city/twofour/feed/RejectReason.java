package city.twofour.feed;

/**
 * Why an input row was rejected: a code a data officer can act on, with a message in Chinese and in English.
 */
public enum RejectReason {

    MISSING_REQUIRED_FIELD("缺少必填字段", "a required field is empty"),
    BAD_CODE("代码格式错误", "the code does not have the expected format"),
    BAD_VALUE("取值不在允许范围内", "the value is not one of the allowed values"),
    UNKNOWN_PARENT("上级区划不存在", "the parent division is unknown"),
    UNKNOWN_VILLAGE("所属村(社区)不存在", "the village/community code is not in the division table"),
    TOWN_MISMATCH("所属镇街与村(社区)不一致", "the town does not contain the given village"),
    DUPLICATE_CODE("同一文件中代码重复", "the same code appears earlier in the same file"),
    GEOMETRY_MISSING("缺少几何图形", "the feature has no geometry"),
    GEOMETRY_UNPARSABLE("几何图形无法解析", "the geometry is not valid GeoJSON"),
    GEOMETRY_NOT_POLYGONAL("几何图形不是面", "the geometry is not a polygon or multipolygon"),
    GEOMETRY_INVALID("几何图形无效(自相交等)", "the polygon is invalid (self-intersection, bad ring, ...)"),
    WRONG_SRID("坐标系不是CGCS2000(EPSG:4490)", "the coordinate system is not CGCS2000 (EPSG:4490)"),
    COORDINATE_OUTSIDE_CITY("坐标超出本市范围", "the coordinates lie outside the city"),
    WRONG_COLUMN_COUNT("列数与表头不一致", "the row has a different number of columns than the header"),
    BROKEN_QUOTING("引号不匹配", "the row has unbalanced quotes"),
    TRUNCATED_LINE("最后一行不完整(文件被截断)", "the last line is cut short: the file seems truncated"),
    BAD_ENCODING("字符编码错误", "the line is not valid text in the file's declared encoding"),
    BAD_CITIZEN_ID("公民身份号码格式错误", "the citizen ID number is malformed (length, characters, region or birth date)"),
    BAD_CITIZEN_ID_CHECK("公民身份号码校验码错误", "the citizen ID number's check character is wrong: a digit is mistyped"),
    CITIZEN_ID_MISMATCH("公民身份号码与出生日期或性别不符", "the birth date or sex contradicts the citizen ID number"),
    BAD_CREDIT_CODE("统一社会信用代码格式错误", "the unified social credit code is malformed"),
    BAD_CREDIT_CODE_CHECK("统一社会信用代码校验码错误", "the unified social credit code's check character is wrong: a character is mistyped"),
    BAD_DATE("日期无效或格式不符", "the date is not a calendar date in one of the feed's formats"),
    BAD_PHONE("电话号码无效", "the phone number is neither an 11-digit mobile number nor a landline with its area code"),
    BAD_NUMBER("数值无效", "the value is not a number"),
    ADDRESS_NOT_MATCHED("地址无法匹配标准地址且无坐标,转人工核查", "the address matches no standard address at the needed level and the row has no point: held for review"),
    ADDRESS_AMBIGUOUS("地址对应多个标准地址且无坐标可区分,转人工核查", "the address fits several standard addresses and the row has no point to tell them apart: held for review"),
    UNKNOWN_GRID("网格编码不存在", "the grid code is not in the grid layer"),
    PLACE_NOT_FOUND("无法确定所在网格(地址、对象、网格名均无法匹配)", "neither the address, nor the record, nor a grid name tells which grid the place is in"),
    UNKNOWN_TASK("核查任务不存在", "no verification task has this number (nor the declaration number given)"),
    TASK_NOT_DISPATCHED("核查任务尚未下发", "the task has not been dispatched to its grid yet: a result cannot be in"),
    TASK_CLOSED("核查任务已办结,结果与已收结果不同", "the task is closed (or expired) and this result differs from the one it was closed with"),
    OFFICER_NOT_IN_GRID("核查人不在该网格名册中", "the officer is not on the roster of the task's grid"),
    BAD_CORRECTION("更正内容无效", "the corrected values cannot be read or do not pass the checks a feed value would"),
    DUPLICATE_FILE("文件重复交付,已跳过", "the same file was delivered before: skipped"),
    EMPTY_FILE("文件为空(无数据行)", "the file has no data rows");

    private final String zh;
    private final String en;

    RejectReason(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }

    public String zh() {
        return zh;
    }

    public String en() {
        return en;
    }
}
