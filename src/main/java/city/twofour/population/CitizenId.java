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
        Optional<CitizenIdProblem> problem = problemOf(s);
        if (problem.isPresent()) {
            throw new InvalidCitizenIdException(problem.get(), text);
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
        if (text == null || text.isBlank()) {
            return Optional.of(CitizenIdProblem.BLANK);
        }
        String s = text.strip().toUpperCase();
        if (s.length() != 18 && s.length() != 15) {
            return Optional.of(CitizenIdProblem.WRONG_LENGTH);
        }
        int digits = s.length() == 18 ? 17 : 15;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = (c >= '0' && c <= '9') || (i == digits && c == 'X');
            if (!ok) {
                return Optional.of(CitizenIdProblem.BAD_CHARACTERS);
            }
        }
        if (!PROVINCE_CODES.contains(s.substring(0, 2))) {
            return Optional.of(CitizenIdProblem.BAD_REGION_CODE);
        }
        String birth = s.length() == 18 ? s.substring(6, 14) : "19" + s.substring(6, 12);
        if (parseBirthDate(birth) == null) {
            return Optional.of(CitizenIdProblem.BAD_BIRTH_DATE);
        }
        if (s.length() == 18 && checkCharacter(s.substring(0, 17)) != s.charAt(17)) {
            return Optional.of(CitizenIdProblem.BAD_CHECK_CHARACTER);
        }
        return Optional.empty();
    }

    /**
     * The ISO 7064 MOD 11-2 check character for the first 17 digits of a number.
     *
     * @throws IllegalArgumentException if the text is not 17 ASCII digits
     */
    public static char checkCharacter(String first17) {
        if (first17 == null || first17.length() != 17) {
            throw new IllegalArgumentException("need 17 digits: " + first17);
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            char c = first17.charAt(i);
            if (c < '0' || c > '9') {
                throw new IllegalArgumentException("need 17 digits: " + first17);
            }
            sum += (c - '0') * WEIGHTS[i];
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

    private static LocalDate parseBirthDate(String yyyyMMdd) {
        try {
            int year = Integer.parseInt(yyyyMMdd.substring(0, 4));
            int month = Integer.parseInt(yyyyMMdd.substring(4, 6));
            int day = Integer.parseInt(yyyyMMdd.substring(6, 8));
            if (year < EARLIEST_BIRTH_YEAR) {
                return null;
            }
            return LocalDate.of(year, month, day);
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
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
        return parseBirthDate(value.substring(6, 14));
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
