/**
 * The standard operational map (标准作业图): divisions, basic grids and coordinates.
 * <ul>
 * <li>{@link city.twofour.grid.LoadGridsJobConfiguration} loads divisions and the grid layer;</li>
 * <li>{@link city.twofour.grid.CoordinateTransform} brings GCJ-02 and BD-09 coordinates into
 * CGCS2000; {@link city.twofour.grid.CityExtent} rejects points outside the city with a reason;</li>
 * <li>{@link city.twofour.grid.GridIndex} assigns points and building footprints to basic grids
 * ({@link city.twofour.grid.GridAssignment}).</li>
 * </ul>
 * Geometries are CGCS2000 lon/lat, SRID 4490, created through {@link city.twofour.common.Geometries#FACTORY}.
 */
package city.twofour.grid;
