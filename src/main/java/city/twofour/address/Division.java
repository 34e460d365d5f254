package city.twofour.address;

/**
 * An administrative division an address can name: a town or subdistrict (镇街, 9-digit code) or a
 * village or community (村/社区, 12-digit code).
 *
 * @param code       the NBS statistical division code
 * @param name       the official name ({@code 岗贝社区居民委员会}, {@code 东城街道})
 * @param shortName  the name as written in standard addresses ({@code 岗贝社区}, {@code 东城街道})
 * @param parentCode the town code of a village; the county code of a town
 */
public record Division(String code, String name, String shortName, String parentCode) {

    /** Length of a town (镇街) code. */
    public static final int TOWN_CODE_LENGTH = 9;

    /** Length of a village (村/社区) code. */
    public static final int VILLAGE_CODE_LENGTH = 12;

    /** A division under its official name, with the short name standard addresses write it by. */
    public static Division official(String code, String name, String parentCode) {
        return new Division(code, name, DivisionAliases.shortName(name), parentCode);
    }

    /** True for a village or community, false for a town. */
    public boolean isVillage() {
        return code.length() == VILLAGE_CODE_LENGTH;
    }

    /** The town code: the code itself for a town, the first nine digits for a village. */
    public String townCode() {
        return code.substring(0, TOWN_CODE_LENGTH);
    }
}
