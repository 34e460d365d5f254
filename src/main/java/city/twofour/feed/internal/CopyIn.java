package city.twofour.feed.internal;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.support.SQLExceptionSubclassTranslator;

/**
 * Rows for PostgreSQL's {@code COPY ... FROM STDIN} in text format, sent through pgjdbc's CopyManager on the
 * connection of the current transaction: what is copied commits or rolls back with the chunk.
 */
final class CopyIn {

    private final StringBuilder rows = new StringBuilder(1 << 16);
    private boolean lineStarted;

    /** Appends a column value; null is SQL NULL. */
    CopyIn value(Object value) {
        if (lineStarted) {
            rows.append('\t');
        }
        lineStarted = true;
        if (value == null) {
            rows.append("\\N");
            return this;
        }
        String text = value.toString();
        int first = firstSpecial(text);
        rows.append(text, 0, first);
        for (int i = first; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> rows.append("\\\\");
                case '\t' -> rows.append("\\t");
                case '\n' -> rows.append("\\n");
                case '\r' -> rows.append("\\r");
                case '\0' -> rows.append('\uFFFD');
                default -> rows.append(c);
            }
        }
        return this;
    }

    private static int firstSpecial(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' || c == '\t' || c == '\n' || c == '\r' || c == '\0') {
                return i;
            }
        }
        return text.length();
    }

    /** Ends the current row. */
    CopyIn endRow() {
        rows.append('\n');
        lineStarted = false;
        return this;
    }

    /** Sends the rows with the given {@code COPY ... FROM STDIN} statement in the current transaction. */
    void copy(DataSource dataSource, String copySql) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn(copySql, new StringReader(rows.toString()));
        } catch (SQLException e) {
            throw new SQLExceptionSubclassTranslator().translate("COPY", copySql, e);
        } catch (IOException e) {
            throw new DataAccessResourceFailureException("COPY failed: " + e.getMessage(), e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }
}
