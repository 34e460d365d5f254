package city.twofour.building;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import city.twofour.feed.FeedDefinition;

/**
 * Which delivered value survives into a golden record, attribute by attribute. Among the rows that have a value for
 * the attribute, the one whose feed ranks first for it wins ({@link FeedDefinition#priorityOf}: 1 is most trusted,
 * a field may rank its feed differently from the feed as a whole); then the most recent (registration or collection
 * date); then the most complete row; then the latest delivered (file, line). The result depends only on the set of
 * rows, never on the order they were merged in.
 */
public final class BuildingSurvivorship {

    private final Map<String, FeedDefinition> feeds;

    public BuildingSurvivorship(Map<String, FeedDefinition> feeds) {
        this.feeds = Map.copyOf(feeds);
    }

    /** The row whose value of {@code field} survives, if any row has one. */
    public Optional<SourceRow> survivor(List<SourceRow> rows, String field) {
        return rows.stream()
                .filter(r -> r.value(field) != null && !r.value(field).isEmpty())
                .min(Comparator.<SourceRow>comparingInt(r -> priority(r, field))
                        .thenComparing(SourceRow::seenOn, Comparator.nullsLast(Comparator.<LocalDate>reverseOrder()))
                        .thenComparing(Comparator.comparingInt(SourceRow::completeness).reversed())
                        .thenComparing(Comparator.comparingLong(SourceRow::fileId).reversed())
                        .thenComparing(Comparator.comparingInt(SourceRow::lineNo).reversed()));
    }

    /** The surviving value of {@code field}, or null. */
    public String value(List<SourceRow> rows, String field) {
        return survivor(rows, field).map(r -> r.value(field)).orElse(null);
    }

    private int priority(SourceRow row, String field) {
        FeedDefinition feed = feeds.get(row.feed());
        return feed == null ? Integer.MAX_VALUE : feed.priorityOf(field);
    }
}
