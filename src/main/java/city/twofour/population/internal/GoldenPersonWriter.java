package city.twofour.population.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import city.twofour.address.AddressMatch;
import city.twofour.address.AddressMatcher;
import city.twofour.common.ArrayColumns;
import city.twofour.common.AsynchronousCommit;
import city.twofour.common.ChangeReason;
import city.twofour.feed.StagedFields;
import city.twofour.grid.AssignmentMethod;
import city.twofour.population.GoldenPerson;
import city.twofour.population.PersonLink;
import city.twofour.population.PersonSource;
import city.twofour.population.PersonSurvivorship;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Links each delivered row to its golden person ({@code master.source_record}), records its review items, then
 * rebuilds the golden records the chunk touched from all the rows linked to them and upserts them: a record whose
 * attributes did not change is not rewritten, and a retired one a row holds again is a resident again. A row whose
 * name is another person's ({@code SAME_ID_OTHER_NAME}) is linked but gives the record nothing until a person has
 * looked at it. Each of the three writes is one statement for the whole chunk, its values bound as one array per
 * column.
 */
public class GoldenPersonWriter implements ItemWriter<PersonLink> {

    private static final String LINK_SOURCES = """
            INSERT INTO master.source_record (file_id, line_no, entity, code, feed, source_key, match_rule, score)
            SELECT l.file_id, l.line_no, 'person', l.code, l.feed, l.source_key, l.match_rule, l.score
              FROM unnest(?::bigint[], ?::integer[], ?::text[], ?::text[], ?::text[], ?::text[], ?::float8[])
                   AS l (file_id, line_no, code, feed, source_key, match_rule, score)
            ON CONFLICT (file_id, line_no) DO NOTHING
            """;

    private static final String RAISE_REVIEWS = """
            INSERT INTO master.review_item (entity, code, file_id, line_no, reason, candidate_code, score)
            SELECT 'person', v.code, v.file_id, v.line_no, v.reason, v.candidate_code, v.score
              FROM unnest(?::text[], ?::bigint[], ?::integer[], ?::text[], ?::text[], ?::float8[]) WITH ORDINALITY
                   AS v (code, file_id, line_no, reason, candidate_code, score, n)
             ORDER BY v.n
            """;

    /**
     * The rows linked to the chunk's people. This query and the next look each of the chunk's codes up in the index
     * whatever the statistics say: the subquery with OFFSET 0 is planned on its own, once per code. Joined or
     * written as {@code code = ANY (?)}, the plan judged by statistics taken before the merge (no person rows yet)
     * read every person row for every code once the prepared statement's generic plan set in: 42 s for one chunk
     * of the demo.
     */
    private static final String LINKED_ROWS = """
            SELECT s.code, s.file_id, s.line_no, s.feed, r.fields, f.fields AS field_names
              FROM unnest(?::text[]) AS k (code)
             CROSS JOIN LATERAL (SELECT l.code, l.file_id, l.line_no, l.feed FROM master.source_record l
                                  WHERE l.entity = 'person' AND l.code = k.code OFFSET 0) s
              JOIN staging.feed_record r ON r.file_id = s.file_id AND r.line_no = s.line_no
              JOIN ops.feed_file f ON f.id = s.file_id
             WHERE NOT EXISTS (SELECT 1 FROM master.review_item v
                                WHERE v.file_id = s.file_id AND v.line_no = s.line_no AND v.reason = 'SAME_ID_OTHER_NAME')
            """;

    /** The places of the chunk's people that this step wrote: made with the address library the step reads. */
    private static final String PLACED_BY_THIS_STEP = """
            SELECT p.code, p.address_text, p.address_code, p.address_level, p.address_confidence, p.grid_code
              FROM unnest(?::text[]) AS k (code)
             CROSS JOIN LATERAL (SELECT * FROM master.person WHERE code = k.code AND updated_at >= ? OFFSET 0) p
            """;

    private static final String UPSERT_PEOPLE = """
            INSERT INTO master.person AS p (code, name, sex, birth_date, ethnicity, kind, origin_region, phone,
                                            address_text, address_code, address_level, address_confidence, grid_code,
                                            grid_method, first_seen, last_seen, seen_on_site)
            SELECT *
              FROM unnest(?::text[], ?::text[], ?::text[], ?::date[], ?::text[], ?::text[], ?::text[], ?::text[],
                          ?::text[], ?::text[], ?::text[], ?::float8[], ?::text[], ?::text[], ?::date[], ?::date[],
                          ?::date[])
            ON CONFLICT (code) DO UPDATE
               SET name = excluded.name, sex = excluded.sex, birth_date = excluded.birth_date,
                   ethnicity = excluded.ethnicity, kind = excluded.kind, origin_region = excluded.origin_region,
                   phone = excluded.phone, address_text = excluded.address_text, address_code = excluded.address_code,
                   address_level = excluded.address_level, address_confidence = excluded.address_confidence,
                   grid_code = excluded.grid_code, grid_method = excluded.grid_method, first_seen = excluded.first_seen,
                   last_seen = excluded.last_seen, seen_on_site = excluded.seen_on_site,
                   status = CASE WHEN p.status = 'retired' THEN excluded.status ELSE p.status END, updated_at = now()
             WHERE p.status = 'retired'
                OR (p.name, p.sex, p.birth_date, p.ethnicity, p.kind, p.origin_region, p.phone, p.address_text,
                    p.address_code, p.address_level, p.address_confidence, p.grid_code, p.grid_method, p.first_seen,
                    p.last_seen, p.seen_on_site)
                   IS DISTINCT FROM
                   (excluded.name, excluded.sex, excluded.birth_date, excluded.ethnicity, excluded.kind,
                    excluded.origin_region, excluded.phone, excluded.address_text, excluded.address_code,
                    excluded.address_level, excluded.address_confidence, excluded.grid_code, excluded.grid_method,
                    excluded.first_seen, excluded.last_seen, excluded.seen_on_site)
            """;

    private final JdbcTemplate jdbc;
    private final PersonSurvivorship survivorship;
    private final AddressMatcher addresses;
    private final Function<String, String> gridOfAddress;
    private final OffsetDateTime stepStart;

    /**
     * @param addresses     the address library as the step found it
     * @param gridOfAddress the grid of a standard address code, null when it has none
     * @param stepStart     the database's time when the step read the library: a person written since was placed
     *                      with it
     */
    public GoldenPersonWriter(JdbcTemplate jdbc, PersonSurvivorship survivorship, AddressMatcher addresses,
                              Function<String, String> gridOfAddress, OffsetDateTime stepStart) {
        this.jdbc = jdbc;
        this.survivorship = survivorship;
        this.addresses = addresses;
        this.gridOfAddress = gridOfAddress;
        this.stepStart = stepStart;
    }

    @Override
    public void write(Chunk<? extends PersonLink> chunk) {
        List<? extends PersonLink> links = chunk.getItems();
        // A commit a server crash loses takes the chunk's links, review items and people back together: its rows are
        // pending again and the restarted merge, whose matcher starts from the people committed, links them anew.
        AsynchronousCommit.forThisTransaction(jdbc);
        ChangeReason.set(jdbc, "merge-people: file " + links.stream()
                .map(l -> String.valueOf(l.source().fileId())).distinct().collect(Collectors.joining(", ")));
        List<RaisedReview> reviews = links.stream()
                .flatMap(link -> link.reviews().stream().map(review -> new RaisedReview(link, review))).toList();
        jdbc.execute((Connection connection) -> {
            try (PreparedStatement link = connection.prepareStatement(LINK_SOURCES)) {
                new ArrayColumns<PersonLink>(connection, link, links)
                        .add("bigint", l -> l.source().fileId())
                        .add("integer", l -> l.source().recordNo())
                        .text(PersonLink::code)
                        .text(l -> l.source().feed())
                        .text(l -> l.source().text("citizen_id"))
                        .text(PersonLink::rule)
                        .add("float8", PersonLink::score);
                link.executeUpdate();
            }
            if (!reviews.isEmpty()) {
                try (PreparedStatement raise = connection.prepareStatement(RAISE_REVIEWS)) {
                    new ArrayColumns<RaisedReview>(connection, raise, reviews)
                            .text(r -> r.link().code())
                            .add("bigint", r -> r.link().source().fileId())
                            .add("integer", r -> r.link().source().recordNo())
                            .text(r -> r.review().reason())
                            .text(r -> r.review().candidateCode())
                            .add("float8", r -> r.review().score());
                    raise.executeUpdate();
                }
            }
            return null;
        });
        String[] codes = links.stream().map(PersonLink::code).distinct().toArray(String[]::new);
        Map<String, Place> placedBefore = placedByThisStep(codes);
        Map<String, Place> placeOfText = new HashMap<>();
        List<PlacedPerson> people = rebuild(codes).stream()
                .map(person -> new PlacedPerson(person,
                        place(person.addressText(), placedBefore.get(person.code()), placeOfText)))
                .toList();
        jdbc.execute((Connection connection) -> {
            try (PreparedStatement upsert = connection.prepareStatement(UPSERT_PEOPLE)) {
                new ArrayColumns<PlacedPerson>(connection, upsert, people)
                        .text(p -> p.person().code())
                        .text(p -> p.person().name())
                        .text(p -> p.person().sex())
                        .text(p -> dateText(p.person().birthDate()))
                        .text(p -> p.person().ethnicity())
                        .text(p -> p.person().kind())
                        .text(p -> p.person().originRegion())
                        .text(p -> p.person().phone())
                        .text(p -> p.person().addressText())
                        .text(p -> p.place().addressCode())
                        .text(p -> p.place().level())
                        .add("float8", p -> p.place().confidence())
                        .text(p -> p.place().grid())
                        .text(p -> p.place().grid() == null ? null : AssignmentMethod.ADDRESS_POINT.name())
                        .text(p -> dateText(p.person().firstSeen()))
                        .text(p -> dateText(p.person().lastSeen()))
                        .text(p -> dateText(p.person().seenOnSite()));
                upsert.executeUpdate();
            }
            return null;
        });
    }

    /** A review item a row raises. */
    private record RaisedReview(PersonLink link, PersonLink.Review review) {
    }

    /**
     * Where an address text puts a person: the standard address it matched (null when none), the level and
     * confidence of the match, and that address's grid (null when none).
     */
    private record Place(String addressText, String addressCode, String level, double confidence, String grid) {
    }

    private record PlacedPerson(GoldenPerson person, Place place) {
    }

    private Map<String, Place> placedByThisStep(String[] codes) {
        Map<String, Place> places = new HashMap<>();
        jdbc.query(PLACED_BY_THIS_STEP, rs -> {
            places.put(rs.getString("code"), new Place(rs.getString("address_text"), rs.getString("address_code"),
                    rs.getString("address_level"), rs.getDouble("address_confidence"), rs.getString("grid_code")));
        }, codes, stepStart);
        return places;
    }

    /**
     * Matches the address text, unless this step already placed the person at the same text or another person of
     * the chunk there: the rows of one person arrive in several files, people of one household in one chunk, and
     * matching is most of the merge's own work.
     */
    private Place place(String addressText, Place before, Map<String, Place> placeOfText) {
        if (before != null && before.addressText().equals(addressText)) {
            return before;
        }
        return placeOfText.computeIfAbsent(addressText, this::match);
    }

    private Place match(String addressText) {
        AddressMatch match = addresses.match(addressText);
        return new Place(addressText, match.code(), match.level().name().toLowerCase(Locale.ROOT), match.confidence(),
                match.isMatched() ? gridOfAddress.apply(match.code()) : null);
    }

    private static String dateText(LocalDate date) {
        return date == null ? null : date.toString();
    }

    private List<GoldenPerson> rebuild(String[] codes) {
        Map<String, List<PersonSource>> sources = new LinkedHashMap<>();
        jdbc.query(LINKED_ROWS, rs -> {
            sources.computeIfAbsent(rs.getString("code"), k -> new ArrayList<>()).add(new PersonSource(
                    rs.getLong("file_id"), rs.getInt("line_no"), rs.getString("feed"),
                    StagedFields.read(rs)));
        }, (Object) codes);
        return sources.entrySet().stream().map(e -> survivorship.merge(e.getKey(), e.getValue())).toList();
    }
}
