package city.twofour.address;

import java.util.List;

import city.twofour.common.Geometries;
import city.twofour.feed.PendingRecord;
import city.twofour.feed.RejectReason;
import city.twofour.feed.RejectedRecordException;
import city.twofour.grid.AssignmentMethod;
import city.twofour.grid.GridIndex;
import org.locationtech.jts.geom.Coordinate;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Turns a row of the standard address list into a library address. The levels come from the row's own columns
 * (road, door number, building, unit, room), normalised by the parser; the delivered full text is not trusted, since
 * lists carry typos in it. The village named in the row is found among the divisions (its code must begin the
 * address code), the canonical full text is written anew, and the address point is placed in its grid.
 */
public class StandardAddressBuilder implements ItemProcessor<PendingRecord, DeliveredAddress> {

    private final AddressParser parser;
    private final GridIndex grids;

    public StandardAddressBuilder(DivisionAliases divisions, GridIndex grids) {
        this.parser = new AddressParser(divisions);
        this.grids = grids;
    }

    @Override
    public DeliveredAddress process(PendingRecord row) {
        String code = row.text("code");
        Division village = village(row.text("village"), code);
        ParsedAddress parsed = parser.parseAddress(village.shortName() + nonNull(row.text("road"))
                + withWord(row.text("door_number"), "号") + withWord(row.text("building"), "栋")
                + withWord(row.text("unit"), "单元") + withWord(row.text("room"), "室"));
        if (parsed.road() == null) {
            throw new RejectedRecordException("road", RejectReason.MISSING_REQUIRED_FIELD, "no road, street or lane");
        }
        if (!parsed.unparsed().isEmpty()) {
            throw new RejectedRecordException("road", RejectReason.BAD_VALUE, "'" + parsed.unparsed() + "' fits no level");
        }
        Double lon = row.number("longitude");
        Double lat = row.number("latitude");
        String grid = lon == null ? null
                : grids.locate(Geometries.FACTORY.createPoint(new Coordinate(lon, lat))).orElse(null);
        String town = parser.aliases().byCode(village.townCode()).map(Division::shortName).orElse(null);
        String canonical = AddressParser.canonicalText(parser.aliases().cityName(), town, village.shortName(), parsed.road(),
                parsed.doorNumber(), parsed.building(), parsed.unit(), parsed.floor(), parsed.room());
        StandardAddress address = new StandardAddress(code, village.townCode(), village.code(), parsed.road(),
                parsed.doorNumber(), parsed.building(), parsed.unit(), parsed.floor(), parsed.room(), canonical, lon, lat,
                grid, AddressStatus.ACTIVE);
        return new DeliveredAddress(address, grid == null ? null : AssignmentMethod.POINT_IN_GRID, row);
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }

    /** A number column as the parser reads it: {@code 3} becomes {@code 3栋}; {@code 3栋}, {@code 3座} stay. */
    private static String withWord(String value, String word) {
        if (value == null) {
            return "";
        }
        return Character.isDigit(value.charAt(value.length() - 1)) ? value + word : value;
    }

    private Division village(String name, String code) {
        List<Division> named = parser.aliases().lookup(name).stream().filter(Division::isVillage).toList();
        if (named.isEmpty()) {
            throw new RejectedRecordException("village", RejectReason.UNKNOWN_VILLAGE, name);
        }
        return named.stream().filter(v -> code.startsWith(v.code())).findFirst()
                .orElseThrow(() -> new RejectedRecordException("code", RejectReason.BAD_CODE,
                        code + " does not begin with the code of " + name + " (" + named.get(0).code() + ")"));
    }
}
