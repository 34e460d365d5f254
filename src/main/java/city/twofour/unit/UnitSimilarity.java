package city.twofour.unit;

import org.apache.commons.text.similarity.LevenshteinDistance;

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

    private static final LevenshteinDistance LEVENSHTEIN = LevenshteinDistance.getDefaultInstance();

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
        return 1 - (double) LEVENSHTEIN.apply(a, b) / Math.max(a.length(), b.length());
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
}
