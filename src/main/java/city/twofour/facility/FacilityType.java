package city.twofour.facility;

import java.util.Locale;

/** The kinds of actual facilities (实有设施) the departments deliver. */
public enum FacilityType {
    CAMERA,
    FIRE_HYDRANT,
    STREET_LAMP,
    MANHOLE_COVER,
    WASTE_BIN;

    /** The type a feed's normalised value names ({@code street_lamp}). */
    public static FacilityType of(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }

    /** The value stored in {@code master.facility.type}. */
    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
