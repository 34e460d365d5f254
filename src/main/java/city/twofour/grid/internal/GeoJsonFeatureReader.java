package city.twofour.grid.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Streams the features of a GeoJSON FeatureCollection one at a time, so memory stays flat however large the
 * file. The collection's legacy {@code crs} member is found wherever it stands. Restartable by feature count.
 */
public class GeoJsonFeatureReader extends AbstractItemCountingItemStreamItemReader<GeoJsonFeature> {

    /** Reads one feature at a time out of the features array, so the tokens after it are expected. */
    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private final Path path;
    private String collectionCrs;
    private InputStream in;
    private JsonParser parser;

    public GeoJsonFeatureReader(String name, Path path) {
        setName(name);
        this.path = path;
    }

    @Override
    protected void doOpen() throws IOException {
        collectionCrs = findCollectionCrs();
        in = Files.newInputStream(path);
        parser = JSON.createParser(in);
        if (!moveToTopLevelMember("features") || parser.currentToken() != JsonToken.START_ARRAY) {
            throw new IllegalStateException(path.getFileName() + " is not a GeoJSON FeatureCollection: no features array");
        }
    }

    @Override
    protected GeoJsonFeature doRead() {
        JsonToken token = parser.nextToken();
        if (token == JsonToken.END_ARRAY) {
            return null;
        }
        if (token != JsonToken.START_OBJECT) {
            throw new IllegalStateException(path.getFileName() + ": feature " + getCurrentItemCount()
                    + " is not a JSON object at " + parser.currentLocation());
        }
        JsonNode feature = JSON.readTree(parser);
        JsonNode properties = feature.get("properties");
        JsonNode geometry = feature.get("geometry");
        String crs = crsName(feature.get("crs"));
        return new GeoJsonFeature(getCurrentItemCount(),
                properties == null || properties.isNull() ? "{}" : properties.toString(),
                geometry == null || geometry.isNull() ? null : geometry.toString(),
                crs != null ? crs : collectionCrs);
    }

    @Override
    protected void doClose() throws IOException {
        if (parser != null) {
            parser.close();
        }
        if (in != null) {
            in.close();
        }
    }

    private String findCollectionCrs() throws IOException {
        try (InputStream scan = Files.newInputStream(path); JsonParser p = JSON.createParser(scan)) {
            parser = p;
            return moveToTopLevelMember("crs") ? crsName(JSON.readTree(p)) : null;
        }
    }

    /** Moves the parser onto the value of a member of the top-level object; false when there is none. */
    private boolean moveToTopLevelMember(String member) {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            throw new IllegalStateException(path.getFileName() + " is not a GeoJSON object");
        }
        for (JsonToken t = parser.nextToken(); t == JsonToken.PROPERTY_NAME; t = parser.nextToken()) {
            if (member.equals(parser.currentName())) {
                parser.nextToken();
                return true;
            }
            parser.nextToken();
            parser.skipChildren();
        }
        return false;
    }

    private static String crsName(JsonNode crs) {
        if (crs == null || crs.isNull()) {
            return null;
        }
        JsonNode name = crs.path("properties").path("name");
        return name.isMissingNode() || name.isNull() ? crs.toString() : name.asString();
    }
}
