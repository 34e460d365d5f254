package city.twofour.samples.internal;

import city.twofour.population.Sex;
import city.twofour.samples.RejectReason;
import city.twofour.samples.internal.FeedRows.Truth;
import city.twofour.samples.internal.OperationalMap.Grid;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The grid officers (网格员) of every grid written: one to three a grid, each drawn from a random stream of its own
 * grid, so that a grid has the same officers at every scale and the roster changes nothing else. Writes
 * {@code truth/grid_officers.csv} and the roster feed; a few roster rows are faulty (no grid code, a bad phone),
 * never a grid's first officer, so that every grid keeps an officer on its roster.
 */
final class Roster {

    /** A grid officer: 人员编号 is {@code WG} + grid code + a 2-digit sequence. */
    record Officer(String id, String name) {
    }

    private final Map<String, List<Officer>> onRoster = new HashMap<>();

    private Roster() {
    }

    /** Draws the officers of the grids, writes them, and returns those whose roster row is accepted. */
    static Roster write(List<Grid> grids, long seed, Cadence faults, Csv truth, FeedFile feed) {
        Roster roster = new Roster();
        for (Grid grid : grids) {
            SplittableRandom r = new SplittableRandom(Generator.mix(seed, Long.parseLong(grid.code()), 3));
            List<Officer> accepted = new ArrayList<>();
            int count = 1 + r.nextInt(3);
            for (int i = 1; i <= count; i++) {
                Officer officer = new Officer("WG" + grid.code() + Generator.pad(i, 2),
                        ChineseNames.personName(r, r.nextBoolean() ? Sex.MALE : Sex.FEMALE, r.nextDouble() < 0.8));
                String phone = Generator.mobileFrom(r);
                String post = i == 1 || r.nextDouble() < 0.3 ? "专职网格员" : "兼职网格员";
                truth.row(officer.id(), officer.name(), grid.code(), phone);
                String[] fields = {officer.id(), officer.name(), grid.code(), phone, post};
                Truth t = new Truth("OFFICER", officer.id(), "", grid.code(), null, "", "", "");
                faults.tick();
                if (faults.owed() && i > 1) {
                    boolean missingGrid = faults.taken() % 2 == 0;
                    faults.take();
                    if (missingGrid) {
                        fields[2] = "";
                        t = t.rejected(RejectReason.MISSING_REQUIRED_FIELD, "网格编码", "MISSING_FIELD");
                    } else {
                        fields[3] = TextNoise.badPhone(phone, r);
                        t = t.rejected(RejectReason.BAD_PHONE, "联系电话", "BAD_PHONE");
                    }
                } else {
                    accepted.add(officer);
                }
                feed.write(fields, t);
            }
            roster.onRoster.put(grid.code(), accepted);
        }
        return roster;
    }

    /** One of the officers on the grid's roster. */
    Officer pick(Grid grid, SplittableRandom random) {
        List<Officer> officers = onRoster.get(grid.code());
        return officers.get(random.nextInt(officers.size()));
    }
}
