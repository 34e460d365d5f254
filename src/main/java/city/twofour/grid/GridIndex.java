package city.twofour.grid;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;

/**
 * Assigns points and footprints to basic grids. Built once from the grid polygons; read-only and
 * safe for concurrent use afterwards.
 * <p>
 * Rules:
 * <ul>
 * <li><b>Point</b> ({@link #locate}): the grid whose area <em>covers</em> the point (interior or
 * boundary). A point on a boundary shared by several grids, including a shared vertex, goes to
 * the grid whose code sorts lowest ({@link String#compareTo}) among those covering it, so the
 * result never depends on load order. A point covered by no grid gives empty.</li>
 * <li><b>Footprint</b> ({@link #locateFootprint}): the grid with the largest overlap area with the
 * footprint; equal areas go to the lowest code. A footprint overlapping no grid with positive area
 * (outside, or only touching a boundary) falls back to its interior point, located as a point.</li>
 * <li>{@link #assign} tries the footprint, then the record's own point, then the point of its
 * standard address, and reports which was used.</li>
 * </ul>
 * Geometries are expected in CGCS2000 lon/lat (SRID 4490); areas are compared in square degrees,
 * which ranks overlaps correctly within a city. Overlaps are computed with the robust overlay
 * (OverlayNG), so slightly invalid footprints do not abort a run.
 */
public final class GridIndex {

    private final STRtree tree = new STRtree();
    private final int size;

    /**
     * Builds the index.
     *
     * @throws IllegalArgumentException if two grids share a code
     */
    public GridIndex(Iterable<Grid> grids) {
        java.util.Set<String> codes = new java.util.HashSet<>();
        int n = 0;
        for (Grid grid : grids) {
            if (!codes.add(grid.code())) {
                throw new IllegalArgumentException("duplicate grid code: " + grid.code());
            }
            tree.insert(grid.geometry().getEnvelopeInternal(),
                    new Entry(grid.code(), grid.geometry(), PreparedGeometryFactory.prepare(grid.geometry())));
            n++;
        }
        tree.build();
        this.size = n;
    }

    /** Number of grids in the index. */
    public int size() {
        return size;
    }

    /** The code of the grid covering the point (lowest code on shared boundaries), or empty. */
    public Optional<String> locate(Point point) {
        Objects.requireNonNull(point, "point");
        String best = null;
        for (Entry e : candidates(point)) {
            if ((best == null || e.code.compareTo(best) < 0) && e.prepared.covers(point)) {
                best = e.code;
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * The grid a footprint belongs to: largest overlap area, lowest code on equal areas; if no grid
     * overlaps with positive area, the grid covering the footprint's interior point. Empty if
     * neither applies.
     */
    public Optional<GridAssignment> locateFootprint(Geometry footprint) {
        Objects.requireNonNull(footprint, "footprint");
        if (!(footprint instanceof Polygonal)) {
            throw new IllegalArgumentException("footprint must be a polygon or multipolygon: " + footprint.getGeometryType());
        }
        String best = null;
        double bestArea = 0;
        List<Entry> candidates = candidates(footprint);
        candidates.sort(Comparator.comparing(Entry::code));
        for (Entry e : candidates) {
            if (!e.prepared.intersects(footprint)) {
                continue;
            }
            double area = e.prepared.containsProperly(footprint)
                    ? footprint.getArea()
                    : OverlayNGRobust.overlay(e.geometry, footprint, OverlayNG.INTERSECTION).getArea();
            if (area > bestArea) {
                bestArea = area;
                best = e.code;
            }
        }
        if (best != null) {
            return Optional.of(new GridAssignment(best, AssignmentMethod.FOOTPRINT_LARGEST_OVERLAP));
        }
        return locate(footprint.getInteriorPoint())
                .map(code -> new GridAssignment(code, AssignmentMethod.POINT_IN_GRID));
    }

    /**
     * Assigns a record from whatever geometry it has, most reliable first: its footprint
     * ({@link AssignmentMethod#FOOTPRINT_LARGEST_OVERLAP}), its own point
     * ({@link AssignmentMethod#POINT_IN_GRID}), then the point of its matched standard address
     * ({@link AssignmentMethod#ADDRESS_POINT}). Any argument may be null. Empty if nothing places it.
     */
    public Optional<GridAssignment> assign(Geometry footprint, Point ownPoint, Point addressPoint) {
        if (footprint != null && !footprint.isEmpty()) {
            Optional<GridAssignment> a = locateFootprint(footprint);
            if (a.isPresent()) {
                return a;
            }
        }
        if (ownPoint != null && !ownPoint.isEmpty()) {
            Optional<String> code = locate(ownPoint);
            if (code.isPresent()) {
                return Optional.of(new GridAssignment(code.get(), AssignmentMethod.POINT_IN_GRID));
            }
        }
        if (addressPoint != null && !addressPoint.isEmpty()) {
            return locate(addressPoint).map(code -> new GridAssignment(code, AssignmentMethod.ADDRESS_POINT));
        }
        return Optional.empty();
    }

    @SuppressWarnings("unchecked")
    private List<Entry> candidates(Geometry g) {
        return new ArrayList<>((List<Entry>) tree.query(g.getEnvelopeInternal()));
    }

    private record Entry(String code, Geometry geometry, PreparedGeometry prepared) {
    }
}
