package city.twofour.population.internal;

import java.sql.Date;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import city.twofour.address.AddressMatch;
import city.twofour.address.AddressMatcher;
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
 * looked at it.
 */
public class GoldenPersonWriter implements ItemWriter<PersonLink> {

    private static final String LINK_SOURCE = """
            INSERT INTO master.source_record (file_id, line_no, entity, code, feed, source_key, match_rule, score)
            VALUES (?, ?, 'person', ?, ?, ?, ?, ?)
            ON CONFLICT (file_id, line_no) DO NOTHING
            """;

    private static final String RAISE_REVIEW = """
            INSERT INTO master.review_item (entity, code, file_id, line_no, reason, candidate_code, score)
            VALUES ('person', ?, ?, ?, ?, ?, ?)
            """;

    private static final String LINKED_ROWS = """
            SELECT s.code, s.file_id, s.line_no, s.feed, r.fields, f.fields AS field_names
              FROM master.source_record s
              JOIN staging.feed_record r ON r.file_id = s.file_id AND r.line_no = s.line_no
              JOIN ops.feed_file f ON f.id = s.file_id
             WHERE s.entity = 'person' AND s.code = ANY (?::text[])
               AND NOT EXISTS (SELECT 1 FROM master.review_item v
                                WHERE v.file_id = s.file_id AND v.line_no = s.line_no AND v.reason = 'SAME_ID_OTHER_NAME')
            """;

    private static final String UPSERT_PERSON = """
            INSERT INTO master.person AS p (code, name, sex, birth_date, ethnicity, kind, origin_region, phone,
                                            address_text, address_code, address_level, address_confidence, grid_code,
                                            grid_method, first_seen, last_seen, seen_on_site)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
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

    /**
     * @param gridOfAddress the grid of a standard address code, null when it has none
     */
    public GoldenPersonWriter(JdbcTemplate jdbc, PersonSurvivorship survivorship, AddressMatcher addresses,
                              Function<String, String> gridOfAddress) {
        this.jdbc = jdbc;
        this.survivorship = survivorship;
        this.addresses = addresses;
        this.gridOfAddress = gridOfAddress;
    }

    @Override
    public void write(Chunk<? extends PersonLink> chunk) {
        List<? extends PersonLink> links = chunk.getItems();
        ChangeReason.set(jdbc, "merge-people: file " + links.stream()
                .map(l -> String.valueOf(l.source().fileId())).distinct().collect(Collectors.joining(", ")));
        jdbc.batchUpdate(LINK_SOURCE, links, links.size(), (ps, link) -> {
            ps.setLong(1, link.source().fileId());
            ps.setInt(2, link.source().recordNo());
            ps.setString(3, link.code());
            ps.setString(4, link.source().feed());
            ps.setString(5, link.source().text("citizen_id"));
            ps.setString(6, link.rule());
            ps.setDouble(7, link.score());
        });
        List<Object[]> reviews = new ArrayList<>();
        for (PersonLink link : links) {
            for (PersonLink.Review review : link.reviews()) {
                reviews.add(new Object[] {link.code(), link.source().fileId(), link.source().recordNo(), review.reason(),
                        review.candidateCode(), review.score()});
            }
        }
        jdbc.batchUpdate(RAISE_REVIEW, reviews);
        List<GoldenPerson> people = rebuild(links.stream().map(PersonLink::code).distinct().toArray(String[]::new));
        jdbc.batchUpdate(UPSERT_PERSON, people, people.size(), (ps, person) -> {
            AddressMatch match = addresses.match(person.addressText());
            String grid = match.isMatched() ? gridOfAddress.apply(match.code()) : null;
            ps.setString(1, person.code());
            ps.setString(2, person.name());
            ps.setString(3, person.sex());
            ps.setDate(4, Date.valueOf(person.birthDate()));
            ps.setString(5, person.ethnicity());
            ps.setString(6, person.kind());
            ps.setString(7, person.originRegion());
            ps.setString(8, person.phone());
            ps.setString(9, person.addressText());
            ps.setString(10, match.code());
            ps.setString(11, match.level().name().toLowerCase(Locale.ROOT));
            ps.setDouble(12, match.confidence());
            ps.setString(13, grid);
            ps.setString(14, grid == null ? null : AssignmentMethod.ADDRESS_POINT.name());
            ps.setObject(15, person.firstSeen() == null ? null : Date.valueOf(person.firstSeen()));
            ps.setObject(16, person.lastSeen() == null ? null : Date.valueOf(person.lastSeen()));
            ps.setObject(17, person.seenOnSite() == null ? null : Date.valueOf(person.seenOnSite()));
        });
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
