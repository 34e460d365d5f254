package city.twofour.verification;

import java.util.Optional;

/**
 * Finds the place a declaration or a corrected result speaks of, from the standard address library, the master
 * records and the grid layer.
 */
public interface Places {

    /**
     * The standard address a free-text address matches at door level or finer, with its grid.
     * An address matched only to its village or road gives a place with the village and no grid.
     */
    Optional<Place> ofAddress(String text);

    /** The place of a master record: its address, grid and point; empty when the table has no such record. */
    Optional<Place> ofRecord(String entity, String key);

    /** The grid whose name the text ends with (e.g. {@code 莞城街道东正社区东正社区第1网格}) in the village it names. */
    Optional<Place> ofGridNamedIn(String text);

    /** The grid containing a point (CGCS2000). */
    Optional<String> gridAt(double lon, double lat);
}
