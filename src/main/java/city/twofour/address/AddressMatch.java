package city.twofour.address;

import java.util.List;

/**
 * The result of matching a free-text address against the standard address library.
 *
 * @param code        the most specific standard address code reached: an entry's code, or the
 *                    village code at {@link MatchLevel#VILLAGE}; null at {@link MatchLevel#NONE}
 * @param level       the level of {@code code}
 * @param confidence  in [0, 1]; 0 when nothing was matched
 * @param townCode    town of the match (or as parsed), may be null
 * @param villageCode village of the match (or as parsed), may be null
 * @param reason      why the match stopped where it did
 * @param explanation one line per component: what matched, what did not and why
 * @param parsed      the parsed text
 */
public record AddressMatch(
        String code, MatchLevel level, double confidence, String townCode, String villageCode,
        Reason reason, List<String> explanation, ParsedAddress parsed) {

    /** Why a match ended at its level. */
    public enum Reason {
        /** Every component the text gave was found. */
        EXACT,
        /** A finer component was not in the library (or retired); the match stops above it. */
        FELL_BACK,
        /** The text names no village and no road. */
        INSUFFICIENT,
        /** The road is not in the library (not even as a near spelling) for the village. */
        ROAD_NOT_FOUND,
        /** Several standard addresses fit equally and nothing in the text or coordinates decides. */
        AMBIGUOUS,
        /** A match was found but its confidence is below the threshold. */
        LOW_CONFIDENCE
    }

    public AddressMatch {
        explanation = List.copyOf(explanation);
    }

    /** True if a code was found. */
    public boolean isMatched() {
        return level != MatchLevel.NONE;
    }
}
