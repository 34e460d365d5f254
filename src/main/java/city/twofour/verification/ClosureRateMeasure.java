package city.twofour.verification;

import java.util.HashMap;
import java.util.Map;

import city.twofour.report.MapMeasure;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Colours the report's map by each grid's closure rate (办结率): the cycle's headline figure where it is made. */
@Component
public class ClosureRateMeasure implements MapMeasure.Source {

    private static final String PER_GRID = """
            SELECT code, closure_rate FROM master.verification_progress WHERE level = 'grid' AND code IS NOT NULL
            """;

    private final JdbcTemplate jdbc;

    public ClosureRateMeasure(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public MapMeasure measure() {
        Map<String, Double> perGrid = new HashMap<>();
        jdbc.query(PER_GRID, rs -> {
            perGrid.put(rs.getString("code"), rs.getDouble("closure_rate"));
        });
        return new MapMeasure("closure", "核查办结率 (已办结 ÷ 核查任务数)", MapMeasure.Scale.SHARE, perGrid);
    }
}
