package city.twofour.grid.internal;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names the coordinate system a shapefile's {@code .prj} declares in WKT (ESRI or OGC form) the way GeoJSON names
 * it: CGCS2000 longitude/latitude ({@code GCS_China_Geodetic_Coordinate_System_2000},
 * {@code China Geodetic Coordinate System 2000}, {@code CGCS2000} or authority EPSG 4490) is {@code EPSG:4490},
 * WGS 84 longitude/latitude ({@code GCS_WGS_1984}, {@code WGS 84} or authority EPSG 4326) is {@code EPSG:4326}. Any
 * other system, projected ones included (such as {@code CGCS2000_3_Degree_GK_CM_114E}, which is based on CGCS2000
 * but in metres), keeps its own name.
 */
public final class PrjCoordinateSystem {

    private static final Pattern EPSG_AUTHORITY = Pattern.compile("(?:AUTHORITY|ID)\\[\\s*\"EPSG\"\\s*,\\s*\"?(\\d+)");
    private static final Pattern FIRST_NAME = Pattern.compile("\"([^\"]*)\"");

    private PrjCoordinateSystem() {
    }

    /** The name of the declared system, null for an empty declaration. */
    public static String name(String wkt) {
        String text = wkt.strip();
        if (text.isEmpty()) {
            return null;
        }
        Matcher quoted = FIRST_NAME.matcher(text);
        String name = quoted.find() ? quoted.group(1) : text;
        String keyword = text.split("[\\[(]", 2)[0].strip().toUpperCase(Locale.ROOT);
        if (keyword.startsWith("GEOGCS") || keyword.startsWith("GEOGCRS") || keyword.startsWith("GEODCRS")) {
            Matcher authority = EPSG_AUTHORITY.matcher(outerLevels(text));
            String code = authority.find() ? authority.group(1) : "";
            String key = name.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
            if (code.equals("4490") || key.contains("CHINAGEODETICCOORDINATESYSTEM2000") || key.equals("CGCS2000")) {
                return "EPSG:4490";
            }
            if (code.equals("4326") || key.equals("WGS84") || key.endsWith("WGS1984")) {
                return "EPSG:4326";
            }
        }
        return name;
    }

    /** The text of the outer element and of its direct children, so that a nested element's authority is left out. */
    private static String outerLevels(String wkt) {
        StringBuilder outer = new StringBuilder();
        int depth = 0;
        boolean quoted = false;
        for (char c : wkt.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '[' || c == '(')) {
                depth++;
            } else if (!quoted && (c == ']' || c == ')')) {
                depth--;
            }
            if (depth <= 2) {
                outer.append(c);
            }
        }
        return outer.toString();
    }
}
