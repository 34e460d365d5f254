package city.twofour.building;

import java.time.LocalDate;
import java.util.List;

import city.twofour.grid.AssignmentMethod;

/** A rental house's golden record, as {@code master.rental_house} holds it; see the column comments. */
public record GoldenRentalHouse(String code, String buildingCode, String addressCode, Integer rooms, String landlordName,
                                String landlordCitizenId, String landlordPhone, String gridCode,
                                AssignmentMethod gridMethod, LocalDate firstSeen, LocalDate lastSeen,
                                List<String> sources) {
}
