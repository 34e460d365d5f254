package city.twofour.samples;

import city.twofour.samples.internal.Generator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Generates a deterministic synthetic city under a directory: the operational map
 * ({@code divisions.csv}, {@code grids.geojson}), the truth ({@code truth/}), the department
 * feeds ({@code feeds/}) and {@code manifest.json}. The same arguments always give the same bytes.
 */
public final class SamplesGenerator {

    /** The seed of the committed {@code samples/tiny} output. */
    public static final long DEFAULT_SEED = 20261123L;

    private final Scale scale;
    private final long seed;
    private final double fraction;
    private final NoiseModel noise;

    public SamplesGenerator(Scale scale, long seed, double fraction, NoiseModel noise) {
        this.scale = scale;
        this.seed = seed;
        this.fraction = fraction;
        this.noise = noise;
    }

    /** Writes everything under {@code out} and returns the figures written to the manifest. */
    public Map<String, Long> generate(Path out) {
        Map<String, Long> stats = new Generator(scale, seed, fraction, noise, out).run();
        writeManifest(out.resolve("manifest.json"), stats);
        return stats;
    }

    private void writeManifest(Path file, Map<String, Long> stats) {
        StringBuilder sb = new StringBuilder("{\n");
        sb.append("  \"scale\": \"").append(scale.name().toLowerCase()).append("\",\n");
        sb.append("  \"seed\": ").append(seed).append(",\n");
        sb.append("  \"fraction\": ").append(fraction).append(",\n");
        sb.append("  \"export_date\": \"").append(Generator.EXPORT_DATE).append("\",\n");
        sb.append("  \"noise\": {");
        String sep = "\n";
        for (Map.Entry<String, Double> e : noise.values().entrySet()) {
            sb.append(sep).append("    \"").append(e.getKey()).append("\": ").append(e.getValue());
            sep = ",\n";
        }
        sb.append("\n  },\n  \"figures\": {");
        sep = "\n";
        for (Map.Entry<String, Long> e : stats.entrySet()) {
            sb.append(sep).append("    \"").append(e.getKey()).append("\": ").append(e.getValue());
            sep = ",\n";
        }
        sb.append("\n  },\n  \"expected_coverage\": {\n");
        long housing = stats.getOrDefault("buildings.in_housing_registry", 0L);
        long field = stats.getOrDefault("buildings.in_field_collection", 0L);
        long rentalHousing = stats.getOrDefault("rental_houses.in_housing_registry", 0L);
        long rentalField = stats.getOrDefault("rental_houses.in_field_collection", 0L);
        sb.append("    \"buildings_field_over_housing\": ").append(ratio(field, housing)).append(",\n");
        sb.append("    \"rental_houses_field_over_housing\": ").append(ratio(rentalField, rentalHousing)).append(",\n");
        sb.append("    \"buildings_only_in_field_collection\": ")
                .append(stats.getOrDefault("buildings.only_in_field_collection", 0L)).append(",\n");
        sb.append("    \"rental_houses_only_in_field_collection\": ")
                .append(stats.getOrDefault("rental_houses.only_in_field_collection", 0L)).append("\n");
        sb.append("  }\n}\n");
        try {
            Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String ratio(long a, long b) {
        return b == 0 ? "null" : String.format(java.util.Locale.ROOT, "%.4f", (double) a / b);
    }
}
