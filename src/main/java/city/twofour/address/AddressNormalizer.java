package city.twofour.address;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import city.twofour.address.internal.ChineseNumerals;

/**
 * Rewrites a free-text address into the normal form the parser reads. The result keeps every
 * piece of information in the input except noise; it is not yet split into levels.
 * <p>
 * Rules, in order:
 * <ol>
 * <li>Full-width characters (digits, letters, punctuation, the ideographic space) become their
 * half-width forms; Latin letters become upper case.</li>
 * <li>Whitespace, brackets (the brackets only, not what they enclose) and punctuation are
 * removed. A hyphen survives only between two digits ({@code 18-2号}).</li>
 * <li>Leading country, province and city names are removed ({@code 中国}, {@code 广东省},
 * {@code 广东}, {@code 东莞市}); {@code 东莞} alone is kept, as it begins {@code 东莞大道}.</li>
 * <li>Position words are removed anywhere: {@link #NOISE_WORDS}.</li>
 * <li>Chinese numerals directly before a level word (号 栋 座 幢 单元 梯 层 楼 室 房 巷) become
 * digits ({@code 十八号} → {@code 18号}, {@code 一〇二室} → {@code 102室}); a leading
 * {@code 第} is dropped. Numerals inside names ({@code 五一路}) are left alone.</li>
 * <li>Level synonyms become the standard word: {@code 号楼 号栋 座 幢 #} → {@code 栋};
 * {@code 楼} after a number → {@code 层}; {@code 房 房间 号房} → {@code 室};
 * {@code 梯} → {@code 单元}.</li>
 * <li>Homophones typed for a level word where only the level word fits: {@code 阶道} → {@code 街道};
 * before a door number {@code 璐} → {@code 路}, {@code 阶} → {@code 街}, {@code 港} → {@code 巷}
 * ({@code 岗贝璐3号} → {@code 岗贝路3号}). The matcher still checks the road against the library.</li>
 * </ol>
 * The rules are applied until the text stops changing, so normalising a normal form returns it
 * unchanged.
 */
public final class AddressNormalizer {

    /** Words that locate a place relative to another and carry no address level. */
    public static final List<String> NOISE_WORDS = List.of("斜对面", "对面", "附近", "旁边", "隔壁", "一带");

    /** Names removed from the start of an address, longest first. */
    public static final List<String> PREFIXES = List.of("中华人民共和国", "中国", "广东省", "广东", "东莞市");

    /** Passes after which normalisation stops even if the text still changes (it settles in two). */
    public static final int MAX_PASSES = 5;

    private static final String LEVEL_WORDS = "号|栋|座|幢|单元|梯|层|楼|室|房|巷";
    private static final Pattern NUMERAL_BEFORE_LEVEL = Pattern.compile(
            "第?([" + ChineseNumerals.CHARACTERS + "]+)(?=" + LEVEL_WORDS + ")");
    private static final Pattern ORDINAL_DIGITS = Pattern.compile("第(\\d+)(?=" + LEVEL_WORDS + ")");
    private static final Pattern PUNCTUATION = Pattern.compile(
            "[\\s\\p{Z}()\\[\\]{}<>【】〔〕《》「」『』〈〉,，、;；:：。.!！?？\"'“”‘’·•~～/\\\\|_*]+");
    private static final Pattern LONE_HYPHEN = Pattern.compile("(?<!\\d)[-－—–]+|[-－—–]+(?!\\d)");
    private static final Pattern HASH_BUILDING = Pattern.compile("([0-9A-Z]+)#(?:号楼|楼|栋|座|幢)?");
    private static final Pattern NUMBERED_BUILDING = Pattern.compile("([0-9A-Z]+)号?(?:楼栋|号楼|号栋|座|幢)");
    private static final Pattern NUMBERED_BUILDING_HAO = Pattern.compile("(\\d+)号(楼|栋)");
    private static final Pattern FLOOR = Pattern.compile("(\\d+)楼");
    private static final Pattern ROOM = Pattern.compile("(\\d+)(?:号房间|号房|房间|房)");
    private static final Pattern UNIT = Pattern.compile("(\\d+)梯");
    /** A sub-number of a door: 8号之一 is door 8-1. */
    private static final Pattern DOOR_SUB_NUMBER = Pattern.compile(
            "(\\d+)号之([" + ChineseNumerals.CHARACTERS + "]+|\\d+)");
    private static final Pattern ROAD_WORD_TYPO = Pattern.compile("[璐阶港](?=\\d+(?:-\\d+)?号)");
    private static final java.util.Map<Character, String> ROAD_WORDS = java.util.Map.of('璐', "路", '阶', "街", '港', "巷");

    private AddressNormalizer() {
    }

    /** The normal form of an address; {@code ""} for null or blank input. */
    public static String normalize(String text) {
        if (text == null) {
            return "";
        }
        String current = text;
        for (int i = 0; i < MAX_PASSES; i++) {
            String next = pass(current);
            if (next.equals(current)) {
                return next;
            }
            current = next;
        }
        return current;
    }

    private static String pass(String text) {
        String s = halfWidth(text);
        s = PUNCTUATION.matcher(s).replaceAll("");
        s = LONE_HYPHEN.matcher(s).replaceAll("");
        s = stripPrefixes(s);
        for (String noise : NOISE_WORDS) {
            s = s.replace(noise, "");
        }
        s = replaceNumerals(s);
        s = ORDINAL_DIGITS.matcher(s).replaceAll("$1");
        s = HASH_BUILDING.matcher(s).replaceAll("$1栋");
        s = NUMBERED_BUILDING_HAO.matcher(s).replaceAll("$1栋");
        s = NUMBERED_BUILDING.matcher(s).replaceAll("$1栋");
        s = FLOOR.matcher(s).replaceAll("$1层");
        s = ROOM.matcher(s).replaceAll("$1室");
        s = UNIT.matcher(s).replaceAll("$1单元");
        s = DOOR_SUB_NUMBER.matcher(s).replaceAll(m -> m.group(1) + "-" + ChineseNumerals.toDigits(m.group(2)) + "号");
        s = s.replace("阶道", "街道");
        s = ROAD_WORD_TYPO.matcher(s).replaceAll(m -> ROAD_WORDS.get(m.group().charAt(0)));
        return s;
    }

    static String halfWidth(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '\uFF01' && c <= '\uFF5E') {
                c = (char) (c - 0xFEE0);
            } else if (c == '\u3000') {
                c = ' ';
            }
            if (c >= 'a' && c <= 'z') {
                c = (char) (c - 'a' + 'A');
            }
            sb.append(c);
        }
        return sb.toString();
    }

    private static String stripPrefixes(String s) {
        boolean stripped = true;
        while (stripped) {
            stripped = false;
            for (String prefix : PREFIXES) {
                if (s.startsWith(prefix)) {
                    s = s.substring(prefix.length());
                    stripped = true;
                }
            }
        }
        return s;
    }

    private static String replaceNumerals(String s) {
        Matcher m = NUMERAL_BEFORE_LEVEL.matcher(s);
        StringBuilder sb = new StringBuilder(s.length());
        while (m.find()) {
            m.appendReplacement(sb, ChineseNumerals.toDigits(m.group(1)));
        }
        m.appendTail(sb);
        return sb.toString();
    }
}
