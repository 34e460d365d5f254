package city.twofour.building;

import java.time.LocalDate;
import java.util.List;

import city.twofour.grid.AssignmentMethod;
import city.twofour.grid.LonLat;

/** A building's golden record, as {@code master.building} holds it; see the column comments. */
public record GoldenBuilding(String code, String addressCode, String name, String use, Integer floors, String ownerName,
                             String ownerCitizenId, LonLat point, String gridCode, AssignmentMethod gridMethod,
                             String status, LocalDate firstSeen, LocalDate lastSeen, List<String> sources) {
}
