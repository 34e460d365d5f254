package city.twofour.grid;

import java.util.Objects;

import org.locationtech.jts.geom.MultiPolygon;

/**
 * A basic grid (基础网格) of the standard operational map: its code and its area (CGCS2000,
 * SRID 4490).
 */
public record Grid(String code, MultiPolygon geometry) {

    public Grid {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(geometry, "geometry");
    }
}
