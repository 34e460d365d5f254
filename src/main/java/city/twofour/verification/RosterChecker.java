package city.twofour.verification;

import java.util.Set;

import city.twofour.feed.PendingRecord;
import city.twofour.feed.RejectReason;
import city.twofour.feed.RejectedRecordException;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/** Reads a roster row into a grid officer; an officer of a grid the layer does not have is rejected. */
public class RosterChecker implements ItemProcessor<PendingRecord, GridOfficer> {

    private final Set<String> gridCodes;

    public RosterChecker(Set<String> gridCodes) {
        this.gridCodes = gridCodes;
    }

    @Override
    public GridOfficer process(PendingRecord row) {
        String grid = row.text("grid_code");
        if (!gridCodes.contains(grid)) {
            throw new RejectedRecordException("grid_code", RejectReason.UNKNOWN_GRID, "'" + grid + "'");
        }
        return new GridOfficer(row, row.text("officer_code"), row.text("name"), grid, row.text("phone"), row.text("role"));
    }
}
