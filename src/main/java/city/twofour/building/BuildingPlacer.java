package city.twofour.building;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import city.twofour.address.AddressMatch;
import city.twofour.address.AddressMatcher;
import city.twofour.address.ParsedAddress;
import city.twofour.building.BuildingAddresses.Nearby;
import city.twofour.feed.PendingRecord;
import city.twofour.feed.RejectReason;
import city.twofour.grid.LonLat;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Decides which building (and rental house) a delivered row belongs to:
 * <ol>
 * <li>The row's address, matched against the library, names a building ({@link BuildingAddresses#buildingOf}):
 * that building, {@link MatchRule#SAME_ADDRESS}, scored by the match confidence. When the library holds several
 * building addresses that read exactly alike (two roads of one name in a village), the row's point picks the
 * nearest; a row without a point is ambiguous ({@code ADDRESS_AMBIGUOUS}), to review.</li>
 * <li>Otherwise, a row with a point (the field collection's GPS) goes to the standard building address nearest it
 * within {@link #NEAREST_POINT_MAX_METRES}, else to a building the field found earlier within that distance
 * ({@link MatchRule#NEAREST_POINT}, scored by the distance in metres), else it is a new building found by the
 * field ({@link MatchRule#FOUND_BY_FIELD}). A standard building address whose door or building number differs from
 * the ones the text names is never taken by its point: the text then names a building the library lacks.</li>
 * <li>A row without either cannot be placed: {@link UnplacedRecordException}, to review.</li>
 * </ol>
 * A rental-registry row is linked to the rental house of its building; a building row to the building.
 */
public class BuildingPlacer implements ItemProcessor<PendingRecord, PlacedRow> {

    /** A point farther than this from every known building is not that building (GPS ± 3 m, buildings apart). */
    public static final double NEAREST_POINT_MAX_METRES = 10;

    static final String ADDRESS = "address";
    private static final String[] SOURCE_KEYS = {"registry_no", "collection_no"};

    private final AddressMatcher matcher;
    private final BuildingAddresses addresses;
    private final FoundBuildings found;
    private final String rentalFeed;

    /**
     * @param rentalFeed the feed whose rows are rental houses rather than buildings
     */
    public BuildingPlacer(AddressMatcher matcher, BuildingAddresses addresses, FoundBuildings found, String rentalFeed) {
        this.matcher = matcher;
        this.addresses = addresses;
        this.found = found;
        this.rentalFeed = rentalFeed;
    }

    @Override
    public PlacedRow process(PendingRecord row) {
        LonLat point = pointOf(row);
        String text = row.text(ADDRESS);
        AddressMatch match = point == null ? matcher.match(text) : matcher.match(text, point);
        Optional<BuildingAddress> building = addresses.buildingOf(match);
        if (building.isPresent()) {
            List<BuildingAddress> twins = addresses.twins(building.get());
            if (twins.size() == 1) {
                return placed(row, BuildingCodes.ofAddress(building.get().code()), MatchRule.SAME_ADDRESS, match.confidence());
            }
            if (point == null) {
                throw new UnplacedRecordException(ADDRESS, RejectReason.ADDRESS_AMBIGUOUS, building.get().code(),
                        match.confidence(), "'" + text + "' reads like " + twins.size() + " standard addresses");
            }
            BuildingAddress nearest = twins.stream().filter(t -> t.point() != null)
                    .min(Comparator.comparingDouble(t -> point.distanceMetres(t.point()))).orElse(building.get());
            return placed(row, BuildingCodes.ofAddress(nearest.code()), MatchRule.SAME_ADDRESS, match.confidence());
        }
        if (point == null) {
            throw new UnplacedRecordException(ADDRESS, RejectReason.ADDRESS_NOT_MATCHED, match.code(), match.confidence(),
                    "'" + text + "' matches " + match.level() + " (" + match.reason() + ")");
        }
        Optional<Nearby> near = addresses.nearest(point, NEAREST_POINT_MAX_METRES, a -> fits(match.parsed(), a))
                .map(a -> new Nearby(BuildingCodes.ofAddress(a.code()), a.metres()))
                .or(() -> found.nearest(point, NEAREST_POINT_MAX_METRES));
        return near.map(n -> placed(row, n.code(), MatchRule.NEAREST_POINT, n.metres()))
                .orElseGet(() -> placed(row, found.newCode(), MatchRule.FOUND_BY_FIELD, 1));
    }

    private PlacedRow placed(PendingRecord row, String buildingCode, MatchRule rule, double score) {
        boolean rental = row.feed().equals(rentalFeed);
        return new PlacedRow(row, rental ? "rental_house" : "building",
                rental ? BuildingCodes.rentalHouseOf(buildingCode) : buildingCode, buildingCode, rule, score, sourceKey(row));
    }

    /** A building the text does not contradict: the door and building numbers it names, if any, are the building's. */
    private static boolean fits(ParsedAddress text, BuildingAddress building) {
        return (text.doorNumber() == null || text.doorNumber().equals(building.door()))
                && (text.building() == null || text.building().equals(building.building()));
    }

    private static LonLat pointOf(PendingRecord row) {
        Double lon = row.number("longitude");
        Double lat = row.number("latitude");
        return lon == null || lat == null ? null : new LonLat(lon, lat);
    }

    private static String sourceKey(PendingRecord row) {
        for (String key : SOURCE_KEYS) {
            if (row.text(key) != null) {
                return row.text(key);
            }
        }
        return null;
    }
}
