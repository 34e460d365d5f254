package city.twofour.feed;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import city.twofour.grid.CoordinateSystem;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The feed definitions in a folder ({@code jobs/feeds}), one {@code <name>.yml} per feed. A definition is read when
 * it is asked for and checked as a whole; anything wrong fails with the file and the key at fault.
 */
public class FeedDefinitions {

    /** The encodings department exports come in. */
    public static final Set<String> ENCODINGS = Set.of("UTF-8", "GBK", "GB18030");

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]*");

    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private final Path folder;

    public FeedDefinitions(Path folder) {
        this.folder = folder;
    }

    /**
     * The definition of a feed, read from {@code <folder>/<name>.yml}.
     *
     * @throws InvalidFeedDefinitionException when there is no such feed or its definition is wrong
     */
    public FeedDefinition get(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("feed name '" + name + "' is not a name of lower-case letters, digits and hyphens");
        }
        Path file = folder.resolve(name + ".yml");
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no feed '" + name + "': " + file + " does not exist; feeds: " + String.join(", ", names()));
        }
        return read(file);
    }

    /** The definitions of the named feeds, in the order named. */
    public Map<String, FeedDefinition> byName(List<String> names) {
        Map<String, FeedDefinition> definitions = new LinkedHashMap<>();
        names.forEach(name -> definitions.put(name, get(name)));
        return definitions;
    }

    /** Every defined feed, by name. */
    public List<FeedDefinition> all() {
        return names().stream().map(this::get).toList();
    }

    /** The names of the defined feeds, sorted. */
    public List<String> names() {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".yml"))
                    .map(f -> f.substring(0, f.length() - ".yml".length())).sorted().toList();
        } catch (IOException e) {
            throw new IllegalStateException("cannot list " + folder + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads and checks one definition file.
     *
     * @throws InvalidFeedDefinitionException naming the file and the key at fault
     */
    public static FeedDefinition read(Path file) {
        FeedDefinition definition;
        try (InputStream in = Files.newInputStream(file)) {
            definition = YAML.readValue(in, FeedDefinition.class);
        } catch (IOException e) {
            throw new InvalidFeedDefinitionException(file, null, "cannot read: " + e.getMessage(), e);
        } catch (JacksonException e) {
            throw new InvalidFeedDefinitionException(file, key(e), e.getOriginalMessage(), e);
        }
        if (definition == null) {
            throw new InvalidFeedDefinitionException(file, null, "the file is empty");
        }
        check(file, definition);
        return definition;
    }

    private static void check(Path file, FeedDefinition d) {
        String expectedName = file.getFileName().toString().replaceFirst("\\.yml$", "");
        require(file, "name", d.name() != null, "missing");
        require(file, "name", d.name().equals(expectedName), "'" + d.name() + "' differs from the file name '" + expectedName + "'");
        require(file, "department", d.department() != null && !d.department().isBlank(), "missing");
        require(file, "entity", d.entity() != null, "missing");
        require(file, "files", d.files() != null && !d.files().isBlank(), "missing");
        require(file, "files", isInsideFolder(d.files()), "'" + d.files() + "' must be a relative pattern inside the inbox (no '..', no absolute path)");
        require(file, "encoding", d.encoding() != null && ENCODINGS.contains(d.encoding().toUpperCase()),
                "'" + d.encoding() + "' is not one of " + String.join(", ", ENCODINGS.stream().sorted().toList()));
        require(file, "encoding", Charset.isSupported(d.encoding()), "'" + d.encoding() + "' is not supported by this Java");
        require(file, "delimiter", d.delimiter() != null && d.delimiter().length() == 1
                && d.delimiter().charAt(0) != '"' && d.delimiter().charAt(0) != '\n', "must be one character other than a quote or a line break");
        if (d.coordinates() != null) {
            try {
                CoordinateSystem.parse(d.coordinates());
            } catch (IllegalArgumentException e) {
                throw new InvalidFeedDefinitionException(file, "coordinates", "'" + d.coordinates() + "' is not one of CGCS2000, WGS84, GCJ02, BD09");
            }
        }
        require(file, "priority", d.priority() >= 1, "must be a rank from 1 (most trusted)");
        require(file, "fields", d.fields() != null && !d.fields().isEmpty(), "a feed needs at least one field");
        Set<String> columns = new HashSet<>();
        for (Map.Entry<String, FieldDefinition> entry : d.fields().entrySet()) {
            checkField(file, "fields." + entry.getKey(), entry.getValue(), columns);
        }
        Set<FieldType> types = d.fields().values().stream().map(FieldDefinition::type).collect(Collectors.toSet());
        require(file, "fields", types.contains(FieldType.LONGITUDE) == types.contains(FieldType.LATITUDE),
                "a longitude field needs a latitude field and the other way round");
        require(file, "fields", d.fields().values().stream().filter(f -> f.type() == FieldType.LONGITUDE).count() <= 1
                && d.fields().values().stream().filter(f -> f.type() == FieldType.LATITUDE).count() <= 1,
                "at most one longitude and one latitude field");
        require(file, "coordinates", d.coordinates() != null || !types.contains(FieldType.LONGITUDE),
                "a feed with longitude/latitude fields must say which coordinate system they are in");
    }

    private static void checkField(Path file, String key, FieldDefinition f, Set<String> columns) {
        require(file, key, f != null, "empty field definition");
        require(file, key + ".column", f.column() != null && !f.column().isBlank(), "missing");
        require(file, key + ".column", columns.add(f.column().strip()), "column '" + f.column() + "' is mapped twice");
        require(file, key + ".values", f.type() == FieldType.ENUM || f.values().isEmpty(), "only an enum field has values");
        require(file, key + ".values", f.type() != FieldType.ENUM || !f.values().isEmpty(), "an enum field needs its values");
        require(file, key + ".formats", f.type() == FieldType.DATE || f.type() == FieldType.DATETIME || f.formats().isEmpty(),
                "only a date or datetime field has formats");
        require(file, key + ".priority", f.priority() == null || f.priority() >= 1, "must be a rank from 1 (most trusted)");
        for (String format : f.formats()) {
            try {
                DateTimeFormatter.ofPattern(format);
            } catch (IllegalArgumentException e) {
                throw new InvalidFeedDefinitionException(file, key + ".formats", "'" + format + "' is not a date pattern: " + e.getMessage());
            }
        }
    }

    /** True for a relative pattern that stays inside the folder it is resolved against. */
    static boolean isInsideFolder(String pattern) {
        String p = pattern.replace('\\', '/');
        if (p.startsWith("/") || p.startsWith("~") || p.matches("^[A-Za-z]:.*")) {
            return false;
        }
        for (String segment : p.split("/")) {
            if (segment.equals("..")) {
                return false;
            }
        }
        try {
            return !Path.of(p.replaceAll("[*?{}\\[\\]]", "x")).isAbsolute();
        } catch (InvalidPathException e) {
            return false;
        }
    }

    private static void require(Path file, String key, boolean condition, String problem) {
        if (!condition) {
            throw new InvalidFeedDefinitionException(file, key, problem);
        }
    }

    private static String key(JacksonException e) {
        return e.getPath().stream()
                .map(r -> r.getPropertyName() != null ? r.getPropertyName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }
}
