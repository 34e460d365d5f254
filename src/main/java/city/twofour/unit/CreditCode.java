package city.twofour.unit;

import java.util.Optional;

/**
 * A unified social credit code (统一社会信用代码) as defined by GB 32100-2015.
 * <p>
 * 18 characters over the alphabet {@value #ALPHABET}: character 1 is the registering authority
 * (1 机构编制, 5 民政, 9 工商 …), character 2 the organisation type (for authority 9: 1 enterprise,
 * 2 individual business, 3 farmers' cooperative), characters 3-8 the region code, characters 9-17
 * the organisation code (GB 11714: eight characters and its own MOD 11 check character) and
 * character 18 the MOD 31 check character. Lower case is accepted and stored upper-case;
 * surrounding whitespace is ignored.
 */
public final class CreditCode {

    /** The 31 characters a credit code is written with; a character's value is its index. */
    public static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    private static final String REGISTERING_AUTHORITIES = "123456789ANY";
    private static final int[] ORGANIZATION_WEIGHTS = {3, 7, 9, 10, 5, 8, 4, 2};

    private final String value;

    private CreditCode(String value) {
        this.value = value;
    }

    /**
     * Parses a credit code.
     *
     * @throws InvalidCreditCodeException naming the first problem found
     */
    public static CreditCode parse(String text) {
        String s = text == null ? "" : text.strip().toUpperCase();
        CreditCodeProblem problem = problem(s);
        if (problem != null) {
            throw new InvalidCreditCodeException(problem, text);
        }
        return new CreditCode(s);
    }

    /** Whether {@link #parse(String)} would accept the text. */
    public static boolean isValid(String text) {
        return problemOf(text).isEmpty();
    }

    /** The first problem that makes the text invalid, in the order of {@link CreditCodeProblem}. */
    public static Optional<CreditCodeProblem> problemOf(String text) {
        return Optional.ofNullable(problem(text == null ? "" : text.strip().toUpperCase()));
    }

    /** The first problem of a stripped, upper-case text, or null: parsing it is checking it, once. */
    private static CreditCodeProblem problem(String s) {
        if (s.isEmpty()) {
            return CreditCodeProblem.BLANK;
        }
        if (s.length() != 18) {
            return CreditCodeProblem.WRONG_LENGTH;
        }
        for (int i = 0; i < 18; i++) {
            if (ALPHABET.indexOf(s.charAt(i)) < 0) {
                return CreditCodeProblem.BAD_CHARACTERS;
            }
        }
        if (REGISTERING_AUTHORITIES.indexOf(s.charAt(0)) < 0) {
            return CreditCodeProblem.BAD_REGISTERING_AUTHORITY;
        }
        for (int i = 2; i < 8; i++) {
            if (!Character.isDigit(s.charAt(i))) {
                return CreditCodeProblem.BAD_REGION_CODE;
            }
        }
        if (checkCharacter(s.substring(0, 17)) != s.charAt(17)) {
            return CreditCodeProblem.BAD_CHECK_CHARACTER;
        }
        if (organizationCheckCharacter(s.substring(8, 16)) != s.charAt(16)) {
            return CreditCodeProblem.BAD_ORGANIZATION_CODE_CHECK;
        }
        return null;
    }

    /**
     * The GB 32100 check character of the first 17 characters: {@code (31 - Σ value·weight mod 31) mod 31}.
     *
     * @throws IllegalArgumentException if the text is not 17 characters of {@link #ALPHABET}
     */
    public static char checkCharacter(String first17) {
        if (first17 == null || first17.length() != 17) {
            throw new IllegalArgumentException("need 17 characters: " + first17);
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int v = ALPHABET.indexOf(first17.charAt(i));
            if (v < 0) {
                throw new IllegalArgumentException("not a credit code character: " + first17);
            }
            sum += v * WEIGHTS[i];
        }
        return ALPHABET.charAt((31 - sum % 31) % 31);
    }

    /**
     * The GB 11714 check character of an 8-character organisation code body (digits and
     * upper-case letters, A = 10 … Z = 35): {@code 11 - Σ value·weight mod 11}, where 10 is
     * written {@code X} and 11 is written {@code 0}.
     *
     * @throws IllegalArgumentException if the text is not 8 digits or upper-case letters
     */
    public static char organizationCheckCharacter(String body8) {
        if (body8 == null || body8.length() != 8) {
            throw new IllegalArgumentException("need 8 characters: " + body8);
        }
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            char c = body8.charAt(i);
            int v;
            if (c >= '0' && c <= '9') {
                v = c - '0';
            } else if (c >= 'A' && c <= 'Z') {
                v = c - 'A' + 10;
            } else {
                throw new IllegalArgumentException("not an organisation code character: " + body8);
            }
            sum += v * ORGANIZATION_WEIGHTS[i];
        }
        int check = 11 - sum % 11;
        return check == 10 ? 'X' : check == 11 ? '0' : (char) ('0' + check);
    }

    public String value() {
        return value;
    }

    /** Character 1: the registering authority (9 = market supervision, 5 = civil affairs, 1 = establishment office …). */
    public char registeringAuthority() {
        return value.charAt(0);
    }

    /** Character 2: the organisation type within its authority (e.g. 91 enterprise, 92 individual business). */
    public char type() {
        return value.charAt(1);
    }

    /** Characters 3-8: the region code of the registering authority. */
    public String regionCode() {
        return value.substring(2, 8);
    }

    /** Characters 9-17: the organisation code including its check character. */
    public String organizationCode() {
        return value.substring(8, 17);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CreditCode other && other.value.equals(value);
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
