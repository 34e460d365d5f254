package city.twofour.building;

/**
 * The codes of golden buildings and rental houses. A building at a standard building address is {@code B} + that
 * address code, so every row at the same address lands on the same building whatever the order of arrival; a
 * building the field found at no standard address is {@code BF} + a number. A building has at most one rental
 * house, {@code H} + the building code's digits.
 */
public final class BuildingCodes {

    private static final String FOUND_PREFIX = "BF";
    private static final int FOUND_DIGITS = 10;

    private BuildingCodes() {
    }

    public static String ofAddress(String addressCode) {
        return "B" + addressCode;
    }

    public static String found(long number) {
        String digits = Long.toString(number);
        return FOUND_PREFIX + "0".repeat(Math.max(0, FOUND_DIGITS - digits.length())) + digits;
    }

    /** The standard address of a building, or null for a building found at no standard address. */
    public static String addressOf(String buildingCode) {
        return buildingCode.startsWith(FOUND_PREFIX) ? null : buildingCode.substring(1);
    }

    public static String rentalHouseOf(String buildingCode) {
        return "H" + buildingCode.substring(1);
    }

    public static String buildingOfRentalHouse(String rentalHouseCode) {
        return "B" + rentalHouseCode.substring(1);
    }
}
