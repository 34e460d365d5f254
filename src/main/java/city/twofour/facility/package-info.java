/**
 * Actual facilities (实有设施): cameras, fire hydrants, street lamps, manhole covers and waste bins. The
 * {@code merge-facilities} job ({@link city.twofour.facility.MergeFacilitiesJobConfiguration}) merges the
 * departments' lists into {@code master.facility}; {@link city.twofour.facility.FacilityRecordBuilder} places each
 * point in its grid and {@link city.twofour.facility.SamePlace} decides when two departments list one facility.
 */
package city.twofour.facility;
