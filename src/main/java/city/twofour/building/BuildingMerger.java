package city.twofour.building;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

import city.twofour.common.Geometries;
import city.twofour.grid.AssignmentMethod;
import city.twofour.grid.GridIndex;
import city.twofour.grid.LonLat;
import org.locationtech.jts.geom.Coordinate;

/**
 * Builds the golden records of one building and its rental house from every row merged into them.
 * <ul>
 * <li>Attributes survive by {@link BuildingSurvivorship}; the point is the surviving row's longitude and latitude
 * together.</li>
 * <li>Grid: a building with a point is in the grid containing it ({@code POINT_IN_GRID}); one without, in the grid
 * of its standard address point ({@code ADDRESS_POINT}), and that point is its geometry.</li>
 * <li>Status: {@code standing} once the field collection saw it, else {@code registered}.</li>
 * <li>Rental house: a building has one when the rental registry lists it or the field collection marks it as let
 * (是否出租屋 = 是); it lies in its building's grid.</li>
 * </ul>
 */
public final class BuildingMerger {

    public static final String FIELD_FEED = "field-buildings";
    private static final String RENTED = "yes";

    private final BuildingSurvivorship survivorship;
    private final BuildingAddresses addresses;
    private final GridIndex grids;

    public BuildingMerger(BuildingSurvivorship survivorship, BuildingAddresses addresses, GridIndex grids) {
        this.survivorship = survivorship;
        this.addresses = addresses;
        this.grids = grids;
    }

    /**
     * @param buildingRows the rows merged into the building
     * @param rentalRows   the rental registry rows merged into its rental house
     */
    public GoldenBuilding building(String code, List<SourceRow> buildingRows, List<SourceRow> rentalRows) {
        String addressCode = BuildingCodes.addressOf(code);
        Optional<BuildingAddress> address = addressCode == null ? Optional.empty() : addresses.get(addressCode);
        LonLat point = survivorship.survivor(buildingRows, "longitude")
                .map(r -> new LonLat(Double.parseDouble(r.value("longitude")), Double.parseDouble(r.value("latitude"))))
                .orElse(null);
        String gridCode = null;
        AssignmentMethod method = null;
        if (point != null) {
            gridCode = grids.locate(Geometries.FACTORY.createPoint(new Coordinate(point.lon(), point.lat()))).orElse(null);
            method = gridCode == null ? null : AssignmentMethod.POINT_IN_GRID;
        }
        if (gridCode == null && address.isPresent() && address.get().gridCode() != null) {
            gridCode = address.get().gridCode();
            method = AssignmentMethod.ADDRESS_POINT;
        }
        if (point == null) {
            point = address.map(BuildingAddress::point).orElse(null);
        }
        List<SourceRow> all = Stream.concat(buildingRows.stream(), rentalRows.stream()).toList();
        boolean seenOnSite = buildingRows.stream().anyMatch(r -> r.feed().equals(FIELD_FEED));
        return new GoldenBuilding(code, addressCode, text(buildingRows, "name"), text(buildingRows, "use"),
                integer(buildingRows, "floors"), text(buildingRows, "owner_name"), text(buildingRows, "owner_citizen_id"),
                point, gridCode, method, seenOnSite ? "standing" : "registered", firstSeen(all), lastSeen(all), sources(all));
    }

    /** The building's rental house, if a row says it is let. */
    public Optional<GoldenRentalHouse> rentalHouse(GoldenBuilding building, List<SourceRow> buildingRows,
                                                   List<SourceRow> rentalRows) {
        List<SourceRow> rows = Stream.concat(rentalRows.stream(),
                buildingRows.stream().filter(r -> RENTED.equals(r.value("rental")))).toList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new GoldenRentalHouse(BuildingCodes.rentalHouseOf(building.code()), building.code(),
                building.addressCode(), integer(rows, "rooms"), text(rows, "landlord_name"),
                text(rows, "landlord_citizen_id"), text(rows, "landlord_phone"), building.gridCode(),
                building.gridMethod(), firstSeen(rows), lastSeen(rows), sources(rows)));
    }

    private String text(List<SourceRow> rows, String field) {
        return survivorship.value(rows, field);
    }

    private Integer integer(List<SourceRow> rows, String field) {
        String value = survivorship.value(rows, field);
        return value == null ? null : Integer.valueOf(value);
    }

    private static LocalDate firstSeen(List<SourceRow> rows) {
        return rows.stream().map(SourceRow::seenOn).filter(Objects::nonNull).min(LocalDate::compareTo).orElse(null);
    }

    private static LocalDate lastSeen(List<SourceRow> rows) {
        return rows.stream().map(SourceRow::seenOn).filter(Objects::nonNull).max(LocalDate::compareTo).orElse(null);
    }

    private static List<String> sources(List<SourceRow> rows) {
        return rows.stream().map(SourceRow::feed).distinct().sorted().toList();
    }
}
