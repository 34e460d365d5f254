package city.twofour.feed.internal;

import java.util.Map;

import javax.sql.DataSource;

import city.twofour.feed.RejectReason;
import city.twofour.feed.StagedRow;
import org.springframework.batch.infrastructure.item.database.JdbcCursorItemReader;
import org.springframework.batch.infrastructure.item.database.builder.JdbcCursorItemReaderBuilder;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the staged rows of a delivered file in line order, restartable by position.
 */
public final class StagedRowReader {

    private static final String STAGED_ROWS = """
            SELECT line_no, fields::text AS fields, original, malformation, malformation_detail
              FROM staging.feed_row
             WHERE file_id = ?
             ORDER BY line_no
            """;

    private static final JsonMapper JSON = new JsonMapper();
    private static final TypeReference<Map<String, String>> FIELDS = new TypeReference<>() {
    };

    private StagedRowReader() {
    }

    public static JdbcCursorItemReader<StagedRow> of(String name, DataSource dataSource, long fileId) {
        return new JdbcCursorItemReaderBuilder<StagedRow>()
                .name(name)
                .dataSource(dataSource)
                .sql(STAGED_ROWS)
                .queryArguments(fileId)
                .fetchSize(2_000)
                .connectionAutoCommit(false)
                .rowMapper((rs, n) -> {
                    String fields = rs.getString("fields");
                    String malformation = rs.getString("malformation");
                    return new StagedRow(fileId, rs.getInt("line_no"), fields == null ? Map.of() : JSON.readValue(fields, FIELDS),
                            rs.getString("original"), malformation == null ? null : RejectReason.valueOf(malformation),
                            rs.getString("malformation_detail"));
                })
                .build();
    }
}
