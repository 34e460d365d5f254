package city.twofour.address;

/** Lifecycle of a standard address: in use, or retired (demolished, renumbered, merged). */
public enum AddressStatus {
    ACTIVE,
    RETIRED;

    /** Reads {@code active} / {@code retired} in any case; also {@code 1}/{@code 0}. */
    public static AddressStatus parse(String text) {
        String t = text == null ? "" : text.trim().toUpperCase();
        return switch (t) {
            case "ACTIVE", "1", "有效", "" -> ACTIVE;
            case "RETIRED", "0", "注销", "INACTIVE" -> RETIRED;
            default -> throw new IllegalArgumentException("unknown address status: " + text);
        };
    }
}
