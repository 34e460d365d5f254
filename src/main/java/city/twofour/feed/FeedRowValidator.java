package city.twofour.feed;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import city.twofour.grid.CityExtent;
import city.twofour.grid.CoordinateSystem;
import city.twofour.grid.CoordinateTransform;
import city.twofour.grid.LonLat;
import city.twofour.population.CitizenId;
import city.twofour.population.Sex;
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

    private final CoordinateSystem coordinates;
    private final CityExtent city;
    private final List<String> recordFields;
    private final List<String> names;
    private final List<FieldDefinition> fields;
    private final List<List<DatePattern>> dateFormats = new ArrayList<>();
    private final int birthDate;
    private final int sex;
    private final int longitude;
    private final int latitude;

    /** The header the row's columns were last looked up in, and where each field's column is in it. */
    private List<String> header;
    private int[] columns;

    public FeedRowValidator(FeedDefinition definition, CityExtent city) {
        this.coordinates = definition.coordinateSystem();
        this.city = city;
        this.recordFields = definition.recordFields();
        this.names = List.copyOf(definition.fields().keySet());
        this.fields = List.copyOf(definition.fields().values());
        for (FieldDefinition field : fields) {
            dateFormats.add(switch (field.type()) {
                case DATE -> FieldValues.dateFormats(field.formats());
                case DATETIME -> FieldValues.dateTimeFormats(field.formats());
                default -> null;
            });
        }
        this.birthDate = recordFields.indexOf(BIRTH_DATE);
        this.sex = recordFields.indexOf(SEX);
        this.longitude = indexOf(FieldType.LONGITUDE);
        this.latitude = indexOf(FieldType.LATITUDE);
    }

    /** The names of the values of the records it makes: the feed's {@link FeedDefinition#recordFields()}. */
    public List<String> recordFields() {
        return recordFields;
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
        int[] column = columnsIn(row.header());
        String[] values = new String[recordFields.size()];
        CitizenId citizenId = null;
        double lon = Double.NaN;
        double lat = Double.NaN;
        for (int i = 0; i < fields.size(); i++) {
            FieldDefinition field = fields.get(i);
            String name = names.get(i);
            String value = row.get(column[i]);
            if (value == null) {
                if (field.required()) {
                    throw new RejectedRecordException(name, RejectReason.MISSING_REQUIRED_FIELD, field.column());
                }
                continue;
            }
            if (value.indexOf(StagedFields.SEPARATOR) >= 0) {
                throw new RejectedRecordException(name, RejectReason.BAD_ENCODING,
                        "the value contains the control character U+001F");
            }
            values[i] = switch (field.type()) {
                case TEXT -> value;
                case CITIZEN_ID -> (citizenId = FieldValues.citizenId(name, value)).value();
                case CREDIT_CODE -> FieldValues.creditCode(name, value).value();
                case DATE -> FieldValues.date(name, value, dateFormats.get(i));
                case DATETIME -> FieldValues.dateTime(name, value, dateFormats.get(i));
                case PHONE -> FieldValues.phone(name, value);
                case ENUM -> FieldValues.enumValue(name, value, field.values());
                case INTEGER -> Long.toString(FieldValues.integer(name, value));
                case DECIMAL -> FieldValues.decimal(name, value).toString();
                case LONGITUDE -> {
                    lon = FieldValues.degrees(name, value);
                    yield value; // until the point is placed, as a pair
                }
                case LATITUDE -> {
                    lat = FieldValues.degrees(name, value);
                    yield value;
                }
            };
        }
        if (citizenId != null) {
            crossCheck(citizenId, values);
        }
        if (longitude >= 0 && (values[longitude] != null || values[latitude] != null)) {
            placeInCity(lon, lat, values);
        }
        return new FeedRecord(row.fileId(), row.recordNo(), recordFields, Arrays.asList(values));
    }

    /** Where each field's column is in the header: looked up once for the rows of a file, which share it. */
    private int[] columnsIn(List<String> rowHeader) {
        if (rowHeader != header) {
            columns = fields.stream().mapToInt(f -> rowHeader.indexOf(f.column().strip())).toArray();
            header = rowHeader;
        }
        return columns;
    }

    private int indexOf(FieldType type) {
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).type() == type) {
                return i;
            }
        }
        return -1;
    }

    private void crossCheck(CitizenId id, String[] values) {
        String idBirthDate = id.birthDateText();
        String idSex = id.sex() == Sex.MALE ? "male" : "female";
        String delivered = values[birthDate];
        if (delivered == null) {
            values[birthDate] = idBirthDate;
        } else if (!delivered.equals(idBirthDate)) {
            throw new RejectedRecordException(BIRTH_DATE, RejectReason.CITIZEN_ID_MISMATCH,
                    delivered + ", the ID number says " + idBirthDate);
        }
        delivered = values[sex];
        if (delivered == null) {
            values[sex] = idSex;
        } else if (!delivered.equals(idSex) && !delivered.equals(id.sex().label())) {
            throw new RejectedRecordException(SEX, RejectReason.CITIZEN_ID_MISMATCH,
                    delivered + ", the ID number says " + idSex);
        }
    }

    private void placeInCity(double lon, double lat, String[] values) {
        if (values[longitude] == null || values[latitude] == null) {
            int missing = values[longitude] == null ? longitude : latitude;
            throw new RejectedRecordException(names.get(missing), RejectReason.MISSING_REQUIRED_FIELD,
                    "longitude and latitude come together: " + fields.get(missing).column() + " is empty");
        }
        LonLat point = CoordinateTransform.toCgcs2000(new LonLat(lon, lat), coordinates);
        city.check(point).ifPresent(problem -> {
            throw new RejectedRecordException(names.get(longitude), RejectReason.COORDINATE_OUTSIDE_CITY,
                    problem + " (" + lon + ", " + lat + " in " + coordinates + ")");
        });
        values[longitude] = Double.toString(Math.round(point.lon() * COORDINATE_SCALE) / COORDINATE_SCALE);
        values[latitude] = Double.toString(Math.round(point.lat() * COORDINATE_SCALE) / COORDINATE_SCALE);
    }
}
