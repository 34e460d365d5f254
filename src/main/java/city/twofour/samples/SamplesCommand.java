package city.twofour.samples;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

import city.twofour.common.DatabaseSettings;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The {@code samples} command: {@code generate} writes a synthetic city, {@code score} compares the master tables
 * against its truth ({@link SampleScore}). Plain Java, no application context; the CLI
 * calls {@link #run(String[], PrintStream, PrintStream)} with the arguments after {@code samples}.
 */
public final class SamplesCommand {

    static final String USAGE = """
            usage: twofour samples generate [--scale tiny|demo|city] [--seed N] [--fraction F]
                                            [--noise name=rate]... --out DIR
                   twofour samples score --truth DIR
                   twofour samples noise        (lists the noise knobs and their defaults)

              --scale     tiny (one town), demo (four towns), city (all of Dongguan); default tiny
              --seed      random seed; the same seed always gives the same bytes; default 20261123
              --fraction  share of the scale's records per grid, in (0, 1]; e.g. --scale city --fraction 0.01
              --noise     override a noise rate, e.g. --noise duplicateInFeed=0.05 (repeatable)
              --out       output directory (created if missing)
            """;

    private SamplesCommand() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help")) {
            out.print(USAGE);
            return args.length == 0 ? 2 : 0;
        }
        try {
            return switch (args[0]) {
                case "generate" -> generate(args, out, err);
                case "noise" -> {
                    NoiseModel.defaults().values().forEach((k, v) -> out.println(k + "=" + v));
                    yield 0;
                }
                case "score" -> score(args, out);
                default -> {
                    err.println("unknown samples command: " + args[0]);
                    err.print(USAGE);
                    yield 2;
                }
            };
        } catch (IllegalArgumentException e) {
            err.println("samples: " + e.getMessage());
            return 2;
        }
    }

    private static int generate(String[] args, PrintStream out, PrintStream err) {
        Scale scale = Scale.TINY;
        long seed = SamplesGenerator.DEFAULT_SEED;
        double fraction = 1.0;
        NoiseModel noise = NoiseModel.defaults();
        Path dir = null;
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--help") || a.equals("-h")) {
                out.print(USAGE);
                return 0;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("missing value after " + a);
            }
            String v = args[++i];
            switch (a) {
                case "--scale" -> scale = Scale.valueOf(v.toUpperCase(Locale.ROOT));
                case "--seed" -> seed = Long.parseLong(v);
                case "--fraction" -> fraction = Double.parseDouble(v);
                case "--out" -> dir = Path.of(v);
                case "--noise" -> {
                    int eq = v.indexOf('=');
                    if (eq < 0) {
                        throw new IllegalArgumentException("--noise needs name=rate: " + v);
                    }
                    noise = noise.with(v.substring(0, eq), Double.parseDouble(v.substring(eq + 1)));
                }
                default -> throw new IllegalArgumentException("unknown option " + a);
            }
        }
        if (dir == null) {
            throw new IllegalArgumentException("--out DIR is required");
        }
        long start = System.nanoTime();
        Map<String, Long> stats = new SamplesGenerator(scale, seed, fraction, noise).generate(dir);
        double seconds = (System.nanoTime() - start) / 1e9;
        long rows = stats.entrySet().stream().filter(e -> e.getKey().startsWith("truth.") || e.getKey().startsWith("rows."))
                .mapToLong(Map.Entry::getValue).sum();
        out.printf(Locale.ROOT, "generated %s seed %d fraction %s into %s%n", scale.name().toLowerCase(), seed, fraction, dir);
        out.printf(Locale.ROOT, "rows: %d%n", rows);
        out.printf(Locale.ROOT, "seconds: %.2f%n", seconds);
        out.printf(Locale.ROOT, "rows_per_second: %.0f%n", rows / Math.max(seconds, 1e-9));
        return 0;
    }

    private static int score(String[] args, PrintStream out) {
        if (args.length != 3 || !args[1].equals("--truth")) {
            throw new IllegalArgumentException("score needs --truth DIR");
        }
        Path truth = Path.of(args[2]);
        if (!Files.isRegularFile(truth.resolve("truth/feed_rows.csv")) && !Files.isRegularFile(truth.resolve("feed_rows.csv"))) {
            throw new IllegalArgumentException("no feed_rows.csv in " + truth + " or its truth/ directory");
        }
        JdbcTemplate reader = DatabaseSettings.reader().connect();
        JdbcTemplate batch = DatabaseSettings.batch().connect();
        try {
            new SampleScore(truth, reader, batch).figures().forEach((name, value) -> out.println(name + ": " + value));
            return 0;
        } finally {
            DatabaseSettings.close(reader);
            DatabaseSettings.close(batch);
        }
    }

    /** Runs the command from a shell: {@code java ... city.twofour.samples.SamplesCommand generate ...}. */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }
}
