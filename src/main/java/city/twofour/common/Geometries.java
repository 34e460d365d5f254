package city.twofour.common;

import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;

/**
 * The one geometry factory of the project: every geometry is longitude/latitude in CGCS2000.
 */
public final class Geometries {

    /** EPSG code of CGCS2000 geographic coordinates, the national system. */
    public static final int CGCS2000 = 4490;

    public static final GeometryFactory FACTORY = new GeometryFactory(new PrecisionModel(), CGCS2000);

    private Geometries() {
    }
}
