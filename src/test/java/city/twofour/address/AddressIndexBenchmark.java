package city.twofour.address;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Random;

/**
 * Measures the memory and lookup speed of {@link AddressIndex} on a synthetic library spread over
 * Dongguan's real villages: per village 20 roads, per road 10 doors, per door 2 buildings, per
 * building 2 units of 6 floors × 4 rooms, with an entry at every level (1,031 entries a road).
 * <p>
 * Run: {@code java -Xmx2g -cp target/classes:target/test-classes:<dependencies>
 * city.twofour.address.AddressIndexBenchmark [entries]} (default 1,000,000).
 */
public final class AddressIndexBenchmark {

    private static final String ROAD_CHARACTERS = "东南西北中新兴华安宁康泰福寿星光明德仁和平永丰金银龙凤花园湖山水石桥塘岗贝沙田";

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        List<Division> villages = DivisionAliases.dongguan().divisions().stream().filter(Division::isVillage).toList();
        long before = usedHeap();
        long start = System.nanoTime();
        AddressIndex index = AddressIndex.build(() -> new SyntheticLibrary(villages, n));
        double buildSeconds = (System.nanoTime() - start) / 1e9;
        long after = usedHeap();
        System.out.printf("entries %,d  roads %,d  build %.1f s%n", index.size(), index.roadCount(), buildSeconds);
        System.out.printf("heap delta %.1f bytes/entry, estimated %.1f bytes/entry%n",
                (after - before) / (double) index.size(), index.estimatedBytes() / (double) index.size());

        AddressMatcher matcher = new AddressMatcher(index);
        Random random = new Random(7);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            StandardAddress a = index.get(random.nextInt(index.size()));
            texts.add(a.canonical().replace("东莞市", "").replace("社区", "").replace("室", ""));
        }
        List<ParsedAddress> parsed = texts.stream().map(AddressParser::parse).toList();
        for (int i = 0; i < 20_000; i++) {
            matcher.match(parsed.get(i), null);
        }
        int matched = 0;
        start = System.nanoTime();
        for (ParsedAddress p : parsed) {
            if (matcher.match(p, null).isMatched()) {
                matched++;
            }
        }
        double matchSeconds = (System.nanoTime() - start) / 1e9;
        start = System.nanoTime();
        for (String t : texts) {
            matcher.match(t);
        }
        double parseMatchSeconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("match (parsed) %,.0f lookups/s, parse + match %,.0f lookups/s, matched %d of %d%n",
                parsed.size() / matchSeconds, texts.size() / parseMatchSeconds, matched, parsed.size());
        System.out.println(index.size() > 0 ? "" : "keep " + index);
    }

    private static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return rt.totalMemory() - rt.freeMemory();
    }

    /** Streams entries without holding them. */
    private static final class SyntheticLibrary implements Iterator<StandardAddress> {
        private final List<Division> villages;
        private final int n;
        private int emitted;
        private int village, road, door, building, unit, room;
        private int stage;

        SyntheticLibrary(List<Division> villages, int n) {
            this.villages = villages;
            this.n = n;
        }

        @Override
        public boolean hasNext() {
            return emitted < n;
        }

        @Override
        public StandardAddress next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            Division v = villages.get(village % villages.size());
            String roadName = roadName(village, road);
            String d = stage >= 1 ? String.valueOf(door + 1) : null;
            String b = stage >= 2 ? String.valueOf(building + 1) : null;
            String u = stage >= 3 ? String.valueOf(unit + 1) : null;
            String r = stage >= 4 ? String.valueOf((room / 4 + 1) * 100 + room % 4 + 1) : null;
            String code = v.code() + String.format("%09d", emitted);
            double lon = 113.52 + (village * 7 % 74) / 100.0 + road * 0.0003 + door * 0.00002;
            double lat = 22.65 + (village * 13 % 50) / 100.0 + building * 0.00002;
            StandardAddress a = new StandardAddress(code, v.townCode(), v.code(), roadName, d, b, u,
                    AddressParser.floorOfRoom(r), r, null, lon, lat, "G" + v.code().substring(6), AddressStatus.ACTIVE);
            advance();
            emitted++;
            return a;
        }

        private void advance() {
            switch (stage) {
                case 0 -> stage = 1;
                case 1 -> stage = 2;
                case 2 -> stage = 3;
                case 3 -> stage = 4;
                default -> {
                    if (++room < 24) {
                        return;
                    }
                    room = 0;
                    stage = 3;
                    if (++unit < 2) {
                        return;
                    }
                    unit = 0;
                    stage = 2;
                    if (++building < 2) {
                        return;
                    }
                    building = 0;
                    stage = 1;
                    if (++door < 10) {
                        return;
                    }
                    door = 0;
                    stage = 0;
                    if (++road < 20) {
                        return;
                    }
                    road = 0;
                    village++;
                }
            }
        }

        private static String roadName(int village, int road) {
            int h = (village * 31 + road * 17) * 2654435;
            int a = Math.floorMod(h, ROAD_CHARACTERS.length());
            int b = Math.floorMod(h / 7 + road, ROAD_CHARACTERS.length());
            return "" + ROAD_CHARACTERS.charAt(a) + ROAD_CHARACTERS.charAt(b) + (road % 3 == 0 ? "大道" : "路");
        }
    }
}
