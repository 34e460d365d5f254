package city.twofour.grid.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.locationtech.jts.io.geojson.GeoJsonWriter;
import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;

/**
 * Streams the features of an ESRI Shapefile one record at a time, as {@link GeoJsonFeature}s like those of a GeoJSON
 * file: the geometry from the {@code .shp} as GeoJSON text, the attributes from the {@code .dbf} as JSON properties
 * (with the grid properties found by their aliases, see {@link GridAttributes}), and the coordinate system from the
 * {@code .prj} (see {@link PrjCoordinateSystem}). The attributes are decoded in the encoding of the {@code .cpg}, GBK
 * when there is none.
 * <p>
 * A feature's number is its record's position in the file, from 1, as GIS tools count them. A record the
 * {@code .dbf} marks deleted is not a feature: it is skipped and its number is left unused. Restartable by feature
 * count.
 */
public class ShapefileFeatureReader extends AbstractItemCountingItemStreamItemReader<GeoJsonFeature> {

    /** Enough decimals to write every double coordinate back unchanged. */
    private static final int GEOJSON_DECIMALS = 17;

    private final ShapefileParts parts;
    private final GeoJsonWriter geoJson = new GeoJsonWriter(GEOJSON_DECIMALS);
    private ShpReader shapes;
    private DbfReader attributes;
    private String crs;
    private int recordNo;

    public ShapefileFeatureReader(String name, Path shp) {
        setName(name);
        this.parts = new ShapefileParts(shp);
        geoJson.setEncodeCRS(false);
    }

    @Override
    protected void doOpen() {
        Path dbf = parts.dbf();
        crs = parts.crs();
        recordNo = 0;
        shapes = inFile(parts.shp(), () -> new ShpReader(Files.newInputStream(parts.shp())));
        attributes = inFile(dbf, () -> new DbfReader(Files.newInputStream(dbf), parts.charset()));
    }

    @Override
    protected GeoJsonFeature doRead() {
        for (ShpReader.ShpRecord shape = nextShape(); shape != null; shape = nextShape()) {
            DbfReader.DbfRecord record = inFile(parts.dbf(), attributes::next);
            if (record == null) {
                throw new IllegalStateException(parts.dbf().getFileName() + " has fewer records than "
                        + parts.shp().getFileName() + ": none for record " + recordNo);
            }
            if (!record.deleted()) {
                return new GeoJsonFeature(recordNo, GridAttributes.propertiesJson(record.attributes()),
                        shape.geometry() == null ? null : geoJson.write(shape.geometry()), crs);
            }
        }
        if (inFile(parts.dbf(), attributes::next) != null) {
            throw new IllegalStateException(parts.dbf().getFileName() + " has more records than "
                    + parts.shp().getFileName() + " (" + recordNo + ")");
        }
        return null;
    }

    private ShpReader.ShpRecord nextShape() {
        recordNo++;
        ShpReader.ShpRecord shape = inFile(parts.shp(), shapes::next);
        if (shape == null) {
            recordNo--;
        }
        return shape;
    }

    /** Runs a read of one of the files, naming the file and the record in what goes wrong. */
    private <T> T inFile(Path file, PartRead<T> read) {
        try {
            return read.run();
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException(file.getFileName() + (recordNo > 0 ? ", record " + recordNo : "")
                    + ": " + e.getMessage(), e);
        }
    }

    private interface PartRead<T> {
        T run() throws IOException;
    }

    @Override
    protected void doClose() throws IOException {
        if (shapes != null) {
            shapes.close();
        }
        if (attributes != null) {
            attributes.close();
        }
    }
}
