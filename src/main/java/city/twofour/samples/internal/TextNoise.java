package city.twofour.samples.internal;

import city.twofour.population.CitizenId;
import city.twofour.unit.CreditCode;
import java.util.Map;
import java.util.SplittableRandom;

/** Small, deterministic text corruptions the way clerks and field officers make them. */
final class TextNoise {

    /** Homophones and look-alikes in names: 张/章, 王/汪, 林/材, 陈/程 … (黄/王 sound alike in Cantonese). */
    static final Map<Character, String> NAME_CONFUSIONS = Map.ofEntries(
            Map.entry('张', "章"), Map.entry('章', "张"), Map.entry('王', "汪黄"), Map.entry('汪', "王"),
            Map.entry('林', "材琳"), Map.entry('陈', "程"), Map.entry('程', "陈"), Map.entry('李', "里"),
            Map.entry('刘', "柳"), Map.entry('杨', "扬"), Map.entry('黄', "王"), Map.entry('伟', "玮"),
            Map.entry('明', "名"), Map.entry('华', "桦"), Map.entry('丽', "莉"), Map.entry('芳', "方"),
            Map.entry('军', "君"), Map.entry('峰', "锋"), Map.entry('静', "晶"), Map.entry('辉', "晖"),
            Map.entry('涛', "滔"), Map.entry('燕', "艳"), Map.entry('玲', "铃"), Map.entry('杰', "洁"),
            Map.entry('强', "疆"), Map.entry('欣', "昕"), Map.entry('嘉', "家"), Map.entry('家', "嘉"),
            Map.entry('婷', "亭"), Map.entry('俊', "骏"), Map.entry('叶', "页"), Map.entry('梁', "粱"),
            Map.entry('袁', "元"), Map.entry('钟', "种"), Map.entry('鑫', "金"), Map.entry('达', "大"),
            Map.entry('源', "元"), Map.entry('泰', "太"), Map.entry('盛', "胜"), Map.entry('利', "力"));

    /** Homophones and look-alikes in addresses: 莞/筦, 岗/港, 涌/冲, 村/邨 … */
    static final Map<Character, String> ADDRESS_CONFUSIONS = Map.ofEntries(
            Map.entry('莞', "筦"), Map.entry('岗', "港"), Map.entry('东', "冬"), Map.entry('城', "成"),
            Map.entry('塘', "糖"), Map.entry('新', "心"), Map.entry('村', "邨"), Map.entry('涌', "冲"),
            Map.entry('厦', "夏"), Map.entry('坑', "炕"), Map.entry('街', "阶"), Map.entry('隅', "偶"),
            Map.entry('桥', "侨"), Map.entry('沙', "砂"), Map.entry('湖', "胡"), Map.entry('园', "圆"),
            Map.entry('兴', "星"), Map.entry('龙', "隆"), Map.entry('富', "福"), Map.entry('贝', "背"),
            Map.entry('路', "璐"), Map.entry('巷', "港"), Map.entry('博', "搏"), Map.entry('罗', "萝"));

    private static final String DIGITS = "0123456789";
    private static final String FULL_WIDTH_DIGITS = "０１２３４５６７８９";
    private static final String[] NUMERALS = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"};

    private TextNoise() {
    }

    /** One character replaced from the table, or null if none of its characters is in the table. */
    static String typo(String text, Map<Character, String> table, SplittableRandom random) {
        int count = 0;
        for (int i = 0; i < text.length(); i++) {
            if (table.containsKey(text.charAt(i))) {
                count++;
            }
        }
        if (count == 0) {
            return null;
        }
        int pick = random.nextInt(count);
        for (int i = 0; i < text.length(); i++) {
            String options = table.get(text.charAt(i));
            if (options != null && pick-- == 0) {
                char replacement = options.charAt(random.nextInt(options.length()));
                return text.substring(0, i) + replacement + text.substring(i + 1);
            }
        }
        return null;
    }

    static String fullWidthDigits(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            int d = DIGITS.indexOf(c);
            sb.append(d >= 0 ? FULL_WIDTH_DIGITS.charAt(d) : c);
        }
        return sb.toString();
    }

    /** A number 0-9999 in Chinese numerals as written in addresses: 18 → 十八, 103 → 一百零三. */
    static String chineseNumber(int n) {
        if (n < 10) {
            return NUMERALS[n];
        }
        if (n < 20) {
            return "十" + (n % 10 == 0 ? "" : NUMERALS[n % 10]);
        }
        if (n < 100) {
            return NUMERALS[n / 10] + "十" + (n % 10 == 0 ? "" : NUMERALS[n % 10]);
        }
        if (n < 1000) {
            int rest = n % 100;
            String tail = rest == 0 ? "" : rest < 10 ? "零" + NUMERALS[rest] : rest < 20 ? "一" + chineseNumber(rest) : chineseNumber(rest);
            return NUMERALS[n / 100] + "百" + tail;
        }
        int rest = n % 1000;
        String tail = rest == 0 ? "" : rest < 100 ? "零" + chineseNumber(rest) : chineseNumber(rest);
        return NUMERALS[n / 1000] + "千" + tail;
    }

    /** An 18-character citizen ID with one county or sequence digit mistyped: the check no longer fits. */
    static String mistypeCitizenId(String id, SplittableRandom random) {
        int[] positions = {2, 3, 4, 5, 14, 15};
        int p = positions[random.nextInt(positions.length)];
        char old = id.charAt(p);
        char c = (char) ('0' + (old - '0' + 1 + random.nextInt(9)) % 10);
        String typo = id.substring(0, p) + c + id.substring(p + 1);
        if (CitizenId.isValid(typo)) {
            throw new IllegalStateException("typo still valid: " + typo);
        }
        return typo;
    }

    /** The 15-digit old form of an ID of someone born in the 1900s, or null otherwise. */
    static String oldFormat(String id) {
        if (!id.startsWith("19", 6)) {
            return null;
        }
        return id.substring(0, 6) + id.substring(8, 17);
    }

    /** A phone number a digit short, or with the letter O for its fourth digit. */
    static String badPhone(String phone, SplittableRandom random) {
        return random.nextBoolean() ? phone.substring(0, phone.length() - 1) : phone.substring(0, 3) + "O" + phone.substring(4);
    }

    /** A credit code with one organisation-code character mistyped: the check no longer fits. */
    static String mistypeCreditCode(String code, SplittableRandom random) {
        int p = 9 + random.nextInt(7);
        String alphabet = CreditCode.ALPHABET;
        int old = alphabet.indexOf(code.charAt(p));
        char c = alphabet.charAt((old + 1 + random.nextInt(alphabet.length() - 1)) % alphabet.length());
        return code.substring(0, p) + c + code.substring(p + 1);
    }
}
