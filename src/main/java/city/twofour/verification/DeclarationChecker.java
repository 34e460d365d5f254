package city.twofour.verification;

import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToIntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import city.twofour.building.BuildingCodes;
import city.twofour.facility.FacilityType;
import city.twofour.feed.FieldValues;
import city.twofour.feed.PendingRecord;
import city.twofour.feed.RejectReason;
import city.twofour.feed.RejectedRecordException;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Turns a declaration into the verification task that checks it. The record concerned is named by its key in its
 * master table (citizen ID, credit code, building, facility or address code), checked like a feed value; the place is
 * the declared address for a new arrival or opening, otherwise the record's own place first; failing both, a grid the
 * text names. A declaration whose place cannot be found at all is rejected ({@code PLACE_NOT_FOUND}): no grid could
 * take it.
 */
public class DeclarationChecker implements ItemProcessor<PendingRecord, OpenedTask> {

    private static final Pattern FLOORS = Pattern.compile("(\\d{1,3})\\s*层");

    private final Places places;
    private final ToIntFunction<TaskType> dueDays;

    public DeclarationChecker(Places places, ToIntFunction<TaskType> dueDays) {
        this.places = places;
        this.dueDays = dueDays;
    }

    @Override
    public OpenedTask process(PendingRecord declaration) {
        TaskType type = TaskType.valueOf(declaration.text("type"));
        String entity = declaration.text("entity");
        if (!type.entity().equals(entity)) {
            throw new RejectedRecordException("entity", RejectReason.BAD_VALUE,
                    "a declaration of " + type.label() + " concerns a " + type.entity() + ", not a " + entity);
        }
        String declarationNo = declaration.text("declaration_no");
        String code = "RW" + (declarationNo.startsWith("SB") ? declarationNo.substring(2) : declarationNo);
        if (code.length() > 48) {
            throw new RejectedRecordException("declaration_no", RejectReason.BAD_CODE, "longer than 46 characters");
        }
        String address = declaration.text("address");
        Optional<Place> declared = address == null ? Optional.empty() : places.ofAddress(address);
        String key = entityKey(entity, declaration.text("entity_key"), declared);
        Optional<Place> record = places.ofRecord(entity, key);
        Place place = locate(type, address, declared, record);
        Map<String, Object> facts = facts(type, declaration, record.isPresent());
        LocalDateTime openedAt = LocalDateTime.parse(declaration.text("declared_at"));
        String factKey = type + "|" + key + "|" + (place.addressCode() != null ? place.addressCode() : place.gridCode());
        return new OpenedTask(declaration, code, declarationNo, type, entity, key, factKey, facts, address, place,
                openedAt, openedAt.toLocalDate().plusDays(dueDays.applyAsInt(type)));
    }

    /**
     * The record's key in its master table. The master data knows a building by its standard address
     * ({@link BuildingCodes#ofAddress}), so a building declared at a building address is that building whatever
     * number the declarant gave it.
     */
    private static String entityKey(String entity, String key, Optional<Place> declared) {
        return switch (entity) {
            case "person" -> FieldValues.citizenId("entity_key", key).value();
            case "unit" -> FieldValues.creditCode("entity_key", key).value();
            case "building" -> declared.filter(place -> "building".equals(place.addressLevel()))
                    .map(place -> BuildingCodes.ofAddress(place.addressCode()))
                    .orElse(key.strip());
            default -> key.strip();
        };
    }

    /** A new arrival or opening is checked where it is declared; anything else where the record already is. */
    private Place locate(TaskType type, String address, Optional<Place> declared, Optional<Place> record) {
        boolean declaredFirst = type == TaskType.TENANT_MOVED_IN || type == TaskType.UNIT_OPENED
                || type == TaskType.BUILDING_BUILT || type == TaskType.ADDRESS_CORRECTION;
        Optional<Place> first = declaredFirst ? declared : record;
        Optional<Place> second = declaredFirst ? record : declared;
        return first.filter(Place::hasGrid)
                .or(() -> second.filter(Place::hasGrid))
                .or(() -> address == null ? Optional.empty() : places.ofGridNamedIn(address))
                .or(() -> first.filter(p -> p.villageCode() != null))
                .or(() -> second.filter(p -> p.villageCode() != null))
                .orElseThrow(() -> new RejectedRecordException("address", RejectReason.PLACE_NOT_FOUND,
                        address == null ? "no address and no known record" : "'" + address + "'"));
    }

    private static Map<String, Object> facts(TaskType type, PendingRecord declaration, boolean known) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("declared_type", type.label());
        putIfPresent(facts, "name", declaration.text("entity_name"));
        putIfPresent(facts, "content", declaration.text("content"));
        putIfPresent(facts, "declarant", declaration.text("declarant"));
        putIfPresent(facts, "declarant_phone", declaration.text("phone"));
        facts.put("record_known", known);
        if (type == TaskType.BUILDING_BUILT && declaration.text("content") != null) {
            Matcher floors = FLOORS.matcher(declaration.text("content"));
            if (floors.find()) {
                facts.put("floors", Integer.parseInt(floors.group(1)));
            }
        }
        if (declaration.text("entity").equals("facility") && declaration.text("entity_name") != null) {
            FacilityType.ofLabel(declaration.text("entity_name"))
                    .ifPresent(facilityType -> facts.put("facility_type", facilityType.dbValue()));
        }
        return facts;
    }

    private static void putIfPresent(Map<String, Object> facts, String name, String value) {
        if (value != null && !value.isBlank()) {
            facts.put(name, value);
        }
    }
}
