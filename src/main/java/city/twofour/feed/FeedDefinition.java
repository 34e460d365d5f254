package city.twofour.feed;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import city.twofour.grid.CoordinateSystem;

/**
 * A department feed as declared in {@code jobs/feeds/<name>.yml}: where its files come from, how they are written
 * and what each column means. Adding a feed of a known entity type takes a new definition file, not new code.
 *
 * @param name        the feed's name, also the definition's file name ({@code floating-population})
 * @param department  the delivering department, in Chinese (公安局, 市场监督管理局, ...)
 * @param entity      what each row describes
 * @param files       glob of the feed's files, relative to the inbox folder ({@code public-security/流动人口_*.csv})
 * @param encoding    UTF-8, GBK or GB18030; a byte-order mark is tolerated
 * @param delimiter   the one character between fields
 * @param coordinates coordinate system of longitude/latitude fields (CGCS2000, WGS84, GCJ02, BD09); null when none
 * @param priority    rank of this feed as a source of every attribute, 1 = most trusted; a field may override it
 * @param fields      field name → definition, in the order of the file's columns
 */
public record FeedDefinition(String name, String department, EntityType entity, String files, String encoding,
                             String delimiter, String coordinates, int priority, Map<String, FieldDefinition> fields) {

    public Charset charset() {
        return Charset.forName(encoding);
    }

    public char delimiterChar() {
        return delimiter.charAt(0);
    }

    public CoordinateSystem coordinateSystem() {
        return coordinates == null ? CoordinateSystem.CGCS2000 : CoordinateSystem.parse(coordinates);
    }

    /**
     * The names of a checked row's values ({@link FeedRecord}), in order: the feed's fields, then a birth date and a
     * sex that {@link FeedRowValidator} derives from a citizen ID number when the feed has no fields of those names.
     */
    public List<String> recordFields() {
        List<String> names = new ArrayList<>(fields.keySet());
        if (fields.values().stream().anyMatch(f -> f.type() == FieldType.CITIZEN_ID)) {
            for (String derived : List.of(FeedRowValidator.BIRTH_DATE, FeedRowValidator.SEX)) {
                if (!names.contains(derived)) {
                    names.add(derived);
                }
            }
        }
        return List.copyOf(names);
    }

    /** The feed's rank as a source of the attribute: the field's own, else the feed's. */
    public int priorityOf(String field) {
        FieldDefinition definition = fields.get(field);
        return definition == null || definition.priority() == null ? priority : definition.priority();
    }
}
