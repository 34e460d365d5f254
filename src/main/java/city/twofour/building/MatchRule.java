package city.twofour.building;

/** Why a delivered row was merged into the building it was, recorded in {@code master.source_record.match_rule}. */
public enum MatchRule {
    /** The row's address resolves to the building's standard building address; score: the match confidence. */
    SAME_ADDRESS,
    /**
     * The row's address resolves to no building, but its point lies within
     * {@link BuildingPlacer#NEAREST_POINT_MAX_METRES} of the building; score: the distance in metres.
     */
    NEAREST_POINT,
    /** A field row at no standard building address and near no known building: a building the field found; score 1. */
    FOUND_BY_FIELD
}
