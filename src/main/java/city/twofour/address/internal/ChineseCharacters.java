package city.twofour.address.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import net.sourceforge.pinyin4j.PinyinHelper;

/**
 * Character similarity for typo tolerance: homophones (a shared Hanyu Pinyin reading, tones
 * ignored) and look-alikes (pairs commonly confused in writing or OCR).
 */
public final class ChineseCharacters {

    /** Groups of characters that look alike; any two in a group are look-alikes. */
    public static final List<String> LOOK_ALIKE_GROUPS = List.of(
            "己已巳", "未末", "士土", "日曰", "贝见", "候侯", "戊戌戍", "汩汨", "准淮", "拔拨", "洒酒", "免兔",
            "析折", "冶治", "茶荼", "崇祟", "刺剌", "祖袒", "徽微", "辨辩辫", "太犬大", "王玉主", "人入八",
            "田由甲申", "干于千", "末未", "休体", "壁璧", "澳奥", "涌湧", "沥历", "坑炕", "塘溏", "岗冈", "园圆");

    private static final ConcurrentHashMap<Character, Set<String>> READINGS = new ConcurrentHashMap<>();

    private ChineseCharacters() {
    }

    /** True if the two characters share a reading (tones ignored), e.g. 岗/港 (gang). */
    public static boolean homophones(char a, char b) {
        if (a == b) {
            return true;
        }
        Set<String> ra = readings(a);
        for (String r : readings(b)) {
            if (ra.contains(r)) {
                return true;
            }
        }
        return false;
    }

    /** True if the two characters are listed together in {@link #LOOK_ALIKE_GROUPS}. */
    public static boolean lookAlike(char a, char b) {
        if (a == b) {
            return true;
        }
        for (String group : LOOK_ALIKE_GROUPS) {
            if (group.indexOf(a) >= 0 && group.indexOf(b) >= 0) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> readings(char c) {
        return READINGS.computeIfAbsent(c, k -> {
            String[] pinyin = PinyinHelper.toHanyuPinyinStringArray(k);
            Set<String> set = new HashSet<>();
            if (pinyin != null) {
                for (String p : pinyin) {
                    set.add(p.replaceAll("[0-9]", ""));
                }
            }
            return set;
        });
    }
}
