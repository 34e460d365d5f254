package city.twofour.building;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import city.twofour.address.AddressMatch;
import city.twofour.grid.LonLat;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.index.strtree.STRtree;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The standard addresses at building level, to find the building a matched address stands for and the building
 * nearest a point. Built once per step from the address library; read-only afterwards.
 * <p>
 * Rules ({@link #buildingOf}): a building-level match is that building; a room is in its building; a door number
 * with exactly one building under it is that building, unless the text named a building number (the library then
 * lacks the building it named); anything coarser is no building.
 */
public class BuildingAddresses {

    private static final String BUILDING_ADDRESSES = """
            SELECT a.code, a.village_code, a.road, p.parent_code, a.door_number, a.building, ST_X(a.geom) AS lon, ST_Y(a.geom) AS lat, a.grid_code
              FROM master.address a
              LEFT JOIN master.address_parent p ON p.code = a.code
             WHERE a.level = 'building' AND a.status = 'active'
            """;

    private static final String BUILDING_OF_ROOM = "SELECT parent_code FROM master.address_parent WHERE code = ?";

    private static final double METRES_PER_DEGREE_LATITUDE = 111_000;

    private final Map<String, BuildingAddress> byCode = new HashMap<>();
    private final Map<String, List<BuildingAddress>> byDoor = new HashMap<>();
    private final Map<String, List<BuildingAddress>> byText = new HashMap<>();
    private final STRtree points = new STRtree();
    private final UnaryOperator<String> buildingOfRoom;

    /**
     * @param buildingOfRoom the building-level address above a room address, or null
     */
    public BuildingAddresses(Iterable<BuildingAddress> addresses, UnaryOperator<String> buildingOfRoom) {
        for (BuildingAddress address : addresses) {
            byCode.put(address.code(), address);
            byText.computeIfAbsent(address.text(), t -> new ArrayList<>(1)).add(address);
            if (address.doorCode() != null) {
                byDoor.computeIfAbsent(address.doorCode(), d -> new ArrayList<>(1)).add(address);
            }
            if (address.point() != null) {
                points.insert(new Envelope(address.point().lon(), address.point().lon(), address.point().lat(),
                        address.point().lat()), address);
            }
        }
        points.build();
        this.buildingOfRoom = buildingOfRoom;
    }

    /** The active building addresses of the library. */
    public static BuildingAddresses read(JdbcTemplate jdbc) {
        try (Stream<BuildingAddress> addresses = jdbc.queryForStream(BUILDING_ADDRESSES, (rs, n) -> new BuildingAddress(
                rs.getString("code"), rs.getString("village_code"), rs.getString("road"), rs.getString("parent_code"), rs.getString("door_number"), rs.getString("building"),
                rs.getObject("lon") == null ? null : new LonLat(rs.getDouble("lon"), rs.getDouble("lat")),
                rs.getString("grid_code")))) {
            return new BuildingAddresses(addresses::iterator, room -> jdbc.queryForList(BUILDING_OF_ROOM, String.class, room)
                    .stream().findFirst().orElse(null));
        }
    }

    public Optional<BuildingAddress> get(String code) {
        return Optional.ofNullable(byCode.get(code));
    }

    /** The building a matched address stands for, if it names one. */
    public Optional<BuildingAddress> buildingOf(AddressMatch match) {
        return switch (match.level()) {
            case BUILDING -> Optional.ofNullable(byCode.get(match.code()));
            case ROOM -> Optional.ofNullable(buildingOfRoom.apply(match.code())).map(byCode::get);
            case DOOR -> {
                List<BuildingAddress> buildings = byDoor.getOrDefault(match.code(), List.of());
                yield buildings.size() == 1 && match.parsed().building() == null
                        ? Optional.of(buildings.get(0)) : Optional.empty();
            }
            default -> Optional.empty();
        };
    }

    /**
     * The building addresses that read exactly like the given one (same village, road, door and building number):
     * the address itself, and any twin the library holds, e.g. on two roads of the same name.
     */
    public List<BuildingAddress> twins(BuildingAddress address) {
        return byText.getOrDefault(address.text(), List.of(address));
    }

    /** The building address nearest the point among those that {@code fit}, if one lies within {@code maxMetres}. */
    @SuppressWarnings("unchecked")
    public Optional<Nearby> nearest(LonLat point, double maxMetres, Predicate<BuildingAddress> fit) {
        double dLat = maxMetres / METRES_PER_DEGREE_LATITUDE;
        double dLon = dLat / Math.cos(Math.toRadians(point.lat()));
        Nearby best = null;
        for (BuildingAddress candidate : (List<BuildingAddress>) points.query(
                new Envelope(point.lon() - dLon, point.lon() + dLon, point.lat() - dLat, point.lat() + dLat))) {
            double distance = point.distanceMetres(candidate.point());
            if (distance <= maxMetres && fit.test(candidate) && (best == null || distance < best.metres()
                    || distance == best.metres() && candidate.code().compareTo(best.code()) < 0)) {
                best = new Nearby(candidate.code(), distance);
            }
        }
        return Optional.ofNullable(best);
    }

    /** A building (or building address) found near a point. */
    public record Nearby(String code, double metres) {
    }
}
