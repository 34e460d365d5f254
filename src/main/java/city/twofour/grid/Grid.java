package city.twofour.grid;

import org.locationtech.jts.geom.MultiPolygon;

/**
 * A basic grid (基础网格) ready for the master table.
 */
public record Grid(String code, String name, String villageCode, String townCode, MultiPolygon geometry,
                   long sourceFileId, int sourceRecord) {
}
