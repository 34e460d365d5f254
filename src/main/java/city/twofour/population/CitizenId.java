package city.twofour.population;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

/**
 * A citizen ID number (公民身份号码) as defined by GB 11643-1999.
 * <p>
 * 18 characters: a 6-digit region code (address code of the place of first registration), an
 * 8-digit birth date {@code yyyyMMdd}, a 3-digit sequence whose last digit is odd for men and even
 * for women, and a check character computed with ISO 7064 MOD 11-2 ({@code 0-9} or {@code X}).
 * <p>
 * Old 15-digit numbers (6-digit region, {@code yyMMdd} birth date of the 1900s, 3-digit sequence)
 * are accepted by {@link #parse(String)} and upgraded to 18 characters. A lower-case {@code x} is
 * accepted and stored upper-case; surrounding whitespace is ignored.
 * <p>
 * Validation does not look at the clock: a birth date in the future is not rejected here.
 */
public final class CitizenId {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK_CHARACTERS = "10X98765432";
    private static final int EARLIEST_BIRTH_YEAR = 1850;
    private static final Set<String> PROVINCE_CODES = Set.of(
            "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37",
            "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65",
            "71", "81", "82", "83");
    /** Whether the two digits are a province code, by their value: looked up for every number of a file. */
    private static final boolean[] PROVINCE = new boolean[100];

    static {
        PROVINCE_CODES.forEach(code -> PROVINCE[Integer.parseInt(code)] = true);
    }

    private final String value;
    private final boolean upgraded;

    private CitizenId(String value, boolean upgraded) {
        this.value = value;
        this.upgraded = upgraded;
    }

    /**
     * Parses an 18-character number, or a 15-digit old number which is upgraded.
     *
     * @throws InvalidCitizenIdException naming the first problem found
     */
    public static CitizenId parse(String text) {
        String s = text == null ? "" : text.strip().toUpperCase();
        CitizenIdProblem problem = problem(s);
        if (problem != null) {
            throw new InvalidCitizenIdException(problem, text);
        }
        return s.length() == 15 ? new CitizenId(upgrade(s), true) : new CitizenId(s, false);
    }

    /** Whether {@link #parse(String)} would accept the text. */
    public static boolean isValid(String text) {
        return problemOf(text).isEmpty();
    }

    /**
     * The first problem that makes the text invalid, or empty if it is a valid 18-character
     * number or a valid 15-digit old number. Checks run in the order of {@link CitizenIdProblem}.
     */
    public static Optional<CitizenIdProblem> problemOf(String text) {
        return Optional.ofNullable(problem(text == null ? "" : text.strip().toUpperCase()));
    }

    /**
     * The first problem of a stripped, upper-case text, or null. Reads the digits where they stand, without taking
     * the text apart: every row of a population file has a number.
     */
    private static CitizenIdProblem problem(String s) {
        if (s.isEmpty()) {
            return CitizenIdProblem.BLANK;
        }
        if (s.length() != 18 && s.length() != 15) {
            return CitizenIdProblem.WRONG_LENGTH;
        }
        int digits = s.length() == 18 ? 17 : 15;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = (c >= '0' && c <= '9') || (i == digits && c == 'X');
            if (!ok) {
                return CitizenIdProblem.BAD_CHARACTERS;
            }
        }
        if (!PROVINCE[number(s, 0, 2)]) {
            return CitizenIdProblem.BAD_REGION_CODE;
        }
        if (birthDate(s) == null) {
            return CitizenIdProblem.BAD_BIRTH_DATE;
        }
        if (s.length() == 18 && checkCharacterOf(s) != s.charAt(17)) {
            return CitizenIdProblem.BAD_CHECK_CHARACTER;
        }
        return null;
    }

    /**
     * The ISO 7064 MOD 11-2 check character for the first 17 digits of a number.
     *
     * @throws IllegalArgumentException if the text is not 17 ASCII digits
     */
    public static char checkCharacter(String first17) {
        if (first17 == null || first17.length() != 17 || !first17.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("need 17 digits: " + first17);
        }
        return checkCharacterOf(first17);
    }

    /** The check character of the first 17 characters, digits. */
    private static char checkCharacterOf(String digits) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (digits.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK_CHARACTERS.charAt(sum % 11);
    }

    /**
     * Upgrades a 15-digit old number: inserts {@code 19} before the 2-digit birth year and appends
     * the check character.
     *
     * @throws IllegalArgumentException if the text is not 15 ASCII digits
     */
    public static String upgrade(String fifteen) {
        if (fifteen == null || fifteen.length() != 15 || !fifteen.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("need 15 digits: " + fifteen);
        }
        String first17 = fifteen.substring(0, 6) + "19" + fifteen.substring(6);
        return first17 + checkCharacter(first17);
    }

    /** The birth date in a number of 18 or 15 digits ({@code yyMMdd} of the 1900s), or null when it is none. */
    private static LocalDate birthDate(String digits) {
        boolean old = digits.length() == 15;
        int year = old ? 1900 + number(digits, 6, 8) : number(digits, 6, 10);
        int at = old ? 8 : 10;
        if (year < EARLIEST_BIRTH_YEAR) {
            return null;
        }
        try {
            return LocalDate.of(year, number(digits, at, at + 2), number(digits, at + 2, at + 4));
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** The number the digits from {@code start} to {@code end} make. */
    private static int number(String digits, int start, int end) {
        int n = 0;
        for (int i = start; i < end; i++) {
            n = 10 * n + digits.charAt(i) - '0';
        }
        return n;
    }

    /** The 18-character number. */
    public String value() {
        return value;
    }

    /** Whether this number was parsed from a 15-digit old number. */
    public boolean wasUpgraded() {
        return upgraded;
    }

    /** The 6-digit region code of the place of first registration. */
    public String regionCode() {
        return value.substring(0, 6);
    }

    /** The 2-digit province code. */
    public String provinceCode() {
        return value.substring(0, 2);
    }

    public LocalDate birthDate() {
        return birthDate(value);
    }

    /** The birth date as ISO text ({@code yyyy-MM-dd}), written from the number's digits. */
    public String birthDateText() {
        return value.substring(6, 10) + '-' + value.substring(10, 12) + '-' + value.substring(12, 14);
    }

    public Sex sex() {
        return (value.charAt(16) - '0') % 2 == 1 ? Sex.MALE : Sex.FEMALE;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CitizenId other && other.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return value;
    }
}
