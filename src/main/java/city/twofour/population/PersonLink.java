package city.twofour.population;

import java.util.List;

import city.twofour.feed.PendingRecord;

/**
 * What the merge decided for one delivered person row: the golden record it belongs to, by which rule and with which
 * score, and what a person should look at.
 *
 * @param source  the delivered row
 * @param code    the golden record (the citizen ID)
 * @param rule    {@link PersonMatcher#SAME_CITIZEN_ID} or {@link PersonMatcher#NEW_CITIZEN_ID}
 * @param score   in [0, 1]: how alike the row's name is to the name the record was known by (1 for a new record)
 * @param reviews review items the row raises; empty for most rows
 */
public record PersonLink(PendingRecord source, String code, String rule, double score, List<Review> reviews) {

    public PersonLink {
        reviews = List.copyOf(reviews);
    }

    /**
     * A reason to look at a row again.
     *
     * @param reason        e.g. {@link PersonMatcher#SAME_ID_OTHER_NAME}
     * @param candidateCode the other golden record concerned, or null
     * @param score         the score that raised it
     */
    public record Review(String reason, String candidateCode, double score) {
    }
}
