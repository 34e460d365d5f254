/**
 * Actual buildings and rental houses (实有房屋): {@code merge-buildings} merges the housing bureau's building and
 * rental registries and the grid officers' field collection into one golden record per real building
 * ({@code master.building}) and per rental house ({@code master.rental_house}).
 * <p>
 * A delivered row is placed by its standard building address ({@link BuildingPlacer}); rows placed at the same
 * address are the same building. The golden record is recomputed from all the rows placed on it
 * ({@link BuildingSurvivorship}), so the order in which rows arrive does not matter and merging again changes
 * nothing. Implementation details (SQL) are in {@code internal}.
 */
package city.twofour.building;
