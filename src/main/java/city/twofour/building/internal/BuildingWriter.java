package city.twofour.building.internal;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import city.twofour.building.BuildingCodes;
import city.twofour.building.BuildingMerger;
import city.twofour.building.GoldenBuilding;
import city.twofour.building.GoldenRentalHouse;
import city.twofour.building.PlacedRow;
import city.twofour.building.SourceRow;
import city.twofour.common.ChangeReason;
import city.twofour.feed.StagedFields;
import city.twofour.grid.AssignmentMethod;
import city.twofour.grid.LonLat;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Links each placed row to its building or rental house, then recomputes the golden records the chunk touched from
 * every row linked to them and upserts them: a retired building or rental house that a row holds again is standing,
 * registered or active again. A record that comes out as it was stays untouched (no history, no change), so merging
 * the same rows again changes nothing.
 */
public class BuildingWriter implements ItemWriter<PlacedRow> {

    private static final String LINK_SOURCE = """
            INSERT INTO master.source_record (file_id, line_no, entity, code, feed, source_key, match_rule, score)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (file_id, line_no) DO NOTHING
            """;

    private static final String LINKED_ROWS = """
            SELECT s.entity, s.code, f.feed, s.file_id, s.line_no, r.fields, f.fields AS field_names
              FROM master.source_record s
              JOIN staging.feed_record r ON r.file_id = s.file_id AND r.line_no = s.line_no
              JOIN ops.feed_file f ON f.id = s.file_id
             WHERE (s.entity = 'building' AND s.code = ANY (?::text[]))
                OR (s.entity = 'rental_house' AND s.code = ANY (?::text[]))
             ORDER BY s.file_id, s.line_no
            """;

    private static final String UPSERT_BUILDING = """
            INSERT INTO master.building AS b (code, address_code, name, use, floors, owner_name, owner_citizen_id, geom,
                                               grid_code, grid_method, status, first_seen, last_seen, sources)
            VALUES (?, ?, ?, ?, ?, ?, ?, ST_SetSRID(ST_MakePoint(?, ?), 4490), ?, ?, ?, ?, ?, ?)
            ON CONFLICT (code) DO UPDATE
               SET address_code = excluded.address_code, name = excluded.name, use = excluded.use,
                   floors = excluded.floors, owner_name = excluded.owner_name,
                   owner_citizen_id = excluded.owner_citizen_id, geom = excluded.geom, grid_code = excluded.grid_code,
                   grid_method = excluded.grid_method, status = excluded.status, first_seen = excluded.first_seen,
                   last_seen = excluded.last_seen, sources = excluded.sources, updated_at = now()
             WHERE (b.address_code, b.name, b.use, b.floors, b.owner_name, b.owner_citizen_id, ST_AsBinary(b.geom),
                    b.grid_code, b.grid_method, b.status, b.first_seen, b.last_seen, b.sources)
                   IS DISTINCT FROM
                   (excluded.address_code, excluded.name, excluded.use, excluded.floors, excluded.owner_name,
                    excluded.owner_citizen_id, ST_AsBinary(excluded.geom), excluded.grid_code, excluded.grid_method,
                    excluded.status, excluded.first_seen, excluded.last_seen, excluded.sources)
            """;

    private static final String UPSERT_RENTAL_HOUSE = """
            INSERT INTO master.rental_house AS h (code, building_code, address_code, rooms, landlord_name,
                                                   landlord_citizen_id, landlord_phone, grid_code, grid_method,
                                                   first_seen, last_seen, sources)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (code) DO UPDATE
               SET building_code = excluded.building_code, address_code = excluded.address_code,
                   rooms = excluded.rooms, landlord_name = excluded.landlord_name,
                   landlord_citizen_id = excluded.landlord_citizen_id, landlord_phone = excluded.landlord_phone,
                   grid_code = excluded.grid_code, grid_method = excluded.grid_method,
                   first_seen = excluded.first_seen, last_seen = excluded.last_seen, sources = excluded.sources,
                   status = excluded.status, updated_at = now()
             WHERE (h.building_code, h.address_code, h.rooms, h.landlord_name, h.landlord_citizen_id,
                    h.landlord_phone, h.grid_code, h.grid_method, h.first_seen, h.last_seen, h.sources, h.status)
                   IS DISTINCT FROM
                   (excluded.building_code, excluded.address_code, excluded.rooms, excluded.landlord_name,
                    excluded.landlord_citizen_id, excluded.landlord_phone, excluded.grid_code, excluded.grid_method,
                    excluded.first_seen, excluded.last_seen, excluded.sources, excluded.status)
            """;

    private final JdbcTemplate jdbc;
    private final BuildingMerger merger;

    public BuildingWriter(JdbcTemplate jdbc, BuildingMerger merger) {
        this.jdbc = jdbc;
        this.merger = merger;
    }

    @Override
    public void write(Chunk<? extends PlacedRow> chunk) {
        ChangeReason.set(jdbc, "merge-buildings: file " + chunk.getItems().stream()
                .map(p -> String.valueOf(p.source().fileId())).distinct().collect(Collectors.joining(", ")));
        jdbc.batchUpdate(LINK_SOURCE, chunk.getItems(), chunk.size(), (ps, placed) -> {
            ps.setLong(1, placed.source().fileId());
            ps.setInt(2, placed.source().recordNo());
            ps.setString(3, placed.entity());
            ps.setString(4, placed.code());
            ps.setString(5, placed.source().feed());
            ps.setString(6, placed.sourceKey());
            ps.setString(7, placed.rule().name());
            ps.setDouble(8, placed.score());
        });
        List<String> buildings = chunk.getItems().stream().map(PlacedRow::buildingCode).distinct().sorted().toList();
        Map<String, Rows> rows = linkedRows(buildings);
        List<GoldenBuilding> golden = new ArrayList<>();
        List<GoldenRentalHouse> rentalHouses = new ArrayList<>();
        for (String code : buildings) {
            Rows linked = rows.getOrDefault(code, new Rows());
            GoldenBuilding building = merger.building(code, linked.building, linked.rental);
            golden.add(building);
            merger.rentalHouse(building, linked.building, linked.rental).ifPresent(rentalHouses::add);
        }
        jdbc.batchUpdate(UPSERT_BUILDING, golden, golden.size(), BuildingWriter::setBuilding);
        jdbc.batchUpdate(UPSERT_RENTAL_HOUSE, rentalHouses, rentalHouses.size(), BuildingWriter::setRentalHouse);
    }

    private Map<String, Rows> linkedRows(List<String> buildings) {
        Map<String, Rows> rows = new LinkedHashMap<>();
        String[] rentalCodes = buildings.stream().map(BuildingCodes::rentalHouseOf).toArray(String[]::new);
        jdbc.query(LINKED_ROWS, rs -> {
            String entity = rs.getString("entity");
            String code = rs.getString("code");
            SourceRow row = new SourceRow(rs.getString("feed"), rs.getLong("file_id"), rs.getInt("line_no"),
                    StagedFields.read(rs));
            if (entity.equals("building")) {
                rows.computeIfAbsent(code, c -> new Rows()).building.add(row);
            } else {
                rows.computeIfAbsent(BuildingCodes.buildingOfRentalHouse(code), c -> new Rows()).rental.add(row);
            }
        }, textArray(buildings.toArray(String[]::new)), textArray(rentalCodes));
        return rows;
    }

    private static void setBuilding(PreparedStatement ps, GoldenBuilding b) throws SQLException {
        ps.setString(1, b.code());
        ps.setString(2, b.addressCode());
        ps.setString(3, b.name());
        ps.setString(4, b.use());
        setInteger(ps, 5, b.floors());
        ps.setString(6, b.ownerName());
        ps.setString(7, b.ownerCitizenId());
        LonLat point = b.point();
        setDouble(ps, 8, point == null ? null : point.lon());
        setDouble(ps, 9, point == null ? null : point.lat());
        ps.setString(10, b.gridCode());
        ps.setString(11, name(b.gridMethod()));
        ps.setString(12, b.status());
        ps.setObject(13, b.firstSeen());
        ps.setObject(14, b.lastSeen());
        ps.setArray(15, ps.getConnection().createArrayOf("text", b.sources().toArray()));
    }

    private static void setRentalHouse(PreparedStatement ps, GoldenRentalHouse h) throws SQLException {
        ps.setString(1, h.code());
        ps.setString(2, h.buildingCode());
        ps.setString(3, h.addressCode());
        setInteger(ps, 4, h.rooms());
        ps.setString(5, h.landlordName());
        ps.setString(6, h.landlordCitizenId());
        ps.setString(7, h.landlordPhone());
        ps.setString(8, h.gridCode());
        ps.setString(9, name(h.gridMethod()));
        ps.setObject(10, h.firstSeen());
        ps.setObject(11, h.lastSeen());
        ps.setArray(12, ps.getConnection().createArrayOf("text", h.sources().toArray()));
    }

    private static String textArray(String[] values) {
        return "{" + String.join(",", values) + "}";
    }

    private static String name(AssignmentMethod method) {
        return method == null ? null : method.name();
    }

    private static void setInteger(PreparedStatement ps, int index, Integer value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.INTEGER);
        } else {
            ps.setInt(index, value);
        }
    }

    private static void setDouble(PreparedStatement ps, int index, Double value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.DOUBLE);
        } else {
            ps.setDouble(index, value);
        }
    }

    /** The rows linked to a building and to its rental house. */
    private static final class Rows {
        final List<SourceRow> building = new ArrayList<>();
        final List<SourceRow> rental = new ArrayList<>();
    }
}
