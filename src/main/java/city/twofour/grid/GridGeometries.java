package city.twofour.grid;

import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.geom.Coordinate;

/** The one geometry factory for grid work: floating precision, SRID 4490 (CGCS2000 lon/lat). */
public final class GridGeometries {

    /** SRID of CGCS2000 geographic coordinates. */
    public static final int CGCS2000_SRID = 4490;

    /** Shared factory; all grid geometries are created through it. */
    public static final GeometryFactory FACTORY = new GeometryFactory(new PrecisionModel(), CGCS2000_SRID);

    private GridGeometries() {
    }

    /** A point at the given CGCS2000 position. */
    public static Point point(LonLat p) {
        return FACTORY.createPoint(new Coordinate(p.lon(), p.lat()));
    }
}
