package city.twofour.population;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

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
 *   <li>the delivered birth date or sex contradicts the ID: review {@link #BIRTH_DATE_DIFFERS_FROM_ID} or
 *       {@link #SEX_DIFFERS_FROM_ID}; the ID's values are kept.</li>
 * </ul>
 * Candidates are blocked on birth date and surname pinyin, so each row is compared with a handful of people and the
 * merge stays linear. The matcher learns every row it links, so later rows of the same run see earlier ones.
 */
public final class PersonMatcher {

    public static final String SAME_CITIZEN_ID = "SAME_CITIZEN_ID";
    public static final String NEW_CITIZEN_ID = "NEW_CITIZEN_ID";
    public static final String SAME_ID_OTHER_NAME = "SAME_ID_OTHER_NAME";
    public static final String POSSIBLE_DUPLICATE = "POSSIBLE_DUPLICATE";
    public static final String BIRTH_DATE_DIFFERS_FROM_ID = "BIRTH_DATE_DIFFERS_FROM_ID";
    public static final String SEX_DIFFERS_FROM_ID = "SEX_DIFFERS_FROM_ID";

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
        checkAgainstId(row, id, reviews);
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

    private static void checkAgainstId(PendingRecord row, CitizenId id, List<PersonLink.Review> reviews) {
        String birthDate = row.text("birth_date");
        if (birthDate != null && !LocalDate.parse(birthDate).equals(id.birthDate())) {
            reviews.add(new PersonLink.Review(BIRTH_DATE_DIFFERS_FROM_ID, null, 0));
        }
        String sex = row.text("sex");
        if (sex != null && !Objects.equals(sex, PersonSurvivorship.sexOf(id))) {
            reviews.add(new PersonLink.Review(SEX_DIFFERS_FROM_ID, null, 0));
        }
    }

    /** Birth date (characters 7 to 14 of the ID) and the surname's reading. */
    private static String blockKey(String code, String name) {
        return code.substring(6, 14) + NameSimilarity.surnamePinyin(name);
    }
}
