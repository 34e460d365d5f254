package city.twofour.grid;

import java.nio.file.Path;

import org.springframework.batch.core.job.parameters.JobParameters;

/**
 * The parameters of {@code load-grids}, read once from the job parameters.
 *
 * @param divisions CSV of towns and villages ({@code code,name,level,parent_code}, UTF-8)
 * @param grids          GeoJSON FeatureCollection, or the {@code .shp} of an ESRI Shapefile, of grid polygons: the
 *                       whole layer
 * @param acceptTopology load the layer even if its grids overlap or leave gaps
 */
public record LoadGridsParameters(Path divisions, Path grids, boolean acceptTopology) {

    public static final String DIVISIONS = "divisions";
    public static final String GRIDS = "grids";
    public static final String ACCEPT_TOPOLOGY = "accept-topology";

    public static LoadGridsParameters of(JobParameters parameters) {
        return new LoadGridsParameters(Path.of(parameters.getString(DIVISIONS)), Path.of(parameters.getString(GRIDS)),
                Boolean.parseBoolean(parameters.getString(ACCEPT_TOPOLOGY)));
    }
}
