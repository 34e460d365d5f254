package city.twofour.grid;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import city.twofour.feed.CsvRow;
import city.twofour.feed.RejectReason;
import city.twofour.feed.RejectedRecordException;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Checks a row of a divisions file ({@code code,name,level,parent_code}): codes have the statistical
 * format of their level, and a village lies in a known town whose code starts its own.
 */
public class DivisionValidator implements ItemProcessor<CsvRow, Division> {

    private static final Pattern TOWN_CODE = Pattern.compile("\\d{9}");
    private static final Pattern VILLAGE_CODE = Pattern.compile("\\d{12}");
    private static final Pattern COUNTY_CODE = Pattern.compile("\\d{6}");

    private final Set<String> knownTowns;

    /** @param knownTowns codes of towns already in the master table; towns validated here are added */
    public DivisionValidator(Set<String> knownTowns) {
        this.knownTowns = new HashSet<>(knownTowns);
    }

    @Override
    public Division process(CsvRow row) {
        row.requireWellFormed();
        String code = required(row, "code");
        String name = required(row, "name");
        String levelText = required(row, "level");
        String parentCode = required(row, "parent_code");
        Division.Level level = level(levelText);
        if (level == Division.Level.TOWN) {
            expect(code, TOWN_CODE, "code", "a town code has 9 digits");
            expect(parentCode, COUNTY_CODE, "parent_code", "a town's parent is the 6-digit county-level code");
            if (!code.startsWith(parentCode)) {
                throw new RejectedRecordException("parent_code", RejectReason.UNKNOWN_PARENT,
                        code + " does not start with " + parentCode);
            }
            knownTowns.add(code);
        } else {
            expect(code, VILLAGE_CODE, "code", "a village code has 12 digits");
            expect(parentCode, TOWN_CODE, "parent_code", "a village's parent is a 9-digit town code");
            if (!code.startsWith(parentCode) || !knownTowns.contains(parentCode)) {
                throw new RejectedRecordException("parent_code", RejectReason.UNKNOWN_PARENT,
                        "town " + parentCode + " is not loaded or does not contain " + code);
            }
        }
        return new Division(code, name, level, parentCode);
    }

    private static Division.Level level(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "town" -> Division.Level.TOWN;
            case "village" -> Division.Level.VILLAGE;
            default -> throw new RejectedRecordException("level", RejectReason.BAD_VALUE,
                    "'" + text + "' is neither town nor village");
        };
    }

    private static String required(CsvRow row, String column) {
        String value = row.get(column);
        if (value == null) {
            throw new RejectedRecordException(column, RejectReason.MISSING_REQUIRED_FIELD, null);
        }
        return value;
    }

    private static void expect(String value, Pattern pattern, String field, String rule) {
        if (!pattern.matcher(value).matches()) {
            throw new RejectedRecordException(field, RejectReason.BAD_CODE, "'" + value + "': " + rule);
        }
    }
}
