package city.twofour.population;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import city.twofour.feed.PendingRecord;

/**
 * Decides which golden person a delivered row belongs to. The citizen ID is the key: rows with the same ID are the
 * same person, rows with different valid IDs are different people, so ID equality alone clusters the rows (no
 * transitive closure is needed). Where the key does not settle the question, rows are scored and put up for review,
 * never merged silently:
 * <ul>
 *   <li>the ID is known but the row's name is clearly another person's ({@link NameSimilarity} below
 *       {@link #OTHER_NAME_THRESHOLD}): linked to the ID's record, review {@link #SAME_ID_OTHER_NAME};</li>
 *   <li>the ID is new but a known person of the same birth date and surname reading scores at least
 *       {@link #POSSIBLE_DUPLICATE_THRESHOLD} on name and phone: a record of its own, review
 *       {@link #POSSIBLE_DUPLICATE} naming the candidate;</li>
 * </ul>
 * (A birth date or sex that contradicts the ID never gets here: import-feed rejects it as {@code CITIZEN_ID_MISMATCH}.)
 * Candidates are blocked on birth date and surname pinyin, so each row is compared with a handful of people and the
 * merge stays linear. The matcher learns every row it links, so later rows of the same run see earlier ones.
 */
public final class PersonMatcher {

    public static final String SAME_CITIZEN_ID = "SAME_CITIZEN_ID";
    public static final String NEW_CITIZEN_ID = "NEW_CITIZEN_ID";
    public static final String SAME_ID_OTHER_NAME = "SAME_ID_OTHER_NAME";
    public static final String POSSIBLE_DUPLICATE = "POSSIBLE_DUPLICATE";

    /** Below this name similarity a row with a known ID names another person. */
    public static final double OTHER_NAME_THRESHOLD = 0.5;

    /** From this score a person with another ID may be the same person. */
    public static final double POSSIBLE_DUPLICATE_THRESHOLD = 0.8;

    /** Weight of the name in the score of two people with different IDs; the phone has the rest. */
    public static final double NAME_WEIGHT = 0.7;

    private final Map<String, String> nameById = new HashMap<>();
    private final Map<String, List<Known>> blocks = new HashMap<>();

    private record Known(String code, String name, String phone) {
    }

    /** Makes a golden person known to the matcher. */
    public void add(String code, String name, String phone) {
        if (nameById.putIfAbsent(code, name) == null) {
            blocks.computeIfAbsent(blockKey(code, name), k -> new ArrayList<>()).add(new Known(code, name, phone));
        }
    }

    /** How many people the matcher knows. */
    public int size() {
        return nameById.size();
    }

    public PersonLink link(PendingRecord row) {
        CitizenId id = CitizenId.parse(row.text("citizen_id"));
        String code = id.value();
        String name = row.text("name");
        List<PersonLink.Review> reviews = new ArrayList<>();
        String knownName = nameById.get(code);
        if (knownName != null) {
            double score = NameSimilarity.of(knownName, name);
            if (score < OTHER_NAME_THRESHOLD) {
                reviews.add(new PersonLink.Review(SAME_ID_OTHER_NAME, code, score));
            }
            return new PersonLink(row, code, SAME_CITIZEN_ID, score, reviews);
        }
        for (Known candidate : blocks.getOrDefault(blockKey(code, name), List.of())) {
            double score = score(candidate, name, row.text("phone"));
            if (score >= POSSIBLE_DUPLICATE_THRESHOLD) {
                reviews.add(new PersonLink.Review(POSSIBLE_DUPLICATE, candidate.code(), score));
            }
        }
        add(code, name, row.text("phone"));
        return new PersonLink(row, code, NEW_CITIZEN_ID, 1, reviews);
    }

    private static double score(Known candidate, String name, String phone) {
        double phoneScore = phone != null && phone.equals(candidate.phone()) ? 1 : 0;
        return NAME_WEIGHT * NameSimilarity.of(candidate.name(), name) + (1 - NAME_WEIGHT) * phoneScore;
    }

    /** Birth date (characters 7 to 14 of the ID) and the surname's reading. */
    private static String blockKey(String code, String name) {
        return code.substring(6, 14) + NameSimilarity.surnamePinyin(name);
    }
}
