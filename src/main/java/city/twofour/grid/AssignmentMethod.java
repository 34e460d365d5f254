package city.twofour.grid;

/** How a record was assigned to a grid. */
public enum AssignmentMethod {
    /** The record's own point lies in the grid. */
    POINT_IN_GRID,
    /** The record's footprint (building outline) overlaps the grid more than any other. */
    FOOTPRINT_LARGEST_OVERLAP,
    /** The record has no usable geometry; the point of its matched standard address lies in the grid. */
    ADDRESS_POINT
}
