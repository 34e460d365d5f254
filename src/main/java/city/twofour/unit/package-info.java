/**
 * Actual units (实有单位): enterprises, individual businesses, institutions and social organisations. The
 * {@code merge-units} job ({@link city.twofour.unit.MergeUnitsJobConfiguration}) merges the business registry into
 * {@code master.unit}; {@link city.twofour.unit.CreditCode} checks unified social credit codes,
 * {@link city.twofour.unit.UnitKind} reads the kind from them, {@link city.twofour.unit.UnitNames} and
 * {@link city.twofour.unit.UnitSimilarity} match units that come without one.
 */
package city.twofour.unit;
