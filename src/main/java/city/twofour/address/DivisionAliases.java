package city.twofour.address;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The names by which addresses refer to towns and villages, each mapped to its division.
 * <p>
 * For every division the table holds its official name, its short name and its bare stem
 * (at least {@link #MIN_STEM_LENGTH} characters), plus common variants:
 * <ul>
 * <li>town {@code 东城街道}: {@code 东城街道}, {@code 东城}, {@code 东城区}, {@code 东城街道办事处},
 * {@code 东城街道办};</li>
 * <li>town {@code 石碣镇}: {@code 石碣镇}, {@code 石碣}, {@code 石碣镇人民政府};</li>
 * <li>village {@code 岗贝社区居民委员会}: that name, {@code 岗贝社区}, {@code 岗贝居委会},
 * {@code 岗贝}, and its former name as a village {@code 岗贝村}; village {@code 石鼓村民委员会}: that name,
 * {@code 石鼓村}, {@code 石鼓村委会}, {@code 石鼓}, and its former name as a management district
 * {@code 石鼓管理区}.</li>
 * </ul>
 * Extra aliases (old names, local usage) are added with {@link #withAlias}. A name may stand for
 * several divisions (two villages of the same name in different towns); {@link #lookup} returns
 * them all and the caller decides.
 */
public final class DivisionAliases {

    /** Bare stems shorter than this are not aliases: one character is too likely to be a coincidence. */
    public static final int MIN_STEM_LENGTH = 2;

    private static final String TOWNS_RESOURCE = "/divisions/modood-streets-4419.csv";
    private static final String VILLAGES_RESOURCE = "/divisions/villages-4419-2021.csv";

    private final String cityName;
    private final Map<String, Division> byCode;
    private final Map<String, List<Division>> byAlias;
    private final int maxAliasLength;
    private final Set<String> bareStems;

    private DivisionAliases(String cityName, Map<String, Division> byCode, Map<String, List<Division>> byAlias,
            Set<String> bareStems) {
        this.cityName = cityName;
        this.bareStems = bareStems;
        this.byCode = byCode;
        this.byAlias = byAlias;
        this.maxAliasLength = byAlias.keySet().stream().mapToInt(String::length).max().orElse(0);
    }

    /** Dongguan's towns and villages, from the division lists bundled with the application. */
    public static DivisionAliases dongguan() {
        return Holder.DONGGUAN;
    }

    /**
     * Builds a table from town and village divisions of one city.
     *
     * @param cityName as written before the town in a canonical address ({@code 东莞市})
     */
    public static DivisionAliases of(String cityName, Iterable<Division> divisions) {
        Map<String, Division> byCode = new LinkedHashMap<>();
        Map<String, List<Division>> byAlias = new HashMap<>();
        Set<String> stems = new java.util.HashSet<>();
        for (Division d : divisions) {
            byCode.put(d.code(), d);
            for (String alias : variants(d, stems)) {
                add(byAlias, alias, d);
            }
        }
        stems.removeIf(s -> s.length() < MIN_STEM_LENGTH);
        return new DivisionAliases(cityName, byCode, byAlias, stems);
    }

    /**
     * A copy of this table in which {@code alias} also stands for the division {@code code}.
     *
     * @throws IllegalArgumentException if the code is not in the table
     */
    public DivisionAliases withAlias(String alias, String code) {
        Division d = byCode.get(code);
        if (d == null) {
            throw new IllegalArgumentException("unknown division code: " + code);
        }
        Map<String, List<Division>> copy = new HashMap<>(byAlias);
        copy.put(alias, new ArrayList<>(copy.getOrDefault(alias, List.of())));
        if (!copy.get(alias).contains(d)) {
            copy.get(alias).add(d);
        }
        return new DivisionAliases(cityName, byCode, copy, bareStems);
    }

    /** The divisions a name stands for, towns and villages alike; empty if none. */
    public List<Division> lookup(String alias) {
        return Collections.unmodifiableList(byAlias.getOrDefault(alias, List.of()));
    }

    /** The division with this code. */
    public Optional<Division> byCode(String code) {
        return Optional.ofNullable(code == null ? null : byCode.get(code));
    }

    /** Length of the longest alias, bounding the search for one in a text. */
    public int maxAliasLength() {
        return maxAliasLength;
    }

    /** Every division in the table, towns first, in the order read. */
    public List<Division> divisions() {
        return List.copyOf(byCode.values());
    }

    /** The city name that begins canonical addresses. */
    public String cityName() {
        return cityName;
    }

    /**
     * True if the alias is a generated bare stem ({@code 岗贝}, {@code 东城}) rather than a name
     * carrying its division suffix; bare stems are also the start of many road names, so a parser
     * should not take one that runs straight into a road suffix.
     */
    public boolean isBareStem(String alias) {
        return bareStems.contains(alias);
    }

    private static List<String> variants(Division d, Set<String> stems) {
        List<String> v = new ArrayList<>();
        v.add(d.name());
        v.add(d.shortName());
        String name = d.name();
        if (d.isVillage()) {
            if (name.endsWith("社区居民委员会")) {
                String stem = name.substring(0, name.length() - "社区居民委员会".length());
                v.add(stem + "居委会");
                v.add(stem + "社区居委会");
                v.add(stem + "村");
                v.add(stem);
                stems.add(stem);
            } else if (name.endsWith("村民委员会")) {
                String stem = name.substring(0, name.length() - "村民委员会".length());
                if (stem.endsWith("村") && stem.length() > MIN_STEM_LENGTH) {
                    stem = stem.substring(0, stem.length() - 1);
                }
                v.add(stem + "村委会");
                v.add(stem + "村委");
                v.add(stem + "村村委会");
                v.add(stem + "管理区");
                v.add(stem);
                stems.add(stem);
            } else if (name.endsWith("居民委员会")) {
                v.add(name.substring(0, name.length() - "居民委员会".length()));
                stems.add(name.substring(0, name.length() - "居民委员会".length()));
            } else if (name.endsWith("社区") || name.endsWith("生活区")) {
                String stem = name.substring(0, name.length() - (name.endsWith("社区") ? 2 : 3));
                v.add(stem);
                stems.add(stem);
            }
        } else if (name.endsWith("街道")) {
            String stem = name.substring(0, name.length() - 2);
            v.add(stem);
            stems.add(stem);
            v.add(stem + "区");
            v.add(name + "办事处");
            v.add(name + "办");
        } else if (name.endsWith("镇")) {
            String stem = name.substring(0, name.length() - 1);
            v.add(stem);
            stems.add(stem);
            v.add(name + "人民政府");
        }
        v.removeIf(a -> a.length() < MIN_STEM_LENGTH);
        return v.stream().distinct().toList();
    }

    private static void add(Map<String, List<Division>> byAlias, String alias, Division d) {
        List<Division> list = byAlias.computeIfAbsent(alias, k -> new ArrayList<>(1));
        if (!list.contains(d)) {
            list.add(d);
        }
    }

    /** The short name used in canonical addresses: {@code 岗贝社区居民委员会} → {@code 岗贝社区}. */
    static String shortName(String name) {
        if (name.endsWith("社区居民委员会")) {
            return name.substring(0, name.length() - "居民委员会".length());
        }
        if (name.endsWith("村民委员会")) {
            String stem = name.substring(0, name.length() - "村民委员会".length());
            return stem.endsWith("村") ? stem : stem + "村";
        }
        if (name.endsWith("居民委员会")) {
            return name.substring(0, name.length() - "居民委员会".length()) + "社区";
        }
        return name;
    }

    private static final class Holder {
        static final DivisionAliases DONGGUAN = loadDongguan();
    }

    private static DivisionAliases loadDongguan() {
        List<Division> divisions = new ArrayList<>();
        for (CSVRecord r : readCsv(TOWNS_RESOURCE)) {
            divisions.add(Division.official(r.get("code"), r.get("name"), r.get("areaCode")));
        }
        for (CSVRecord r : readCsv(VILLAGES_RESOURCE)) {
            divisions.add(Division.official(r.get("code"), r.get("name"), r.get("streetCode")));
        }
        return of("东莞市", divisions);
    }

    private static List<CSVRecord> readCsv(String resource) {
        try (InputStream in = DivisionAliases.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
