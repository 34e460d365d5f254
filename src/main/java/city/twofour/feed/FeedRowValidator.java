package city.twofour.feed;

import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import city.twofour.grid.CityExtent;
import city.twofour.grid.CoordinateSystem;
import city.twofour.grid.CoordinateTransform;
import city.twofour.grid.LonLat;
import city.twofour.population.CitizenId;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Checks a delivered row against its feed's definition and normalises its values, or rejects it: a line that could
 * not be read as a row of the header's columns as a whole, else with the first field at fault. Rules beyond single
 * fields:
 * <ul>
 * <li>A citizen ID number carries a birth date and a sex. When the feed has fields named {@value #BIRTH_DATE} and
 * {@value #SEX} (the latter mapped to {@code male} / {@code female}) and the row has values for them, they must
 * agree with the number ({@code CITIZEN_ID_MISMATCH}); when it has none, they are derived from the number.</li>
 * <li>Longitude and latitude come in pairs: one without the other is a missing field. The point is converted from
 * the feed's coordinate system to CGCS2000 and must lie in the city ({@code COORDINATE_OUTSIDE_CITY}).</li>
 * </ul>
 */
public class FeedRowValidator implements ItemProcessor<CsvRow, FeedRecord> {

    /** Field name of a person's birth date, cross-checked with the citizen ID number. */
    public static final String BIRTH_DATE = "birth_date";
    /** Field name of a person's sex, cross-checked with the citizen ID number. */
    public static final String SEX = "sex";

    private static final double COORDINATE_SCALE = 1e7;

    private final FeedDefinition definition;
    private final CoordinateSystem coordinates;
    private final CityExtent city;
    private final Map<String, List<DateTimeFormatter>> dateFormats = new HashMap<>();
    private final Map<String, String> columns = new HashMap<>();

    public FeedRowValidator(FeedDefinition definition, CityExtent city) {
        this.definition = definition;
        this.coordinates = definition.coordinateSystem();
        this.city = city;
        definition.fields().forEach((name, field) -> {
            columns.put(name, field.column().strip());
            if (field.type() == FieldType.DATE) {
                dateFormats.put(name, FieldValues.dateFormats(field.formats()));
            } else if (field.type() == FieldType.DATETIME) {
                dateFormats.put(name, FieldValues.dateTimeFormats(field.formats()));
            }
        });
    }

    /**
     * The row's values checked and normalised.
     *
     * @throws RejectedRecordException naming the first field at fault and why
     */
    @Override
    public FeedRecord process(CsvRow row) {
        row.requireWellFormed();
        if (row.original().indexOf('\0') >= 0) {
            throw new RejectedRecordException(null, RejectReason.BAD_ENCODING, "the line contains NUL bytes");
        }
        Map<String, Object> values = new LinkedHashMap<>();
        CitizenId citizenId = null;
        String longitudeField = null;
        String latitudeField = null;
        for (Map.Entry<String, FieldDefinition> entry : definition.fields().entrySet()) {
            String name = entry.getKey();
            FieldDefinition field = entry.getValue();
            if (field.type() == FieldType.LONGITUDE) {
                longitudeField = name;
            } else if (field.type() == FieldType.LATITUDE) {
                latitudeField = name;
            }
            String value = row.get(columns.get(name));
            if (value == null) {
                if (field.required()) {
                    throw new RejectedRecordException(name, RejectReason.MISSING_REQUIRED_FIELD, field.column());
                }
                continue;
            }
            Object normalised = switch (field.type()) {
                case TEXT -> value;
                case CITIZEN_ID -> (citizenId = FieldValues.citizenId(name, value)).value();
                case CREDIT_CODE -> FieldValues.creditCode(name, value).value();
                case DATE -> FieldValues.date(name, value, dateFormats.get(name)).toString();
                case DATETIME -> FieldValues.dateTime(name, value, dateFormats.get(name)).toString();
                case PHONE -> FieldValues.phone(name, value);
                case ENUM -> FieldValues.enumValue(name, value, field.values());
                case INTEGER -> FieldValues.integer(name, value);
                case DECIMAL -> FieldValues.decimal(name, value);
                case LONGITUDE, LATITUDE -> FieldValues.degrees(name, value);
            };
            values.put(name, normalised);
        }
        if (citizenId != null) {
            crossCheck(citizenId, values);
        }
        if (longitudeField != null) {
            placeInCity(longitudeField, latitudeField, values);
        }
        return new FeedRecord(row.fileId(), row.recordNo(), values);
    }

    private static void crossCheck(CitizenId id, Map<String, Object> values) {
        String birthDate = id.birthDate().toString();
        String sex = id.sex().name().toLowerCase();
        Object deliveredBirthDate = values.putIfAbsent(BIRTH_DATE, birthDate);
        if (deliveredBirthDate != null && !deliveredBirthDate.equals(birthDate)) {
            throw new RejectedRecordException(BIRTH_DATE, RejectReason.CITIZEN_ID_MISMATCH,
                    deliveredBirthDate + ", the ID number says " + birthDate);
        }
        Object deliveredSex = values.putIfAbsent(SEX, sex);
        if (deliveredSex != null && !deliveredSex.equals(sex) && !deliveredSex.equals(id.sex().label())) {
            throw new RejectedRecordException(SEX, RejectReason.CITIZEN_ID_MISMATCH,
                    deliveredSex + ", the ID number says " + sex);
        }
    }

    private void placeInCity(String longitudeField, String latitudeField, Map<String, Object> values) {
        Object longitude = values.get(longitudeField);
        Object latitude = values.get(latitudeField);
        if (longitude == null && latitude == null) {
            return;
        }
        if (longitude == null || latitude == null) {
            String missing = longitude == null ? longitudeField : latitudeField;
            throw new RejectedRecordException(missing, RejectReason.MISSING_REQUIRED_FIELD,
                    "longitude and latitude come together: " + definition.fields().get(missing).column() + " is empty");
        }
        LonLat point = CoordinateTransform.toCgcs2000(new LonLat((Double) longitude, (Double) latitude), coordinates);
        city.check(point).ifPresent(problem -> {
            throw new RejectedRecordException(longitudeField, RejectReason.COORDINATE_OUTSIDE_CITY,
                    problem + " (" + longitude + ", " + latitude + " in " + coordinates + ")");
        });
        values.put(longitudeField, Math.round(point.lon() * COORDINATE_SCALE) / COORDINATE_SCALE);
        values.put(latitudeField, Math.round(point.lat() * COORDINATE_SCALE) / COORDINATE_SCALE);
    }
}
