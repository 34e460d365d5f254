package city.twofour.samples;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rates of every kind of noise and coverage gap the generator puts into department feeds.
 * All values are probabilities in [0, 1], applied per feed row (or per truth entity for
 * coverage and staleness). Override any of them by name with {@code --noise name=rate}.
 *
 * @param duplicateInFeed        a row is delivered a second time in the same feed (re-typed, so noise may differ)
 * @param duplicateAcrossFeeds   a registered resident is also listed in the floating-population feed
 * @param nameTypo               a person or unit name has one homophone / look-alike character typo (张→章)
 * @param addressTypo            an address has one homophone / look-alike character typo (岗→港)
 * @param addressVariant         an address is written in a non-standard way (full-width digits, 十八号,
 *                               栋/座/幢/号楼, 室/房, 单元/梯, levels missing or added, old village name)
 * @param oldFormatId            a citizen ID of someone born in the 1900s is written as a 15-digit old number (not a reject)
 * @param badCitizenId           a citizen ID has a typo that breaks its check character (reject)
 * @param badCreditCode          a credit code has a typo that breaks its check character (reject)
 * @param missingField           a required field is empty (reject)
 * @param badDate                a date is not a calendar date (reject)
 * @param badPhone               a phone number has the wrong length or a letter in it (reject)
 * @param wrongColumnCount       a line lacks a field or has one too many (reject)
 * @param brokenQuoting          a quoted field is followed by stray characters (reject)
 * @param coordinateOutsideCity  longitude and latitude are swapped (reject)
 * @param pointOnBoundary        a facility or address point lies exactly on a grid boundary vertex
 * @param straddlingBuilding     a building is placed across a grid boundary
 * @param staleRecord            a person has moved away / a unit has closed, but the department still lists it
 * @param householdCoverage      share of registered residents in the household-registration feed
 * @param floatingCoverage       share of the floating population in the floating-population feed
 * @param addressCoverage        share of standard addresses in the address-library feed
 * @param housingBuildingCoverage share of buildings in the housing building registry (1 / 1.149: field work finds 14.9 % more)
 * @param housingRentalCoverage  share of rental houses in the housing rental registry (1 / 1.168: field work finds 16.8 % more)
 * @param fieldCoverage          share of buildings and rental houses the grid officers collect
 * @param fieldPeopleCoverage    share of the people still living in the village whom the grid officers collect
 * @param marketCoverage         share of units in the business registry
 * @param facilityCoverage       share of facilities in their department's list
 * @param declarationRate        per changed entity (moved, closed, damaged …), the chance it is declared
 * @param falseDeclaration       share of declarations that verification finds untrue
 * @param badRosterRow           a grid-officer roster row without its grid code or with a bad phone (reject);
 *                               one row in 1 / rate, spaced evenly so that even the smallest city has some
 * @param badResult              a verification result for no declaration, by an officer not on the grid's roster, or
 *                               with a corrected value that fails validation (rejects), or delivered twice; these
 *                               four in turn, one result in 1 / rate, spaced evenly
 */
public record NoiseModel(
        double duplicateInFeed,
        double duplicateAcrossFeeds,
        double nameTypo,
        double addressTypo,
        double addressVariant,
        double oldFormatId,
        double badCitizenId,
        double badCreditCode,
        double missingField,
        double badDate,
        double badPhone,
        double wrongColumnCount,
        double brokenQuoting,
        double coordinateOutsideCity,
        double pointOnBoundary,
        double straddlingBuilding,
        double staleRecord,
        double householdCoverage,
        double floatingCoverage,
        double addressCoverage,
        double housingBuildingCoverage,
        double housingRentalCoverage,
        double fieldCoverage,
        double fieldPeopleCoverage,
        double marketCoverage,
        double facilityCoverage,
        double declarationRate,
        double falseDeclaration,
        double badRosterRow,
        double badResult) {

    public NoiseModel {
        for (Map.Entry<String, Double> e : asMap(duplicateInFeed, duplicateAcrossFeeds, nameTypo, addressTypo,
                addressVariant, oldFormatId, badCitizenId, badCreditCode, missingField, badDate, badPhone,
                wrongColumnCount, brokenQuoting, coordinateOutsideCity, pointOnBoundary, straddlingBuilding,
                staleRecord, householdCoverage, floatingCoverage, addressCoverage, housingBuildingCoverage,
                housingRentalCoverage, fieldCoverage, fieldPeopleCoverage, marketCoverage, facilityCoverage, declarationRate,
                falseDeclaration, badRosterRow, badResult).entrySet()) {
            if (!(e.getValue() >= 0 && e.getValue() <= 1)) {
                throw new IllegalArgumentException(e.getKey() + " must be in [0, 1]: " + e.getValue());
            }
        }
    }

    /** The default rates, chosen after the figures in the Dongguan reports. */
    public static NoiseModel defaults() {
        return new NoiseModel(
                0.02, 0.03, 0.02, 0.02, 0.35, 0.05, 0.005, 0.005, 0.003, 0.003, 0.005, 0.002, 0.001,
                0.002, 0.01, 0.05, 0.03,
                0.97, 0.85, 0.98, 1 / 1.149, 1 / 1.168, 1.0, 0.9, 0.95, 0.95, 0.5, 0.1,
                0.03, 0.08);
    }

    /** A copy with one rate replaced. */
    public NoiseModel with(String name, double rate) {
        Map<String, Double> values = values();
        if (!values.containsKey(name)) {
            throw new IllegalArgumentException("unknown noise knob: " + name + " (known: " + values.keySet() + ")");
        }
        values.put(name, rate);
        try {
            RecordComponent[] components = NoiseModel.class.getRecordComponents();
            Class<?>[] types = new Class<?>[components.length];
            Object[] args = new Object[components.length];
            for (int i = 0; i < components.length; i++) {
                types[i] = double.class;
                args[i] = values.get(components[i].getName());
            }
            return NoiseModel.class.getDeclaredConstructor(types).newInstance(args);
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw (RuntimeException) e.getCause();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The knobs by name, in declaration order. */
    public Map<String, Double> values() {
        Map<String, Double> values = new LinkedHashMap<>();
        try {
            for (RecordComponent c : NoiseModel.class.getRecordComponents()) {
                values.put(c.getName(), (Double) c.getAccessor().invoke(this));
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        return values;
    }

    private static Map<String, Double> asMap(double... rates) {
        Map<String, Double> map = new LinkedHashMap<>();
        RecordComponent[] components = NoiseModel.class.getRecordComponents();
        List<String> names = new ArrayList<>();
        for (RecordComponent c : components) {
            names.add(c.getName());
        }
        for (int i = 0; i < rates.length; i++) {
            map.put(names.get(i), rates[i]);
        }
        return map;
    }
}
