package city.twofour.samples.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The real towns and villages of Dongguan, read from the bundled NBS division tables. */
public final class Divisions {

    /** The county-level code every Dongguan town hangs under. */
    public static final String CITY_CODE = "441900";

    public record Village(String code, String name, String townCode) {

        /** The name without the committee suffix: 岗贝社区居民委员会 → 岗贝社区, 石井村民委员会 → 石井村. */
        public String shortName() {
            if (name.endsWith("社区居民委员会")) {
                return name.substring(0, name.length() - "居民委员会".length());
            }
            if (name.endsWith("村民委员会")) {
                return name.substring(0, name.length() - "民委员会".length());
            }
            return name;
        }

        /** The bare place name, without 社区/村/生活区: the name people use in speech and old records. */
        public String bareName() {
            String s = shortName();
            for (String suffix : List.of("虚拟社区", "生活区", "社区", "村")) {
                if (s.endsWith(suffix) && s.length() > suffix.length() + 1) {
                    return s.substring(0, s.length() - suffix.length());
                }
            }
            return s;
        }
    }

    public record Town(String code, String name, List<Village> villages) {
    }

    private static final String TOWNS = "/divisions/modood-streets-4419.csv";
    private static final String VILLAGES = "/divisions/villages-4419-2021.csv";

    private final List<Town> towns;

    private Divisions(List<Town> towns) {
        this.towns = towns;
    }

    /** All 36 towns in code order, each with its villages in code order. */
    public static Divisions load() {
        Map<String, String> townNames = new LinkedHashMap<>();
        for (String[] row : readCsv(TOWNS)) {
            townNames.put(row[0], row[1].replace("\"", ""));
        }
        Map<String, List<Village>> villages = new LinkedHashMap<>();
        for (String[] row : readCsv(VILLAGES)) {
            villages.computeIfAbsent(row[2], k -> new ArrayList<>()).add(new Village(row[0], row[1], row[2]));
        }
        List<Town> towns = new ArrayList<>();
        townNames.keySet().stream().sorted().forEach(code -> {
            List<Village> vs = new ArrayList<>(villages.getOrDefault(code, List.of()));
            vs.sort((a, b) -> a.code().compareTo(b.code()));
            towns.add(new Town(code, townNames.get(code), Collections.unmodifiableList(vs)));
        });
        return new Divisions(Collections.unmodifiableList(towns));
    }

    public List<Town> towns() {
        return towns;
    }

    public Town town(String code) {
        return towns.stream().filter(t -> t.code().equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no such town: " + code));
    }

    private static List<String[]> readCsv(String resource) {
        try (InputStream in = Divisions.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<String[]> rows = new ArrayList<>();
            reader.readLine();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    rows.add(line.split(",", -1));
                }
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
