package city.twofour.address;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import city.twofour.grid.CoordinateSystem;
import city.twofour.grid.CoordinateTransform;
import city.twofour.grid.LonLat;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code address} command: parses or matches free-text addresses and prints one JSON object
 * per address on its own line.
 * <pre>
 * address parse &lt;text&gt;... | --file F
 * address match &lt;text&gt;... | --file F  --library CSV [--lon X --lat Y] [--crs SYSTEM] [--threshold T]
 * </pre>
 * With {@code --file}, each non-blank line is one address; {@code -} reads standard input. For
 * {@code match} a line may carry coordinates after tabs: {@code text<TAB>lon<TAB>lat}.
 * The library CSV is UTF-8 with a header and the columns
 * {@code code,town_code,village_code,road,door_number,building,unit,floor,room,lon,lat,grid_code,status}.
 * <p>
 * Exit status: 0 on success (also when an address does not match: that is in the output),
 * 1 when a file cannot be read or holds bad data, 2 on a usage error. Errors go to standard error
 * as one line.
 */
public final class AddressCommand {

    /** Exit status on success. */
    public static final int OK = 0;

    /** Exit status when input data or files are bad. */
    public static final int DATA_ERROR = 1;

    /** Exit status on a usage error. */
    public static final int USAGE_ERROR = 2;

    /** Columns of the library CSV, in order. */
    public static final List<String> LIBRARY_COLUMNS = List.of("code", "town_code", "village_code", "road",
            "door_number", "building", "unit", "floor", "room", "lon", "lat", "grid_code", "status");

    static final String USAGE = """
            Usage: address parse <text>... | --file F
                   address match <text>... | --file F  --library CSV [--lon X --lat Y] [--crs SYSTEM] [--threshold T]

            Parses or matches free-text addresses; prints one JSON object per address.
              --file F        one address per line (- for standard input); for match a line may be
                              text<TAB>lon<TAB>lat
              --library CSV   standard address library, UTF-8 with header:
                              code,town_code,village_code,road,door_number,building,unit,floor,room,lon,lat,grid_code,status
              --lon, --lat    coordinates of the addresses given as arguments
              --crs SYSTEM    system of the coordinates: CGCS2000 (default), WGS84, GCJ02, BD09
              --threshold T   lowest confidence to accept a match (default 0.6)
              --help          show this help
            Exit status: 0 success, 1 bad input data or file, 2 usage error.
            """;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private AddressCommand() {
    }

    /** Runs the command; returns the exit status. */
    public static int run(String[] args, BufferedReader in, PrintStream out, PrintStream err) {
        try {
            return execute(Options.parse(args), in, out);
        } catch (UsageException e) {
            err.println("address: " + e.getMessage() + " (try --help)");
            return USAGE_ERROR;
        } catch (DataException e) {
            err.println("address: " + e.getMessage());
            return DATA_ERROR;
        } catch (UncheckedIOException e) {
            err.println("address: " + e.getCause().getMessage());
            return DATA_ERROR;
        }
    }

    private static int execute(Options o, BufferedReader in, PrintStream out) {
        if (o.help) {
            out.print(USAGE);
            return OK;
        }
        List<String[]> inputs = o.file == null ? argumentInputs(o) : fileInputs(o, in);
        if (o.command.equals("parse")) {
            for (String[] input : inputs) {
                out.println(JSON.writeValueAsString(parseJson(AddressParser.parse(input[0]), input[0])));
            }
            return OK;
        }
        AddressIndex index = loadLibrary(Path.of(o.library));
        AddressMatcher matcher = new AddressMatcher(index, new AddressParser(DivisionAliases.dongguan()), o.threshold);
        for (String[] input : inputs) {
            LonLat point = input.length >= 3 ? CoordinateTransform.toCgcs2000(
                    new LonLat(Double.parseDouble(input[1]), Double.parseDouble(input[2])), o.crs) : null;
            AddressMatch m = matcher.match(input[0], point);
            out.println(JSON.writeValueAsString(matchJson(m, input[0])));
        }
        return OK;
    }

    private static List<String[]> argumentInputs(Options o) {
        List<String[]> inputs = new ArrayList<>();
        for (String text : o.texts) {
            inputs.add(o.lon == null ? new String[] {text} : new String[] {text, o.lon, o.lat});
        }
        return inputs;
    }

    private static List<String[]> fileInputs(Options o, BufferedReader stdin) {
        List<String> lines;
        try {
            lines = o.file.equals("-") ? stdin.lines().toList() : Files.readAllLines(Path.of(o.file), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new DataException("no such file: " + o.file);
        } catch (IOException e) {
            throw new DataException("cannot read " + o.file + ": " + e.getMessage());
        }
        List<String[]> inputs = new ArrayList<>();
        int lineNumber = 0;
        for (String line : lines) {
            lineNumber++;
            if (lineNumber == 1 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            if (line.isBlank()) {
                continue;
            }
            String[] parts = line.split("\t");
            if (parts.length >= 3 && o.command.equals("match")) {
                if (!isNumber(parts[1]) || !isNumber(parts[2])) {
                    throw new DataException(o.file + " line " + lineNumber + ": coordinates '" + parts[1] + "', '"
                            + parts[2] + "' are not numbers");
                }
                inputs.add(new String[] {parts[0], parts[1].trim(), parts[2].trim()});
            } else {
                inputs.add(new String[] {line});
            }
        }
        return inputs;
    }

    /** Reads a library CSV into an index, streaming its rows. */
    static AddressIndex loadLibrary(Path csv) {
        try (Reader reader = skipBom(Files.newBufferedReader(csv, StandardCharsets.UTF_8));
                CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                        .get().parse(reader)) {
            List<String> missing = LIBRARY_COLUMNS.stream().filter(c -> !parser.getHeaderMap().containsKey(c)).toList();
            if (!missing.isEmpty()) {
                throw new DataException(csv + ": missing columns " + String.join(",", missing));
            }
            Iterator<CSVRecord> rows = parser.iterator();
            return AddressIndex.build(() -> new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return rows.hasNext();
                }

                @Override
                public StandardAddress next() {
                    return toAddress(csv, rows.next());
                }
            });
        } catch (NoSuchFileException e) {
            throw new DataException("no such file: " + csv);
        } catch (IOException e) {
            throw new DataException("cannot read " + csv + ": " + e.getMessage());
        }
    }

    private static StandardAddress toAddress(Path csv, CSVRecord r) {
        String where = csv + " line " + (r.getRecordNumber() + 1);
        if (!r.isConsistent()) {
            throw new DataException(where + ": expected " + r.getParser().getHeaderNames().size() + " columns, found " + r.size());
        }
        String code = blankToNull(r.get("code"));
        if (code == null) {
            throw new DataException(where + ": code is empty");
        }
        AddressStatus status;
        try {
            status = AddressStatus.parse(r.get("status"));
        } catch (IllegalArgumentException e) {
            throw new DataException(where + ": " + e.getMessage());
        }
        return new StandardAddress(code, blankToNull(r.get("town_code")), blankToNull(r.get("village_code")),
                blankToNull(r.get("road")), blankToNull(r.get("door_number")), blankToNull(r.get("building")),
                blankToNull(r.get("unit")), blankToNull(r.get("floor")), blankToNull(r.get("room")), null,
                coordinate(where, "lon", r.get("lon")), coordinate(where, "lat", r.get("lat")),
                blankToNull(r.get("grid_code")), status);
    }

    private static Double coordinate(String where, String column, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!isNumber(value)) {
            throw new DataException(where + ": " + column + " '" + value + "' is not a number");
        }
        return Double.parseDouble(value.trim());
    }

    private static ObjectNode parseJson(ParsedAddress p, String input) {
        ObjectNode node = JSON.createObjectNode();
        node.put("input", input);
        node.set("components", components(p));
        node.put("unparsed", p.unparsed());
        node.put("normalized", p.normalized());
        node.put("canonical", p.canonical());
        return node;
    }

    private static ObjectNode matchJson(AddressMatch m, String input) {
        ObjectNode node = JSON.createObjectNode();
        node.put("input", input);
        node.set("components", components(m.parsed()));
        node.put("unparsed", m.parsed().unparsed());
        node.put("code", m.code());
        node.put("level", m.level().name());
        node.put("confidence", m.confidence());
        node.put("reason", m.reason().name());
        node.put("town_code", m.townCode());
        node.put("village_code", m.villageCode());
        ArrayNode explanation = node.putArray("explanation");
        m.explanation().forEach(explanation::add);
        return node;
    }

    private static ObjectNode components(ParsedAddress p) {
        ObjectNode c = JSON.createObjectNode();
        c.put("town_code", p.townCode());
        c.put("town", p.town());
        c.put("village_code", p.villageCode());
        c.put("village", p.village());
        c.put("road", p.road());
        c.put("door_number", p.doorNumber());
        c.put("building", p.building());
        c.put("unit", p.unit());
        c.put("floor", p.floor());
        c.put("room", p.room());
        return c;
    }

    private static Reader skipBom(BufferedReader reader) throws IOException {
        PushbackReader r = new PushbackReader(reader, 1);
        int first = r.read();
        if (first != -1 && first != '\uFEFF') {
            r.unread(first);
        }
        return r;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static boolean isNumber(String s) {
        try {
            double d = Double.parseDouble(s.trim());
            return Double.isFinite(d);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** Parsed command-line options. */
    private static final class Options {
        String command;
        boolean help;
        String file;
        String library;
        String lon;
        String lat;
        CoordinateSystem crs = CoordinateSystem.CGCS2000;
        double threshold = AddressMatcher.DEFAULT_THRESHOLD;
        final List<String> texts = new ArrayList<>();

        static Options parse(String[] args) {
            Options o = new Options();
            int i = 0;
            if (args.length > 0 && args[0].equals("address")) {
                i++;
            }
            for (; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "--help", "-h" -> o.help = true;
                    case "--file" -> o.file = value(args, ++i, a);
                    case "--library" -> o.library = value(args, ++i, a);
                    case "--lon" -> o.lon = number(value(args, ++i, a), a);
                    case "--lat" -> o.lat = number(value(args, ++i, a), a);
                    case "--crs" -> {
                        String v = value(args, ++i, a);
                        try {
                            o.crs = CoordinateSystem.parse(v);
                        } catch (IllegalArgumentException e) {
                            throw new UsageException(e.getMessage());
                        }
                    }
                    case "--threshold" -> {
                        o.threshold = Double.parseDouble(number(value(args, ++i, a), a));
                        if (o.threshold < 0 || o.threshold > 1) {
                            throw new UsageException("--threshold must be between 0 and 1");
                        }
                    }
                    default -> {
                        if (a.startsWith("--")) {
                            throw new UsageException("unknown option " + a);
                        }
                        if (o.command == null) {
                            o.command = a;
                        } else {
                            o.texts.add(a);
                        }
                    }
                }
            }
            if (o.help) {
                return o;
            }
            if (o.command == null) {
                throw new UsageException("missing subcommand: parse or match");
            }
            if (!o.command.equals("parse") && !o.command.equals("match")) {
                throw new UsageException("unknown subcommand " + o.command + ": use parse or match");
            }
            if (o.texts.isEmpty() == (o.file == null)) {
                throw new UsageException("give either address texts or --file, not " + (o.file == null ? "neither" : "both"));
            }
            if (o.command.equals("match") && o.library == null) {
                throw new UsageException("match needs --library CSV");
            }
            if (o.command.equals("parse") && (o.library != null || o.lon != null || o.lat != null)) {
                throw new UsageException("parse takes no --library, --lon or --lat");
            }
            if ((o.lon == null) != (o.lat == null)) {
                throw new UsageException("give both --lon and --lat");
            }
            return o;
        }

        private static String value(String[] args, int i, String option) {
            if (i >= args.length) {
                throw new UsageException(option + " needs a value");
            }
            return args[i];
        }

        private static String number(String value, String option) {
            if (!isNumber(value)) {
                throw new UsageException(option + " '" + value + "' is not a number");
            }
            return value.trim();
        }
    }

    private static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }

    private static final class DataException extends RuntimeException {
        DataException(String message) {
            super(message);
        }
    }
}
