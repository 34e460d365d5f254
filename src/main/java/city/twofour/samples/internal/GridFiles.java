package city.twofour.samples.internal;

import city.twofour.samples.Scale;
import city.twofour.samples.internal.Divisions.Town;
import city.twofour.samples.internal.Divisions.Village;
import city.twofour.samples.internal.OperationalMap.Grid;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;

/**
 * Writes the standard operational map in the formats {@code load-grids} reads:
 * {@code divisions.csv} ({@code code,name,level,parent_code}) and {@code grids.geojson}
 * (a FeatureCollection in EPSG:4490, one MultiPolygon Feature per basic grid).
 */
final class GridFiles {

    private GridFiles() {
    }

    /** Writes both files for the towns the scale covers; returns {towns, villages, grids} written. */
    static long[] write(Path out, Divisions divisions, OperationalMap map, Scale scale) {
        long towns = 0;
        long villages = 0;
        long grids = 0;
        try (Csv csv = new Csv(out.resolve("divisions.csv"), "code", "name", "level", "parent_code");
             Writer geo = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(out.resolve("grids.geojson")),
                     StandardCharsets.UTF_8), 1 << 16)) {
            geo.write("{\"type\":\"FeatureCollection\",\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"urn:ogc:def:crs:EPSG::4490\"}},\"features\":[\n");
            boolean first = true;
            for (Town town : divisions.towns()) {
                if (!scale.covers(town.code())) {
                    continue;
                }
                csv.row(town.code(), town.name(), "town", Divisions.CITY_CODE);
                towns++;
                for (Village village : town.villages()) {
                    csv.row(village.code(), village.name(), "village", town.code());
                    villages++;
                }
            }
            for (Town town : divisions.towns()) {
                if (!scale.covers(town.code())) {
                    continue;
                }
                for (Village village : town.villages()) {
                    for (Grid grid : map.gridsOf(village.code())) {
                        if (!first) {
                            geo.write(",\n");
                        }
                        first = false;
                        writeFeature(geo, grid);
                        grids++;
                    }
                }
            }
            geo.write("\n]}\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new long[] {towns, villages, grids};
    }

    private static void writeFeature(Writer w, Grid grid) throws IOException {
        w.write("{\"type\":\"Feature\",\"properties\":{\"code\":\"" + grid.code() + "\",\"name\":\"" + grid.name()
                + "\",\"village_code\":\"" + grid.village().code() + "\",\"town_code\":\"" + grid.town().code()
                + "\"},\"geometry\":{\"type\":\"MultiPolygon\",\"coordinates\":[");
        Geometry area = grid.area();
        for (int p = 0; p < area.getNumGeometries(); p++) {
            Polygon polygon = (Polygon) area.getGeometryN(p);
            if (p > 0) {
                w.write(',');
            }
            w.write('[');
            writeRing(w, polygon.getExteriorRing());
            for (int h = 0; h < polygon.getNumInteriorRing(); h++) {
                w.write(',');
                writeRing(w, polygon.getInteriorRingN(h));
            }
            w.write(']');
        }
        w.write("]}}");
    }

    private static void writeRing(Writer w, LineString ring) throws IOException {
        w.write('[');
        Coordinate[] cs = ring.getCoordinates();
        for (int i = 0; i < cs.length; i++) {
            if (i > 0) {
                w.write(',');
            }
            w.write('[' + degrees(cs[i].x) + ',' + degrees(cs[i].y) + ']');
        }
        w.write(']');
    }

    /** A coordinate rounded to 7 decimals, without trailing zeros. */
    static String degrees(double value) {
        return decimal(value, 7, true);
    }

    /** A value rounded half away from zero to the given decimals (at most 9), optionally without trailing zeros. */
    static String decimal(double value, int decimals, boolean stripZeros) {
        long scale = 1;
        for (int i = 0; i < decimals; i++) {
            scale *= 10;
        }
        long units = Math.round(Math.abs(value) * scale);
        StringBuilder sb = new StringBuilder(16);
        if (value < 0 && units != 0) {
            sb.append('-');
        }
        sb.append(units / scale);
        long fraction = units % scale;
        if (fraction != 0 || !stripZeros) {
            String digits = Long.toString(fraction + scale).substring(1);
            if (stripZeros) {
                int end = digits.length();
                while (digits.charAt(end - 1) == '0') {
                    end--;
                }
                digits = digits.substring(0, end);
            }
            sb.append('.').append(digits);
        }
        return sb.toString();
    }
}
