package city.twofour.verification;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/**
 * Times in declarations and results are written as the city's clocks show them (China Standard Time); the database
 * keeps instants.
 */
public final class CityTime {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private CityTime() {
    }

    public static OffsetDateTime instant(LocalDateTime cityTime) {
        return cityTime.atZone(ZONE).toOffsetDateTime();
    }

    public static LocalDateTime local(OffsetDateTime instant) {
        return instant == null ? null : instant.atZoneSameInstant(ZONE).toLocalDateTime();
    }
}
