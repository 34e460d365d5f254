package city.twofour.facility;

import java.util.Map;

import city.twofour.common.Geometries;
import city.twofour.feed.FeedDefinition;
import city.twofour.feed.PendingRecord;
import city.twofour.feed.RejectReason;
import city.twofour.feed.RejectedRecordException;
import city.twofour.grid.AssignmentMethod;
import city.twofour.grid.CoordinateSystem;
import city.twofour.grid.GridIndex;
import city.twofour.grid.LonLat;
import org.locationtech.jts.geom.Coordinate;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Standardises a delivered facility row: its type (the row's {@code kind} field, else the one type its feed
 * delivers), its point (already CGCS2000 after import) placed in the grid that covers it, following
 * {@link GridIndex#locate}: a point on a boundary shared by several grids, a vertex included, goes to the lowest grid
 * code. A point from a GCJ-02 or BD-09 feed (6 decimals) comes back from the conversion up to a decimetre from where
 * it was surveyed, so such a point within {@value #CONVERTED_POINT_TOLERANCE_METRES} m of a grid boundary counts as on
 * it: it goes to the lowest code among the grids within that distance. A row without a type is rejected.
 */
public class FacilityRecordBuilder implements ItemProcessor<PendingRecord, DeliveredFacility> {

    /** How far a point converted from GCJ-02 or BD-09 may lie from where it was surveyed. */
    public static final double CONVERTED_POINT_TOLERANCE_METRES = 0.2;
    private static final double METRES_PER_DEGREE = 111_320;
    private static final int PROBES = 8;

    private final GridIndex grids;
    private final Map<String, FeedDefinition> feeds;
    private final Map<String, FacilityType> feedTypes;

    /**
     * @param feeds     the merged feeds by name
     * @param feedTypes the type of every facility of a feed that delivers one type only
     */
    public FacilityRecordBuilder(GridIndex grids, Map<String, FeedDefinition> feeds, Map<String, FacilityType> feedTypes) {
        this.grids = grids;
        this.feeds = Map.copyOf(feeds);
        this.feedTypes = Map.copyOf(feedTypes);
    }

    @Override
    public DeliveredFacility process(PendingRecord row) {
        FacilityType type = row.text("kind") != null ? FacilityType.of(row.text("kind")) : feedTypes.get(row.feed());
        if (type == null) {
            throw new RejectedRecordException("kind", RejectReason.MISSING_REQUIRED_FIELD, "the facility type is not given");
        }
        LonLat point = new LonLat(row.number("longitude"), row.number("latitude"));
        FeedDefinition feed = feeds.get(row.feed());
        String grid = feed.coordinateSystem() == CoordinateSystem.GCJ02 || feed.coordinateSystem() == CoordinateSystem.BD09
                ? locateWithin(point, CONVERTED_POINT_TOLERANCE_METRES) : locate(point.lon(), point.lat());
        return new DeliveredFacility(row, row.text("code"), type, row.text("name"), row.text("location"), point, grid,
                grid == null ? null : AssignmentMethod.POINT_IN_GRID, "damaged".equals(row.text("status")),
                feed.department(), feed.priority());
    }

    /** The lowest code among the grids covering the point or a point {@code metres} from it in eight directions. */
    String locateWithin(LonLat point, double metres) {
        String best = locate(point.lon(), point.lat());
        double dLat = metres / METRES_PER_DEGREE;
        double dLon = dLat / Math.cos(Math.toRadians(point.lat()));
        for (int i = 0; i < PROBES; i++) {
            double angle = 2 * Math.PI * i / PROBES;
            String near = locate(point.lon() + dLon * Math.cos(angle), point.lat() + dLat * Math.sin(angle));
            if (near != null && (best == null || near.compareTo(best) < 0)) {
                best = near;
            }
        }
        return best;
    }

    private String locate(double lon, double lat) {
        return grids.locate(Geometries.FACTORY.createPoint(new Coordinate(lon, lat))).orElse(null);
    }
}
