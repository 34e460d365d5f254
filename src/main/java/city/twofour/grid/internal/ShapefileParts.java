package city.twofour.grid.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The files of an ESRI Shapefile beside its {@code .shp}: {@code .dbf} (attributes, required), {@code .prj}
 * (coordinate system), {@code .cpg} (attribute encoding) and {@code .shx} (index, not read). A part is found by the
 * base name of the {@code .shp} with its extension in lower or upper case.
 */
public record ShapefileParts(Path shp) {

    /** The encoding of the attributes when there is no {@code .cpg}: Chinese GIS departments deliver GBK. */
    public static final Charset DEFAULT_CHARSET = Charset.forName("GBK");

    private static final List<String> EXTENSIONS = List.of("shp", "shx", "dbf", "prj", "cpg");

    /** Whether the file is the main file of a shapefile, by its extension. */
    public static boolean isShapefile(Path path) {
        return path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".shp");
    }

    /** The parts present, the {@code .shp} first: the files that make one delivery. */
    public List<Path> present() {
        return EXTENSIONS.stream().map(this::part).flatMap(Optional::stream).toList();
    }

    public Path dbf() {
        return part("dbf").orElseThrow(() -> new IllegalStateException(
                "the attribute table " + baseName() + ".dbf is missing beside " + shp));
    }

    /**
     * The encoding of the attribute table as its {@code .cpg} names it ({@code GBK}, {@code UTF-8}, or a Windows code
     * page such as {@code 936}); {@link #DEFAULT_CHARSET} when there is no {@code .cpg} or it is empty.
     *
     * @throws IllegalArgumentException for an encoding Java does not know
     */
    public Charset charset() {
        return part("cpg").map(ShapefileParts::read).map(ShapefileParts::charsetNamed).orElse(DEFAULT_CHARSET);
    }

    /**
     * The coordinate system the {@code .prj} declares (see {@link PrjCoordinateSystem#name}), null when there is no
     * {@code .prj}.
     */
    public String crs() {
        return part("prj").map(ShapefileParts::read).map(PrjCoordinateSystem::name).orElse(null);
    }

    static Charset charsetNamed(String cpg) {
        String name = cpg.strip();
        if (name.isEmpty()) {
            return DEFAULT_CHARSET;
        }
        if (name.chars().allMatch(Character::isDigit)) {
            return switch (name) {
                case "936" -> Charset.forName("GBK");
                case "54936" -> Charset.forName("GB18030");
                case "65001" -> Charset.forName("UTF-8");
                default -> Charset.forName("cp" + name);
            };
        }
        // GB2312 files routinely hold GBK characters: GBK is its superset.
        return name.equalsIgnoreCase("GB2312") ? Charset.forName("GBK") : Charset.forName(name);
    }

    private Optional<Path> part(String extension) {
        return Stream.of(extension, extension.toUpperCase(Locale.ROOT))
                .map(e -> shp.resolveSibling(baseName() + "." + e))
                .filter(Files::isRegularFile)
                .findFirst();
    }

    private String baseName() {
        String name = shp.getFileName().toString();
        return name.substring(0, name.length() - ".shp".length());
    }

    private static String read(Path path) {
        try {
            return new String(Files.readAllBytes(path), DEFAULT_CHARSET);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }
}
