package city.twofour.population;

/** Sex as encoded in the 17th character of a citizen ID number: odd is male, even is female. */
public enum Sex {
    MALE, FEMALE;

    /** The Chinese label used on registration forms (男 / 女). */
    public String label() {
        return this == MALE ? "男" : "女";
    }
}
