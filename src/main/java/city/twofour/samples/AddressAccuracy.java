package city.twofour.samples;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

import city.twofour.address.AddressLibrary;
import city.twofour.address.AddressMatch;
import city.twofour.address.AddressMatcher;
import city.twofour.address.MatchLevel;
import city.twofour.address.DivisionAliases;
import city.twofour.address.ParsedAddress;
import city.twofour.common.DatabaseSettings;
import city.twofour.feed.CsvRowReader;
import city.twofour.feed.DelimitedLine;
import city.twofour.feed.FileLines;
import city.twofour.grid.CoordinateSystem;
import city.twofour.grid.CoordinateTransform;
import city.twofour.grid.LonLat;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * How well the address matcher finds the standard address of the noisy addresses in a sample city's feeds.
 * <p>
 * A <b>matchable</b> noisy address is a feed row that is accepted (no expected reject), carries an address text,
 * whose true address ({@code truth/feed_rows.csv}: {@code address_code}) is in the address library, and which does not
 * name another address on purpose (a declaration due for correction, tagged {@code WRONG_ADDRESS}). Its text is
 * matched with the row's own coordinates when the feed has them (converted from the feed's system to CGCS2000).
 * <p>
 * The truth names the finest address of the record (a person's room) while a text may name only a coarser level
 * (the building). The <b>expected</b> code is therefore the true address or its ancestor (room → building → door
 * number) at the finest level the text names: a room, a building (or a unit of it), or a door number. A match is
 * <ul>
 * <li><b>right</b> when its code is the expected code;</li>
 * <li><b>unmatched</b> when there is no code, or the code is a coarser ancestor of the expected one (the matcher
 * fell back to the building, the door number), or it stops at the true village or road: incomplete, not
 * wrong;</li>
 * <li><b>wrong</b> otherwise: another address at any level, or another village.</li>
 * </ul>
 */
public final class AddressAccuracy {

    /** The feeds of the samples that carry an address text: file, encoding, delimiter and columns. */
    public static final List<AddressColumn> FEEDS = List.of(
            new AddressColumn("feeds/public-security/standard_addresses_20261122.txt", StandardCharsets.UTF_8, '|',
                    "标准地址", "经度", "纬度", CoordinateSystem.CGCS2000),
            new AddressColumn("feeds/public-security/household_registration_20261122.csv", Charset.forName("GB18030"),
                    ',', "户籍地址", null, null, null),
            new AddressColumn("feeds/public-security/floating_population_20261122.csv", StandardCharsets.UTF_8, ',',
                    "现居住地址", null, null, null),
            new AddressColumn("feeds/housing/building_registry_20261120.tsv", Charset.forName("GBK"), '\t', "房屋坐落",
                    null, null, null),
            new AddressColumn("feeds/housing/rental_registry_20261121.csv", Charset.forName("GBK"), ',', "出租屋地址",
                    null, null, null),
            new AddressColumn("feeds/market/business_registry_20261122.csv", StandardCharsets.UTF_8, ',', "住所", null,
                    null, null),
            new AddressColumn("feeds/grid/field_buildings_20261122.csv", StandardCharsets.UTF_8, ',', "楼栋地址", "经度",
                    "纬度", CoordinateSystem.CGCS2000),
            new AddressColumn("feeds/grid/field_people_20261122.csv", StandardCharsets.UTF_8, ',', "居住地址", null, null,
                    null),
            new AddressColumn("feeds/grid/declarations_20261122.csv", StandardCharsets.UTF_8, ',', "申报地址", null, null,
                    null));

    private static final String ACTIVE_CODES = "SELECT code FROM master.address WHERE status = 'active'";

    /** Noise tag of a declaration that names a wrong address, which its verification result corrects. */
    private static final String WRONG_ADDRESS = "WRONG_ADDRESS";

    /** Tag of rows without noise in the per-noise figures. */
    public static final String NO_NOISE = "NONE";

    /** The address column of a feed and, if the feed has them, its coordinate columns and their system. */
    public record AddressColumn(String file, Charset charset, char delimiter, String address, String lon, String lat,
            CoordinateSystem system) {
    }

    /** What became of one matchable address. */
    public enum Outcome {
        RIGHT, WRONG, UNMATCHED
    }

    /** A matched row, for a caller that wants to see the misses. */
    public record Result(String feed, int line, String text, String expectedCode, AddressMatch match, Outcome outcome,
            List<String> noise) {
    }

    /** Counts of outcomes, in total and per noise tag. */
    public static final class Figures {
        private final long[] total = new long[Outcome.values().length];
        private final Map<String, long[]> byNoise = new TreeMap<>();
        private long nanos;

        void add(Result r) {
            total[r.outcome.ordinal()]++;
            for (String tag : r.noise) {
                byNoise.computeIfAbsent(tag, k -> new long[Outcome.values().length])[r.outcome.ordinal()]++;
            }
        }

        public long matchable() {
            return total[0] + total[1] + total[2];
        }

        public long count(Outcome outcome) {
            return total[outcome.ordinal()];
        }

        /** Share of the matchable addresses with this outcome, in percent. */
        public double percent(Outcome outcome) {
            return matchable() == 0 ? 0 : 100.0 * count(outcome) / matchable();
        }

        public Set<String> noiseTags() {
            return byNoise.keySet();
        }

        public long count(String noise, Outcome outcome) {
            return byNoise.getOrDefault(noise, new long[3])[outcome.ordinal()];
        }

        public double lookupsPerSecond() {
            return nanos == 0 ? 0 : matchable() / (nanos / 1e9);
        }

        /** One {@code name: value} per line. */
        public void print(PrintStream out) {
            out.println("matchable: " + matchable());
            for (Outcome o : Outcome.values()) {
                out.printf(Locale.ROOT, "%s_percent: %.3f%n", o.name().toLowerCase(Locale.ROOT), percent(o));
            }
            for (String tag : noiseTags()) {
                long n = count(tag, Outcome.RIGHT) + count(tag, Outcome.WRONG) + count(tag, Outcome.UNMATCHED);
                out.printf(Locale.ROOT, "noise.%s: %d right %.2f%% wrong %.2f%% unmatched %.2f%%%n", tag, n,
                        100.0 * count(tag, Outcome.RIGHT) / n, 100.0 * count(tag, Outcome.WRONG) / n,
                        100.0 * count(tag, Outcome.UNMATCHED) / n);
            }
            out.printf(Locale.ROOT, "lookups_per_second: %.0f%n", lookupsPerSecond());
        }
    }

    private record TrueAddress(String level, String parent, String village) {
    }

    private record TruthRow(String addressCode, List<String> noise) {
    }

    private final Path samples;
    private final Set<String> library;

    /**
     * @param samples the sample city (its {@code feeds/} and {@code truth/})
     * @param library the codes of the addresses in the library: only rows whose true address is one are matchable
     */
    public AddressAccuracy(Path samples, Set<String> library) {
        this.samples = samples;
        this.library = library;
    }

    /** Matches every matchable address of the samples' feeds and counts the outcomes. */
    public Figures measure(AddressMatcher matcher) {
        return measure(matcher, r -> { });
    }

    /** As {@link #measure(AddressMatcher)}, handing every result to {@code each}. */
    public Figures measure(AddressMatcher matcher, Consumer<Result> each) {
        Map<String, TrueAddress> addresses = trueAddresses();
        Figures figures = new Figures();
        for (AddressColumn feed : FEEDS) {
            Path file = samples.resolve(feed.file());
            if (!Files.exists(file)) {
                continue;
            }
            Map<Integer, TruthRow> truth = truthRows(feed.file());
            try (FileLines lines = new FileLines(Files.newInputStream(file), feed.charset())) {
                List<String> header = CsvRowReader.header(lines, file, feed.charset(), feed.delimiter());
                int address = header.indexOf(feed.address());
                FileLines.Line line;
                while ((line = lines.next()) != null) {
                    TruthRow t = truth.get(line.number());
                    if (t == null || line.text() == null) {
                        continue;
                    }
                    List<String> fields = DelimitedLine.split(line.text(), feed.delimiter());
                    if (fields == null || fields.size() != header.size() || fields.get(address).isBlank()) {
                        continue;
                    }
                    LonLat point = point(feed, header, fields);
                    String text = fields.get(address);
                    long start = System.nanoTime();
                    AddressMatch match = matcher.match(text, point);
                    figures.nanos += System.nanoTime() - start;
                    String expected = expected(t.addressCode, match.parsed(), addresses);
                    Result r = new Result(feed.file(), line.number(), text, expected, match,
                            outcome(match, expected, t.addressCode, addresses), t.noise);
                    figures.add(r);
                    each.accept(r);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return figures;
    }

    /** The true code or its ancestor at the finest level the text names. */
    static String expected(String trueCode, ParsedAddress parsed, Map<String, TrueAddress> addresses) {
        String named = parsed.room() != null ? "ROOM"
                : parsed.building() != null || parsed.unit() != null ? "BUILDING"
                : parsed.doorNumber() != null ? "DOOR" : null;
        String code = trueCode;
        while (named != null && code != null && rank(addresses.get(code).level) > rank(named)) {
            code = emptyToNull(addresses.get(code).parent);
        }
        return code == null ? trueCode : code;
    }

    private static Outcome outcome(AddressMatch match, String expected, String trueCode,
            Map<String, TrueAddress> addresses) {
        if (!match.isMatched()) {
            return Outcome.UNMATCHED;
        }
        if (match.level() == MatchLevel.VILLAGE || match.level() == MatchLevel.ROAD) {
            return addresses.get(trueCode).village.equals(match.villageCode()) ? Outcome.UNMATCHED : Outcome.WRONG;
        }
        if (match.code().equals(expected)) {
            return Outcome.RIGHT;
        }
        for (String c = emptyToNull(addresses.get(expected).parent); c != null; c = emptyToNull(addresses.get(c).parent)) {
            if (c.equals(match.code())) {
                return Outcome.UNMATCHED;
            }
        }
        return Outcome.WRONG;
    }

    /** ROOM 3, BUILDING 2, DOOR 1. */
    private static int rank(String level) {
        return switch (level) {
            case "ROOM" -> 3;
            case "BUILDING" -> 2;
            default -> 1;
        };
    }

    private static LonLat point(AddressColumn feed, List<String> header, List<String> fields) {
        if (feed.lon() == null) {
            return null;
        }
        try {
            LonLat p = new LonLat(Double.parseDouble(fields.get(header.indexOf(feed.lon())).strip()),
                    Double.parseDouble(fields.get(header.indexOf(feed.lat())).strip()));
            return CoordinateTransform.toCgcs2000(p, feed.system());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private Map<String, TrueAddress> trueAddresses() {
        Map<String, TrueAddress> addresses = new HashMap<>();
        forEachRecord(samples.resolve("truth/addresses.csv"), r -> addresses.put(r.get("address_code"),
                new TrueAddress(r.get("level"), r.get("parent_code"), r.get("village_code"))));
        return addresses;
    }

    /** The accepted rows of one feed whose true address is in the library, by line. */
    private Map<Integer, TruthRow> truthRows(String feed) {
        Map<Integer, TruthRow> rows = new HashMap<>();
        forEachRecord(samples.resolve("truth/feed_rows.csv"), r -> {
            String noise = r.get("noise");
            if (r.get("feed").equals(feed) && r.get("expected_reason").isEmpty()
                    && library.contains(r.get("address_code")) && !noise.contains(WRONG_ADDRESS)) {
                rows.put(Integer.parseInt(r.get("line")), new TruthRow(r.get("address_code"),
                        noise.isEmpty() ? List.of(NO_NOISE) : List.of(noise.split(";"))));
            }
        });
        return rows;
    }

    /**
     * Measures the matcher over the library in the database (read as the reader role, as the merges read it) on a
     * sample city: {@code java ... city.twofour.samples.AddressAccuracy SAMPLES_DIR [MISSES_FILE]}. Prints
     * {@code name: value} lines; every address not matched right is written to {@code MISSES_FILE} if given.
     */
    public static void main(String[] args) throws IOException {
        JdbcTemplate jdbc = DatabaseSettings.reader().connect();
        try {
            long start = System.nanoTime();
            DivisionAliases divisions = AddressLibrary.divisions(jdbc, "东莞市");
            AddressMatcher matcher = AddressLibrary.matcher(jdbc, divisions);
            Set<String> library = new HashSet<>(jdbc.queryForList(ACTIVE_CODES, String.class));
            System.out.println("library_addresses: " + library.size());
            System.out.printf(Locale.ROOT, "library_build_seconds: %.2f%n", (System.nanoTime() - start) / 1e9);
            try (PrintStream misses = args.length > 1
                    ? new PrintStream(Files.newOutputStream(Path.of(args[1])), true, StandardCharsets.UTF_8) : null) {
                new AddressAccuracy(Path.of(args[0]), library).measure(matcher, r -> {
                    if (misses != null && r.outcome() != Outcome.RIGHT) {
                        misses.println(r.outcome() + "\t" + r.feed() + ":" + r.line() + "\t" + r.text() + "\t"
                                + r.expectedCode() + "\t" + r.match().code() + "\t" + r.match().level() + "\t"
                                + String.join(";", r.noise()) + "\t" + String.join(" | ", r.match().explanation()));
                    }
                }).print(System.out);
            }
        } finally {
            DatabaseSettings.close(jdbc);
        }
    }

    static void forEachRecord(Path csv, Consumer<CSVRecord> each) {
        try (BufferedReader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
                each.accept(r);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + csv, e);
        }
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
