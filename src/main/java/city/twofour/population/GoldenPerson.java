package city.twofour.population;

import java.time.LocalDate;

/**
 * A golden person record before its address is matched: each attribute as survivorship chose it.
 *
 * @param addressText the residence address as the most trusted source wrote it
 * @param firstSeen   earliest registration or collection date of the linked rows
 * @param lastSeen    latest one
 * @param seenOnSite  latest collection date of the field collection, null if grid officers never found the person
 */
public record GoldenPerson(String code, String name, String sex, LocalDate birthDate, String ethnicity, String kind,
                           String originRegion, String phone, String addressText, LocalDate firstSeen,
                           LocalDate lastSeen, LocalDate seenOnSite) {
}
