package city.twofour.samples.internal;

import static org.assertj.core.api.Assertions.assertThat;

import city.twofour.samples.internal.OperationalMap.Grid;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.coverage.CoverageValidator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.operation.overlayng.CoverageUnion;

class OperationalMapTests {

    private static OperationalMap map;

    @BeforeAll
    static void buildCity() {
        map = OperationalMap.build(Divisions.load(), 20261123L);
    }

    @Test
    void cityHasTheRealNumberOfGridsWithUniqueCodesUnderTheirVillage() {
        List<Grid> grids = map.grids();

        assertThat(grids).hasSize(OperationalMap.CITY_GRID_COUNT);
        Set<String> codes = new HashSet<>();
        for (Grid g : grids) {
            assertThat(codes.add(g.code())).isTrue();
            assertThat(g.code()).hasSize(15).startsWith(g.village().code());
            assertThat(g.village().townCode()).isEqualTo(g.town().code());
            assertThat(g.area().isValid()).isTrue();
        }
        assertThat(grids.stream().map(g -> g.village().code()).distinct().count()).isEqualTo(608);
    }

    @Test
    void gridsTileTheCityExtentExactly() {
        Geometry[] areas = map.grids().stream().map(Grid::area).toArray(Geometry[]::new);

        Geometry union = CoverageUnion.union(map.factory().createGeometryCollection(areas));

        double extent = OperationalMap.CITY_EXTENT.getArea();
        assertThat(Math.abs(union.getArea() - extent) / extent).isLessThan(1e-9);
        assertThat(union.getNumGeometries()).isEqualTo(1);
        assertThat(((org.locationtech.jts.geom.Polygon) union).getNumInteriorRing()).isZero();
    }

    @Test
    void noTwoGridsOverlap() {
        STRtree index = new STRtree();
        List<Grid> grids = map.grids();
        for (int i = 0; i < grids.size(); i++) {
            index.insert(grids.get(i).area().getEnvelopeInternal(), i);
        }
        for (int i = 0; i < grids.size(); i++) {
            Geometry a = grids.get(i).area();
            for (Object o : index.query(a.getEnvelopeInternal())) {
                int j = (Integer) o;
                if (j > i) {
                    assertThat(a.intersection(grids.get(j).area()).getArea())
                            .as("overlap of %s and %s", grids.get(i).code(), grids.get(j).code()).isZero();
                }
            }
        }
    }

    @Test
    void sharedEdgesUseIdenticalVerticesOnTheSevenDecimalGrid() {
        Geometry[] areas = map.grids().stream().map(Grid::area).toArray(Geometry[]::new);

        assertThat(CoverageValidator.isValid(areas)).isTrue();
        for (Geometry g : areas) {
            for (Coordinate c : g.getCoordinates()) {
                assertThat(Math.abs(c.x * 1e7 - Math.rint(c.x * 1e7))).isLessThan(1e-6);
                assertThat(Math.abs(c.y * 1e7 - Math.rint(c.y * 1e7))).isLessThan(1e-6);
            }
        }
    }

    @Test
    void gridsOfEachVillageAndVillagesOfEachTownFormOneConnectedArea() {
        java.util.Map<String, java.util.List<Geometry>> byVillage = new java.util.TreeMap<>();
        java.util.Map<String, java.util.List<Geometry>> byTown = new java.util.TreeMap<>();
        for (Grid g : map.grids()) {
            byVillage.computeIfAbsent(g.village().code(), k -> new java.util.ArrayList<>()).add(g.area());
            byTown.computeIfAbsent(g.town().code(), k -> new java.util.ArrayList<>()).add(g.area());
        }

        assertThat(byTown).hasSize(36);
        for (java.util.Map<String, java.util.List<Geometry>> groups : List.of(byVillage, byTown)) {
            groups.forEach((code, areas) -> {
                Geometry union = CoverageUnion.union(map.factory().createGeometryCollection(areas.toArray(Geometry[]::new)));
                assertThat(union.getGeometryType()).as(code).isEqualTo("Polygon");
                assertThat(((org.locationtech.jts.geom.Polygon) union).getNumInteriorRing()).as(code).isZero();
            });
        }
    }

    @Test
    void theSameSeedGivesTheSameMap() {
        OperationalMap again = OperationalMap.build(Divisions.load(), 20261123L);

        for (int i = 0; i < map.grids().size(); i++) {
            assertThat(again.grids().get(i).area().equalsExact(map.grids().get(i).area())).isTrue();
        }
    }
}
