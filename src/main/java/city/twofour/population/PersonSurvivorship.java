package city.twofour.population;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import city.twofour.feed.FeedDefinition;

/**
 * Builds a golden person from the rows linked to it. Sex, birth date and origin region come from the citizen ID
 * (the rows' own values are only checked against it). Every other attribute comes from the row that fills it and
 * ranks first by: the feed's priority for that attribute ({@link FeedDefinition#priorityOf}, 1 first), then the
 * latest registration date, then the most fields filled, then the latest delivery (file, then line). The kind is
 * {@code household} for a row of the household registration, {@code floating} for one of the floating-population
 * registration, else what the row says; it ranks like any attribute.
 */
public final class PersonSurvivorship {

    private final Map<String, FeedDefinition> feeds;
    private final Map<String, String> kindOfFeed;
    private final String fieldCollectionFeed;

    /**
     * @param feeds               the person feeds by name
     * @param kindOfFeed          the kind every row of a feed stands for (household registration → household)
     * @param fieldCollectionFeed the feed whose rows are people found on site
     */
    public PersonSurvivorship(Map<String, FeedDefinition> feeds, Map<String, String> kindOfFeed, String fieldCollectionFeed) {
        this.feeds = Map.copyOf(feeds);
        this.kindOfFeed = Map.copyOf(kindOfFeed);
        this.fieldCollectionFeed = fieldCollectionFeed;
    }

    /** The sex the ID encodes, as the feeds write it: male or female. */
    private static String sexOf(CitizenId id) {
        return id.sex() == Sex.MALE ? "male" : "female";
    }

    public GoldenPerson merge(String code, List<PersonSource> sources) {
        CitizenId id = CitizenId.parse(code);
        List<LocalDate> seen = sources.stream().map(s -> s.text("registered_on")).filter(Objects::nonNull)
                .map(LocalDate::parse).sorted().toList();
        LocalDate seenOnSite = sources.stream().filter(s -> s.feed().equals(fieldCollectionFeed))
                .map(s -> s.text("registered_on")).filter(Objects::nonNull).map(LocalDate::parse)
                .max(Comparator.naturalOrder()).orElse(null);
        return new GoldenPerson(id.value(), best(sources, "name", s -> s.text("name")), sexOf(id), id.birthDate(),
                best(sources, "ethnicity", s -> s.text("ethnicity")), best(sources, "kind", this::kindOf),
                id.regionCode(), best(sources, "phone", s -> s.text("phone")),
                best(sources, "address", s -> s.text("address")),
                seen.isEmpty() ? null : seen.get(0), seen.isEmpty() ? null : seen.get(seen.size() - 1), seenOnSite);
    }

    private String kindOf(PersonSource source) {
        String kind = kindOfFeed.get(source.feed());
        return kind != null ? kind : source.text("kind");
    }

    private String best(List<PersonSource> sources, String field, Function<PersonSource, String> value) {
        Comparator<PersonSource> ranking = Comparator
                .<PersonSource>comparingInt(s -> feeds.get(s.feed()).priorityOf(field))
                .thenComparing(s -> s.text("registered_on"), Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(PersonSource::completeness, Comparator.reverseOrder())
                .thenComparing(PersonSource::fileId, Comparator.reverseOrder())
                .thenComparing(PersonSource::lineNo, Comparator.reverseOrder());
        return sources.stream().filter(s -> value.apply(s) != null).min(ranking).map(value).orElse(null);
    }
}
