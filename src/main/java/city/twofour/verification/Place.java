package city.twofour.verification;

/**
 * Where a task takes the grid officer.
 *
 * @param addressCode  the standard address, null when the place has none
 * @param addressLevel its level in the library ({@code room}, {@code building}, {@code door}), null without one
 * @param villageCode  the village or community, null when not even that is known
 * @param townCode     the town or subdistrict
 * @param gridCode     the grid whose officers go, null when only the village is known
 * @param lon          longitude of the place (CGCS2000), null without a point
 * @param lat          latitude of the place
 */
public record Place(String addressCode, String addressLevel, String villageCode, String townCode, String gridCode,
                    Double lon, Double lat) {

    /** True if the place names a grid. */
    public boolean hasGrid() {
        return gridCode != null;
    }
}
