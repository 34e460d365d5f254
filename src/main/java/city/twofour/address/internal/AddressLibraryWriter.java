package city.twofour.address.internal;

import java.util.Locale;
import java.util.stream.Collectors;

import city.twofour.address.DeliveredAddress;
import city.twofour.address.StandardAddress;
import city.twofour.common.ChangeReason;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Upserts delivered addresses into the library ({@code master.address}) and links each delivered row to its
 * address. An address delivered again as it is stays untouched; a retired one delivered again is active again.
 */
public class AddressLibraryWriter implements ItemWriter<DeliveredAddress> {

    private static final String UPSERT_ADDRESS = """
            INSERT INTO master.address AS a (code, level, town_code, village_code, road, door_number, building, unit, floor,
                                              room, full_text, geom, grid_code, grid_method)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ST_SetSRID(ST_MakePoint(?, ?), 4490), ?, ?)
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

    private static final String LINK_SOURCE = """
            INSERT INTO master.source_record (file_id, line_no, entity, code, feed, source_key, match_rule, score)
            VALUES (?, ?, 'address', ?, ?, ?, 'SAME_CODE', 1)
            ON CONFLICT (file_id, line_no) DO NOTHING
            """;

    private final JdbcTemplate jdbc;

    public AddressLibraryWriter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void write(Chunk<? extends DeliveredAddress> chunk) {
        ChangeReason.set(jdbc, "load-addresses: file " + chunk.getItems().stream()
                .map(d -> String.valueOf(d.source().fileId())).distinct().collect(Collectors.joining(", ")));
        jdbc.batchUpdate(UPSERT_ADDRESS, chunk.getItems(), chunk.size(), (ps, delivered) -> {
            StandardAddress a = delivered.address();
            ps.setString(1, a.code());
            ps.setString(2, a.level().name().toLowerCase(Locale.ROOT));
            ps.setString(3, a.townCode());
            ps.setString(4, a.villageCode());
            ps.setString(5, a.road());
            ps.setString(6, a.doorNumber());
            ps.setString(7, a.building());
            ps.setString(8, a.unit());
            ps.setString(9, a.floor());
            ps.setString(10, a.room());
            ps.setString(11, a.canonical());
            ps.setObject(12, a.lon());
            ps.setObject(13, a.lat());
            ps.setString(14, a.gridCode());
            ps.setString(15, delivered.gridMethod() == null ? null : delivered.gridMethod().name());
        });
        jdbc.batchUpdate(LINK_SOURCE, chunk.getItems(), chunk.size(), (ps, delivered) -> {
            ps.setLong(1, delivered.source().fileId());
            ps.setInt(2, delivered.source().recordNo());
            ps.setString(3, delivered.address().code());
            ps.setString(4, delivered.source().feed());
            ps.setString(5, delivered.address().code());
        });
    }
}
