package city.twofour.samples.internal;

import city.twofour.samples.internal.Divisions.Town;
import city.twofour.samples.internal.Divisions.Village;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.operation.overlayng.CoverageUnion;
import org.locationtech.jts.operation.overlayng.UnaryUnionNG;
import org.locationtech.jts.operation.polygonize.Polygonizer;
import org.locationtech.jts.triangulate.VoronoiDiagramBuilder;

/**
 * The synthetic standard operational map: town, village and basic-grid polygons that tile the
 * city extent without gaps or overlaps.
 * <p>
 * Towns are Voronoi cells of jittered sites in the city extent, villages Voronoi cells of sites
 * in their town clipped to it, grids Voronoi cells of sites in their village clipped to it. The
 * whole grid linework is then snap-rounded once to {@link #PRECISION} (7 decimals) and
 * polygonised, so that neighbouring grids share identical vertices and the rounded coverage
 * still tiles the extent exactly. Grid codes are the village code plus a 3-digit sequence,
 * numbered from north-west to south-east. The city always gets {@link #CITY_GRID_COUNT} grids:
 * four per village plus the rest spread over villages in proportion to their area.
 */
public final class OperationalMap {

    public static final Envelope CITY_EXTENT = new Envelope(113.52, 114.26, 22.65, 23.15);
    public static final PrecisionModel PRECISION = new PrecisionModel(1e7);
    public static final int SRID = 4490;
    public static final int CITY_GRID_COUNT = 2894;
    private static final int MIN_GRIDS_PER_VILLAGE = 4;
    private static final int SITE_CANDIDATES = 10;

    public record Grid(String code, int sequence, Village village, Town town, Geometry area,
                       IndexedPointInAreaLocator locator) {

        public String name() {
            return village.shortName() + "第" + sequence + "网格";
        }

        public boolean covers(Coordinate c) {
            return locator.locate(c) != Location.EXTERIOR;
        }
    }

    private final GeometryFactory factory;
    private final List<Grid> grids;
    private final Map<String, List<Grid>> gridsByVillage = new HashMap<>();

    private OperationalMap(GeometryFactory factory, List<Grid> grids) {
        this.factory = factory;
        this.grids = grids;
        for (Grid g : grids) {
            gridsByVillage.computeIfAbsent(g.village().code(), k -> new ArrayList<>()).add(g);
        }
    }

    /** Builds the map of the whole city; the layout depends only on the seed. */
    public static OperationalMap build(Divisions divisions, long seed) {
        GeometryFactory floating = new GeometryFactory(new PrecisionModel(), SRID);
        GeometryFactory fixed = new GeometryFactory(PRECISION, SRID);
        SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + 0x6D6170L);
        Polygon city = (Polygon) floating.toGeometry(CITY_EXTENT);

        List<Town> towns = divisions.towns();
        List<Polygon> townCells = voronoi(floating, townSites(towns.size(), random), city);

        List<Village> villages = new ArrayList<>();
        List<Town> villageTowns = new ArrayList<>();
        List<Polygon> villageCells = new ArrayList<>();
        for (int t = 0; t < towns.size(); t++) {
            Town town = towns.get(t);
            Polygon townCell = townCells.get(t);
            List<Polygon> cells = voronoi(floating, sitesIn(townCell, town.villages().size(), random), townCell);
            for (int v = 0; v < cells.size(); v++) {
                villages.add(town.villages().get(v));
                villageTowns.add(town);
                villageCells.add(cells.get(v));
            }
        }

        int[] gridCounts = allocateGrids(villageCells, random);
        List<Polygon> rawGrids = new ArrayList<>();
        List<Integer> rawVillage = new ArrayList<>();
        for (int v = 0; v < villageCells.size(); v++) {
            List<Polygon> cells = voronoi(floating, sitesIn(villageCells.get(v), gridCounts[v], random), villageCells.get(v));
            for (Polygon cell : cells) {
                rawGrids.add(cell);
                rawVillage.add(v);
            }
        }

        List<Geometry> rounded = roundCoverage(floating, fixed, rawGrids);
        List<Grid> grids = new ArrayList<>();
        int[] sequence = new int[villages.size()];
        for (int i = 0; i < rounded.size(); i++) {
            int v = rawVillage.get(i);
            int seq = ++sequence[v];
            Village village = villages.get(v);
            Geometry area = rounded.get(i).norm();
            grids.add(new Grid(village.code() + String.format("%03d", seq), seq, village, villageTowns.get(v),
                    area, new IndexedPointInAreaLocator(area)));
        }
        return new OperationalMap(fixed, List.copyOf(grids));
    }

    /** All grids, ordered by code. */
    public List<Grid> grids() {
        return grids;
    }

    public List<Grid> gridsOf(String villageCode) {
        return gridsByVillage.getOrDefault(villageCode, List.of());
    }

    /** The factory of the rounded geometries (7-decimal fixed precision, SRID 4490). */
    public GeometryFactory factory() {
        return factory;
    }

    private static List<Coordinate> townSites(int count, SplittableRandom random) {
        int columns = (int) Math.ceil(Math.sqrt(count * CITY_EXTENT.getWidth() / CITY_EXTENT.getHeight()));
        int rows = (int) Math.ceil((double) count / columns);
        double w = CITY_EXTENT.getWidth() / columns;
        double h = CITY_EXTENT.getHeight() / rows;
        List<Coordinate> sites = new ArrayList<>();
        for (int r = 0; r < rows && sites.size() < count; r++) {
            for (int c = 0; c < columns && sites.size() < count; c++) {
                double x = CITY_EXTENT.getMinX() + (c + 0.5 + (random.nextDouble() - 0.5) * 0.6) * w;
                double y = CITY_EXTENT.getMaxY() - (r + 0.5 + (random.nextDouble() - 0.5) * 0.6) * h;
                sites.add(new Coordinate(x, y));
            }
        }
        return sites;
    }

    /** Well-spread sites inside a polygon (Mitchell's best candidate). */
    private static List<Coordinate> sitesIn(Polygon polygon, int count, SplittableRandom random) {
        IndexedPointInAreaLocator locator = new IndexedPointInAreaLocator(polygon);
        Envelope env = polygon.getEnvelopeInternal();
        List<Coordinate> sites = new ArrayList<>();
        while (sites.size() < count) {
            Coordinate best = null;
            double bestDistance = -1;
            for (int k = 0; k < SITE_CANDIDATES; k++) {
                Coordinate c = randomInside(env, locator, random);
                double d = Double.MAX_VALUE;
                for (Coordinate s : sites) {
                    d = Math.min(d, s.distance(c));
                }
                if (d > bestDistance) {
                    bestDistance = d;
                    best = c;
                }
            }
            sites.add(best);
        }
        return sites;
    }

    static Coordinate randomInside(Envelope env, IndexedPointInAreaLocator locator, SplittableRandom random) {
        while (true) {
            Coordinate c = new Coordinate(env.getMinX() + random.nextDouble() * env.getWidth(),
                    env.getMinY() + random.nextDouble() * env.getHeight());
            if (locator.locate(c) == Location.INTERIOR) {
                return c;
            }
        }
    }

    /** Voronoi cells of the sites clipped to the parent, ordered north-west to south-east by site. */
    private static List<Polygon> voronoi(GeometryFactory factory, List<Coordinate> sites, Polygon parent) {
        List<Coordinate> ordered = new ArrayList<>(sites);
        ordered.sort(Comparator.comparingDouble((Coordinate c) -> -c.y).thenComparingDouble(c -> c.x));
        if (ordered.size() == 1) {
            return List.of(parent);
        }
        VoronoiDiagramBuilder builder = new VoronoiDiagramBuilder();
        builder.setSites(ordered);
        Envelope clip = new Envelope(parent.getEnvelopeInternal());
        clip.expandBy(0.1);
        builder.setClipEnvelope(clip);
        Geometry diagram = builder.getDiagram(factory);
        Map<Coordinate, Polygon> bySite = new HashMap<>();
        for (int i = 0; i < diagram.getNumGeometries(); i++) {
            Geometry cell = diagram.getGeometryN(i);
            Geometry clipped = cell.intersection(parent);
            bySite.put((Coordinate) cell.getUserData(), largestPolygon(clipped));
        }
        List<Polygon> cells = new ArrayList<>();
        for (Coordinate site : ordered) {
            Polygon cell = bySite.get(site);
            if (cell == null) {
                throw new IllegalStateException("no Voronoi cell for site " + site);
            }
            cells.add(cell);
        }
        return cells;
    }

    private static int[] allocateGrids(List<Polygon> villageCells, SplittableRandom random) {
        int[] counts = new int[villageCells.size()];
        double[] cumulative = new double[villageCells.size()];
        double total = 0;
        for (int i = 0; i < counts.length; i++) {
            counts[i] = MIN_GRIDS_PER_VILLAGE;
            total += villageCells.get(i).getArea();
            cumulative[i] = total;
        }
        int extra = CITY_GRID_COUNT - MIN_GRIDS_PER_VILLAGE * counts.length;
        for (int k = 0; k < extra; k++) {
            double r = random.nextDouble() * total;
            int i = 0;
            while (i < counts.length - 1 && cumulative[i] < r) {
                i++;
            }
            counts[i]++;
        }
        return counts;
    }

    /**
     * Snap-rounds the linework of the whole coverage once, polygonises it and gives each face to
     * the raw cell that holds its interior point, so that shared edges stay identical.
     */
    private static List<Geometry> roundCoverage(GeometryFactory floating, GeometryFactory fixed, List<Polygon> cells) {
        List<LineString> rings = new ArrayList<>();
        STRtree index = new STRtree();
        for (int i = 0; i < cells.size(); i++) {
            Polygon cell = cells.get(i);
            rings.add(floating.createLineString(cell.getExteriorRing().getCoordinateSequence()));
            index.insert(cell.getEnvelopeInternal(), i);
        }
        Geometry noded = UnaryUnionNG.union(floating.createMultiLineString(rings.toArray(LineString[]::new)), PRECISION);
        Polygonizer polygonizer = new Polygonizer();
        polygonizer.add(noded);
        @SuppressWarnings("unchecked")
        Collection<Polygon> faces = polygonizer.getPolygons();
        List<List<Polygon>> facesByCell = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            facesByCell.add(new ArrayList<>());
        }
        for (Polygon face : faces) {
            facesByCell.get(owner(face, cells, index)).add(fixed.createPolygon(face.getExteriorRing().getCoordinateSequence()));
        }
        List<Geometry> result = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            List<Polygon> own = facesByCell.get(i);
            if (own.isEmpty()) {
                throw new IllegalStateException("grid cell " + i + " vanished when rounded");
            }
            Geometry merged = own.size() == 1 ? own.get(0)
                    : CoverageUnion.union(fixed.createMultiPolygon(own.toArray(Polygon[]::new)));
            result.add(merged);
        }
        return result;
    }

    private static int owner(Polygon face, List<Polygon> cells, STRtree index) {
        Coordinate p = face.getInteriorPoint().getCoordinate();
        @SuppressWarnings("unchecked")
        List<Integer> candidates = index.query(face.getEnvelopeInternal());
        candidates.sort(Comparator.naturalOrder());
        int best = -1;
        double bestArea = -1;
        for (int i : candidates) {
            if (cells.get(i).getEnvelopeInternal().covers(p)
                    && new IndexedPointInAreaLocator(cells.get(i)).locate(p) == Location.INTERIOR) {
                return i;
            }
            double area = cells.get(i).intersection(face).getArea();
            if (area > bestArea) {
                bestArea = area;
                best = i;
            }
        }
        return best;
    }

    private static Polygon largestPolygon(Geometry g) {
        if (g instanceof Polygon p) {
            return p;
        }
        Polygon best = null;
        for (int i = 0; i < g.getNumGeometries(); i++) {
            if (g.getGeometryN(i) instanceof Polygon p && (best == null || p.getArea() > best.getArea())) {
                best = p;
            }
        }
        if (best == null) {
            throw new IllegalStateException("no polygon in " + g.getGeometryType());
        }
        return best;
    }
}
