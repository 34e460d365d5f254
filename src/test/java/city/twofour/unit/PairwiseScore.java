package city.twofour.unit;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Pairwise precision and recall of a deduplication: of the pairs of rows merged into one record, the share that are
 * truly one entity (precision); of the pairs of rows that are truly one entity, the share merged into one record
 * (recall). A side without pairs counts as 1.
 */
public record PairwiseScore(long predictedPairs, long truePairs, long correctPairs) {

    /** @param rows one (record code, true entity id) pair per merged row */
    public static PairwiseScore of(List<String[]> rows) {
        return new PairwiseScore(pairs(rows, r -> r[0]), pairs(rows, r -> r[1]), pairs(rows, r -> r[0] + "|" + r[1]));
    }

    public double precision() {
        return predictedPairs == 0 ? 1 : (double) correctPairs / predictedPairs;
    }

    public double recall() {
        return truePairs == 0 ? 1 : (double) correctPairs / truePairs;
    }

    private static long pairs(List<String[]> rows, Function<String[], String> key) {
        Map<String, Long> counts = new HashMap<>();
        rows.forEach(r -> counts.merge(key.apply(r), 1L, Long::sum));
        return counts.values().stream().mapToLong(n -> n * (n - 1) / 2).sum();
    }
}
