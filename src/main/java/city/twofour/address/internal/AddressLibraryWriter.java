package city.twofour.address.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import city.twofour.address.DeliveredAddress;
import city.twofour.common.ArrayColumns;
import city.twofour.common.AsynchronousCommit;
import city.twofour.common.ChangeReason;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Upserts delivered addresses into the library ({@code master.address}) and links each delivered row to its
 * address, a chunk in two statements: the chunk's addresses go to the server as one array per column. An address
 * delivered again as it is stays untouched; a retired one delivered again is active again; an address delivered
 * twice in a chunk takes its later row.
 */
public class AddressLibraryWriter implements ItemWriter<DeliveredAddress> {

    private static final String UPSERT_ADDRESSES = """
            INSERT INTO master.address AS a (code, level, town_code, village_code, road, door_number, building, unit, floor,
                                              room, full_text, geom, grid_code, grid_method)
            SELECT DISTINCT ON (d.code)
                   d.code, d.level, d.town_code, d.village_code, d.road, d.door_number, d.building, d.unit, d.floor,
                   d.room, d.full_text, ST_SetSRID(ST_MakePoint(d.lon, d.lat), 4490), d.grid_code, d.grid_method
              FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                          ?::text[], ?::text[], ?::text[], ?::float8[], ?::float8[], ?::text[], ?::text[])
                   WITH ORDINALITY AS d (code, level, town_code, village_code, road, door_number, building, unit, floor,
                                         room, full_text, lon, lat, grid_code, grid_method, n)
             ORDER BY d.code, d.n DESC
            ON CONFLICT (code) DO UPDATE
               SET level = excluded.level, town_code = excluded.town_code, village_code = excluded.village_code,
                   road = excluded.road, door_number = excluded.door_number, building = excluded.building,
                   unit = excluded.unit, floor = excluded.floor, room = excluded.room, full_text = excluded.full_text,
                   geom = excluded.geom, grid_code = excluded.grid_code, grid_method = excluded.grid_method,
                   status = 'active', valid_to = NULL, updated_at = now()
             WHERE (a.level, a.town_code, a.village_code, a.road, a.door_number, a.building, a.unit, a.floor, a.room,
                    a.full_text, a.grid_code, a.grid_method, a.status, ST_AsBinary(a.geom))
                   IS DISTINCT FROM
                   (excluded.level, excluded.town_code, excluded.village_code, excluded.road, excluded.door_number,
                    excluded.building, excluded.unit, excluded.floor, excluded.room, excluded.full_text,
                    excluded.grid_code, excluded.grid_method, 'active', ST_AsBinary(excluded.geom))
            """;

    private static final String LINK_SOURCES = """
            INSERT INTO master.source_record (file_id, line_no, entity, code, feed, source_key, match_rule, score)
            SELECT l.file_id, l.line_no, 'address', l.code, l.feed, l.code, 'SAME_CODE', 1
              FROM unnest(?::bigint[], ?::integer[], ?::text[], ?::text[]) AS l (file_id, line_no, code, feed)
            ON CONFLICT (file_id, line_no) DO NOTHING
            """;

    private final JdbcTemplate jdbc;

    public AddressLibraryWriter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void write(Chunk<? extends DeliveredAddress> chunk) {
        List<? extends DeliveredAddress> items = chunk.getItems();
        // A commit a server crash loses takes the addresses and their links back together: the rows are pending
        // again and the restarted merge writes them anew.
        AsynchronousCommit.forThisTransaction(jdbc);
        ChangeReason.set(jdbc, "load-addresses: file " + items.stream()
                .map(d -> String.valueOf(d.source().fileId())).distinct().collect(Collectors.joining(", ")));
        jdbc.execute((Connection connection) -> {
            try (PreparedStatement upsert = connection.prepareStatement(UPSERT_ADDRESSES)) {
                ArrayColumns<DeliveredAddress> columns = new ArrayColumns<>(connection, upsert, items);
                columns.text(d -> d.address().code());
                columns.text(d -> d.address().level().name().toLowerCase(Locale.ROOT));
                columns.text(d -> d.address().townCode());
                columns.text(d -> d.address().villageCode());
                columns.text(d -> d.address().road());
                columns.text(d -> d.address().doorNumber());
                columns.text(d -> d.address().building());
                columns.text(d -> d.address().unit());
                columns.text(d -> d.address().floor());
                columns.text(d -> d.address().room());
                columns.text(d -> d.address().canonical());
                columns.add("float8", d -> d.address().lon());
                columns.add("float8", d -> d.address().lat());
                columns.text(d -> d.address().gridCode());
                columns.text(d -> d.gridMethod() == null ? null : d.gridMethod().name());
                upsert.executeUpdate();
            }
            try (PreparedStatement link = connection.prepareStatement(LINK_SOURCES)) {
                ArrayColumns<DeliveredAddress> columns = new ArrayColumns<>(connection, link, items);
                columns.add("bigint", d -> d.source().fileId());
                columns.add("integer", d -> d.source().recordNo());
                columns.text(d -> d.address().code());
                columns.text(d -> d.source().feed());
                link.executeUpdate();
            }
            return null;
        });
    }
}
