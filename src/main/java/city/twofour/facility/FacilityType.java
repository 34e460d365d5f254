package city.twofour.facility;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The kinds of actual facilities (实有设施) the departments deliver. */
public enum FacilityType {
    CAMERA("摄像头", "监控摄像头"),
    FIRE_HYDRANT("消防栓", "消火栓"),
    STREET_LAMP("路灯"),
    MANHOLE_COVER("井盖"),
    WASTE_BIN("垃圾桶");

    private final List<String> labels;

    FacilityType(String... labels) {
        this.labels = List.of(labels);
    }

    /** The type people call by this Chinese name (路灯, 井盖, 消火栓 …), if any. */
    public static Optional<FacilityType> ofLabel(String label) {
        String name = label.strip();
        return Arrays.stream(values()).filter(type -> type.labels.contains(name)).findFirst();
    }

    /** The usual Chinese name. */
    public String label() {
        return labels.get(0);
    }

    /** The type a feed's normalised value names ({@code street_lamp}). */
    public static FacilityType of(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }

    /** The value stored in {@code master.facility.type}. */
    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
