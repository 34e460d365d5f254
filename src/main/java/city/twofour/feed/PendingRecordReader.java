package city.twofour.feed;

import java.sql.Array;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.batch.infrastructure.item.database.JdbcCursorItemReader;
import org.springframework.batch.infrastructure.item.database.builder.JdbcCursorItemReaderBuilder;

/**
 * Streams the imported rows of some feeds that no golden record links to yet, file by file, line by line. A row
 * leaves the set once a merge links it ({@code master.source_record}) or rejects it, so a restarted merge simply
 * reads what is left: the reader keeps no position of its own.
 */
public final class PendingRecordReader {

    private static final String PENDING_RECORDS = """
            SELECT r.file_id, r.line_no, f.feed, r.fields, f.fields AS field_names, r.original
              FROM staging.feed_record r
              JOIN ops.feed_file f ON f.id = r.file_id
             WHERE f.feed = ANY (?) AND f.status = 'imported'
               AND NOT EXISTS (SELECT 1 FROM master.source_record l WHERE l.file_id = r.file_id AND l.line_no = r.line_no)
             ORDER BY r.file_id, r.line_no
            """;

    private PendingRecordReader() {
    }

    public static JdbcCursorItemReader<PendingRecord> of(String name, DataSource dataSource, List<String> feeds) {
        return new JdbcCursorItemReaderBuilder<PendingRecord>()
                .name(name)
                .dataSource(dataSource)
                .sql(PENDING_RECORDS)
                .preparedStatementSetter(ps -> ps.setArray(1, textArray(ps.getConnection(), feeds)))
                .fetchSize(1_000)
                .connectionAutoCommit(false)
                .saveState(false)
                .rowMapper((rs, n) -> new PendingRecord(rs.getLong("file_id"), rs.getInt("line_no"), rs.getString("feed"),
                        StagedFields.read(rs), rs.getString("original")))
                .build();
    }

    private static Array textArray(Connection connection, List<String> values) throws SQLException {
        return connection.createArrayOf("text", values.toArray());
    }
}
