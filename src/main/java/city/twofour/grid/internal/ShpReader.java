package city.twofour.grid.internal;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import city.twofour.common.Geometries;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;

/**
 * Reads the geometries of a shapefile's main file ({@code .shp}) record by record, in two dimensions (Z and M are
 * ignored).
 * <p>
 * Polygon records become a Polygon or MultiPolygon (see {@link ShapefilePolygonBuilder}), polyline records a
 * LineString or MultiLineString, point and multipoint records a Point or MultiPoint, null shapes no geometry.
 * MultiPatch and unknown shape types are refused.
 */
public class ShpReader implements Closeable {

    private static final int FILE_CODE = 9994;
    private static final int HEADER_SIZE = 100;
    private static final int RECORD_HEADER_SIZE = 8;
    /**
     * Offset of the first count in a record (of parts in a polyline or polygon, of points in a multipoint): after
     * the shape type and the bounding box.
     */
    private static final int COUNTS_OFFSET = 36;

    /**
     * A record of the file.
     *
     * @param geometry null for a null shape
     */
    public record ShpRecord(Geometry geometry) {
    }

    private final DataInputStream in;

    public ShpReader(InputStream in) throws IOException {
        this.in = new DataInputStream(new BufferedInputStream(in));
        byte[] header = new byte[HEADER_SIZE];
        this.in.readFully(header);
        ByteBuffer buffer = ByteBuffer.wrap(header);
        if (buffer.getInt(0) != FILE_CODE) {
            throw new IOException("not a shapefile: the file does not start with the shapefile code " + FILE_CODE);
        }
        int shapeType = buffer.order(ByteOrder.LITTLE_ENDIAN).getInt(32);
        if (!isSupported(shapeType)) {
            throw new IOException("shape type " + shapeType + " is not supported (polygons, lines and points are)");
        }
    }

    /** The next record, or null after the last. The record header's content length is trusted, its number not read. */
    public ShpRecord next() throws IOException {
        byte[] recordHeader = in.readNBytes(RECORD_HEADER_SIZE);
        if (recordHeader.length == 0) {
            return null;
        }
        if (recordHeader.length < RECORD_HEADER_SIZE) {
            throw new EOFException("the file ends inside a record header");
        }
        byte[] content = new byte[ByteBuffer.wrap(recordHeader).getInt(4) * 2];
        in.readFully(content);
        ByteBuffer record = ByteBuffer.wrap(content).order(ByteOrder.LITTLE_ENDIAN);
        int shapeType = record.getInt(0);
        if (!isSupported(shapeType)) {
            throw new IOException("shape type " + shapeType + " is not supported");
        }
        Geometry geometry = switch (shapeType % 10) {
            case 1 -> Geometries.FACTORY.createPoint(new Coordinate(record.getDouble(4), record.getDouble(12)));
            case 3 -> lines(parts(record));
            case 5 -> ShapefilePolygonBuilder.build(parts(record));
            case 8 -> Geometries.FACTORY.createMultiPointFromCoords(points(record, COUNTS_OFFSET + 4, record.getInt(COUNTS_OFFSET)));
            default -> null; // a null shape
        };
        return new ShpRecord(geometry);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** Null (0), point, polyline, polygon and multipoint (1, 3, 5, 8) and their Z (+10) and M (+20) forms. */
    private static boolean isSupported(int shapeType) {
        return shapeType == 0 || shapeType <= 28 && List.of(1, 3, 5, 8).contains(shapeType % 10);
    }

    /** The parts of a polyline or polygon record: lines or rings. */
    private static List<Coordinate[]> parts(ByteBuffer record) {
        int partCount = record.getInt(COUNTS_OFFSET);
        int pointCount = record.getInt(COUNTS_OFFSET + 4);
        int partsAt = COUNTS_OFFSET + 8;
        Coordinate[] points = points(record, partsAt + 4 * partCount, pointCount);
        List<Coordinate[]> parts = new ArrayList<>(partCount);
        for (int i = 0; i < partCount; i++) {
            int start = record.getInt(partsAt + 4 * i);
            int end = i + 1 < partCount ? record.getInt(partsAt + 4 * (i + 1)) : pointCount;
            parts.add(Arrays.copyOfRange(points, start, end));
        }
        return parts;
    }

    private static Coordinate[] points(ByteBuffer record, int at, int count) {
        Coordinate[] points = new Coordinate[count];
        for (int i = 0; i < count; i++) {
            points[i] = new Coordinate(record.getDouble(at + 16 * i), record.getDouble(at + 16 * i + 8));
        }
        return points;
    }

    private static Geometry lines(List<Coordinate[]> parts) {
        LineString[] lines = parts.stream().map(Geometries.FACTORY::createLineString).toArray(LineString[]::new);
        return lines.length == 1 ? lines[0] : Geometries.FACTORY.createMultiLineString(lines);
    }
}
