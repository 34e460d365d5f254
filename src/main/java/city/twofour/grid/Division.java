package city.twofour.grid;

/**
 * An administrative division (行政区划): a town/subdistrict (镇街) or a village/community (村/社区).
 */
public record Division(String code, String name, Level level, String parentCode) {

    public enum Level {
        TOWN, VILLAGE
    }
}
