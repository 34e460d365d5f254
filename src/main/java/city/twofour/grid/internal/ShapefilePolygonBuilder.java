package city.twofour.grid.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import city.twofour.common.Geometries;
import org.locationtech.jts.algorithm.Area;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.algorithm.PointLocation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Polygon;

/**
 * Builds the polygonal geometry of a shapefile polygon record from its rings, which the format lists without
 * saying which shell a hole belongs to.
 * <p>
 * Rules: a clockwise ring is a shell, a counter-clockwise ring a hole (the shapefile convention). Each hole goes to
 * the smallest shell that contains it; a hole that no shell contains is taken as a shell of its own, as are all
 * rings of a record written with the opposite orientation. One shell gives a {@link Polygon}, several a
 * {@link org.locationtech.jts.geom.MultiPolygon}, none an empty polygon.
 *
 * @throws IllegalArgumentException for a ring that is not closed or has fewer than four points
 */
public class ShapefilePolygonBuilder {

    private final GeometryFactory factory;

    public ShapefilePolygonBuilder(GeometryFactory factory) {
        this.factory = factory;
    }

    /** The polygonal geometry of the rings, built with the project's geometry factory. */
    public static Geometry build(List<Coordinate[]> rings) {
        return new ShapefilePolygonBuilder(Geometries.FACTORY).toPolygonal(rings);
    }

    public Geometry toPolygonal(List<Coordinate[]> rings) {
        Map<Coordinate[], List<LinearRing>> holesOfShell = new LinkedHashMap<>();
        List<Coordinate[]> holes = new ArrayList<>();
        for (Coordinate[] ring : rings) {
            if (Orientation.isCCW(ring)) {
                holes.add(ring);
            } else {
                holesOfShell.put(ring, new ArrayList<>());
            }
        }
        List<Coordinate[]> shells = List.copyOf(holesOfShell.keySet());
        for (Coordinate[] hole : holes) {
            Coordinate[] shell = smallestShellContaining(hole, shells);
            if (shell == null) {
                holesOfShell.put(hole, new ArrayList<>());
            } else {
                holesOfShell.get(shell).add(factory.createLinearRing(hole));
            }
        }
        Polygon[] polygons = holesOfShell.entrySet().stream()
                .map(e -> factory.createPolygon(factory.createLinearRing(e.getKey()), e.getValue().toArray(LinearRing[]::new)))
                .toArray(Polygon[]::new);
        return switch (polygons.length) {
            case 0 -> factory.createPolygon();
            case 1 -> polygons[0];
            default -> factory.createMultiPolygon(polygons);
        };
    }

    private static Coordinate[] smallestShellContaining(Coordinate[] hole, List<Coordinate[]> shells) {
        Envelope holeExtent = extent(hole);
        Coordinate[] smallest = null;
        double smallestArea = Double.POSITIVE_INFINITY;
        for (Coordinate[] shell : shells) {
            double area = Area.ofRing(shell);
            if (area < smallestArea && extent(shell).contains(holeExtent) && contains(shell, hole)) {
                smallest = shell;
                smallestArea = area;
            }
        }
        return smallest;
    }

    /** Whether the ring lies inside the shell, judged by its first vertex not on the shell's boundary. */
    private static boolean contains(Coordinate[] shell, Coordinate[] ring) {
        for (Coordinate c : ring) {
            int location = PointLocation.locateInRing(c, shell);
            if (location != Location.BOUNDARY) {
                return location == Location.INTERIOR;
            }
        }
        return false;
    }

    private static Envelope extent(Coordinate[] ring) {
        Envelope extent = new Envelope();
        for (Coordinate c : ring) {
            extent.expandToInclude(c);
        }
        return extent;
    }
}
