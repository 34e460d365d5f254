package city.twofour.feed;

/**
 * What a department feed delivers: one of the master-data entities a feed row describes.
 */
public enum EntityType {
    PERSON,
    BUILDING,
    RENTAL_HOUSE,
    UNIT,
    FACILITY,
    ADDRESS,
    DECLARATION,
    VERIFICATION_RESULT,
    OFFICER
}
