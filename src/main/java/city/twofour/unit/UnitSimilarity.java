package city.twofour.unit;

/**
 * Scores whether two unit records without a shared credit code are the same unit, from their name keys
 * ({@link UnitNames#key}) and standard address codes. The score is {@value #NAME_WEIGHT} × name similarity (one minus
 * the edit distance over the longer key) plus {@value #ADDRESS_WEIGHT} × address agreement (1 for the same standard
 * address, {@value #SAME_VILLAGE_AGREEMENT} for another address in the same village, 0 otherwise or when either is
 * unknown).
 * <p>
 * At or above {@value #SAME_UNIT} the records are the same unit; from {@value #REVIEW} up to it the pair is a grey
 * zone a data officer reviews; below, different units. One homophone in a ten-character name at the same address
 * scores 0.94; the same name at another address of the village 0.8 (review); a different name at the same address
 * (two shops in one building) stays below review.
 */
public final class UnitSimilarity {

    public static final double NAME_WEIGHT = 0.7;
    public static final double ADDRESS_WEIGHT = 0.3;
    public static final double SAME_VILLAGE_AGREEMENT = 0.3;
    public static final double SAME_UNIT = 0.9;
    public static final double REVIEW = 0.75;
    private static final int VILLAGE_CODE_LENGTH = 12;

    private UnitSimilarity() {
    }

    /** The score in [0, 1]; address codes may be null. */
    public static double score(String nameKeyA, String addressCodeA, String nameKeyB, String addressCodeB) {
        return NAME_WEIGHT * nameSimilarity(nameKeyA, nameKeyB) + ADDRESS_WEIGHT * addressAgreement(addressCodeA, addressCodeB);
    }

    /** One minus the edit distance over the length of the longer key; 0 when either is empty. */
    public static double nameSimilarity(String a, String b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        return 1 - (double) editDistance(a, b) / Math.max(a.length(), b.length());
    }

    static double addressAgreement(String a, String b) {
        if (a == null || b == null) {
            return 0;
        }
        if (a.equals(b)) {
            return 1;
        }
        boolean sameVillage = a.length() >= VILLAGE_CODE_LENGTH && b.length() >= VILLAGE_CODE_LENGTH
                && a.regionMatches(0, b, 0, VILLAGE_CODE_LENGTH);
        return sameVillage ? SAME_VILLAGE_AGREEMENT : 0;
    }

    private static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
