package city.twofour.verification;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import city.twofour.facility.FacilityType;
import city.twofour.feed.FieldValues;
import city.twofour.feed.RejectReason;
import city.twofour.feed.RejectedRecordException;

/**
 * Reads the corrected values of a result, written {@code 字段=值} and joined by {@code ;} (full-width {@code ；} and
 * {@code ＝} too), and checks each the way a feed value would be: an address must match a standard address at door
 * level or finer, floors a whole number from 1 to 200, a facility type one of the known names. A field the task's type
 * cannot correct is refused too ({@code BAD_CORRECTION}).
 */
public final class Corrections {

    public static final String FIELD = "corrections";
    private static final int MOST_FLOORS = 200;

    private static final Map<String, String> FIELD_NAMES = Map.of(
            "地址", "address", "住址", "address", "申报地址", "address",
            "层数", "floors", "楼层数", "floors",
            "类型", "facility_type", "设施类型", "facility_type",
            "名称", "name", "姓名", "name");

    private static final Map<TaskType, Set<String>> CORRECTABLE = Map.ofEntries(
            Map.entry(TaskType.TENANT_MOVED_IN, Set.of("address", "name")),
            Map.entry(TaskType.UNIT_OPENED, Set.of("address", "name")),
            Map.entry(TaskType.BUILDING_BUILT, Set.of("address", "floors")),
            Map.entry(TaskType.REGISTERED_BUILDING_NOT_FOUND, Set.of("floors")),
            Map.entry(TaskType.FACILITY_ADDED, Set.of("facility_type")),
            Map.entry(TaskType.FACILITY_DAMAGED, Set.of("facility_type")),
            Map.entry(TaskType.ADDRESS_CORRECTION, Set.of("address")),
            Map.entry(TaskType.UNMATCHED_ADDRESS, Set.of("address")));

    private final Places places;

    public Corrections(Places places) {
        this.places = places;
    }

    /** The corrected values by field name ({@code address_code}, {@code floors}, {@code facility_type} …). */
    public Map<String, Object> read(TaskType type, String text) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (String pair : text.replace('；', ';').replace('＝', '=').split(";")) {
            if (pair.isBlank()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = eq < 0 ? null : FIELD_NAMES.get(pair.substring(0, eq).strip());
            if (name == null) {
                throw bad("'" + pair.strip() + "' is not 字段=值 with a known field");
            }
            if (!CORRECTABLE.getOrDefault(type, Set.of()).contains(name)) {
                throw bad("a " + type.label() + " task cannot correct " + pair.substring(0, eq).strip());
            }
            String value = pair.substring(eq + 1).strip();
            if (value.isEmpty()) {
                throw bad("no value for " + pair.substring(0, eq).strip());
            }
            switch (name) {
                case "address" -> putAddress(values, value);
                case "floors" -> values.put("floors", floors(value));
                case "facility_type" -> values.put("facility_type", FacilityType.ofLabel(value)
                        .orElseThrow(() -> bad("'" + value + "' is not a facility type")).dbValue());
                default -> values.put(name, value);
            }
        }
        if (values.isEmpty()) {
            throw new RejectedRecordException(FIELD, RejectReason.MISSING_REQUIRED_FIELD, "a 更正 result needs its corrected values");
        }
        return values;
    }

    private void putAddress(Map<String, Object> values, String text) {
        Place place = places.ofAddress(text).filter(p -> p.addressCode() != null)
                .orElseThrow(() -> bad("'" + text + "' matches no standard address at door level or finer"));
        values.put("address_text", text);
        values.put("address_code", place.addressCode());
        values.put("address_level", place.addressLevel());
        values.put("grid_code", place.gridCode());
    }

    private static int floors(String value) {
        try {
            long floors = FieldValues.integer("floors", value);
            if (floors >= 1 && floors <= MOST_FLOORS) {
                return (int) floors;
            }
        } catch (RejectedRecordException e) {
            // reported below with the value as written
        }
        throw bad("'" + value + "' is not a number of floors from 1 to " + MOST_FLOORS);
    }

    private static RejectedRecordException bad(String detail) {
        return new RejectedRecordException(FIELD, RejectReason.BAD_CORRECTION, detail);
    }
}
