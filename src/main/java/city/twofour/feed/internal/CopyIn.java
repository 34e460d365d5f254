package city.twofour.feed.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.support.SQLExceptionSubclassTranslator;

/**
 * One {@code COPY ... FROM STDIN} in text format through pgjdbc's CopyManager, on the connection of the current
 * transaction: what is copied commits or rolls back with it. Rows are streamed as they are added, so the server
 * stores them while the caller produces the next ones. Closing an unfinished copy cancels it.
 */
final class CopyIn implements AutoCloseable {

    /** Bytes collected before they are sent to the server. */
    private static final int BUFFER_SIZE = 1 << 16;

    private final DataSource dataSource;
    private final Connection connection;
    private final String copySql;
    private final PGCopyOutputStream copy;
    private final StringBuilder row = new StringBuilder(512);
    private boolean lineStarted;

    CopyIn(DataSource dataSource, String copySql) {
        this.dataSource = dataSource;
        this.copySql = copySql;
        this.connection = DataSourceUtils.getConnection(dataSource);
        try {
            this.copy = new PGCopyOutputStream(connection.unwrap(PGConnection.class), copySql, BUFFER_SIZE);
        } catch (SQLException e) {
            DataSourceUtils.releaseConnection(connection, dataSource);
            throw translate(e);
        }
    }

    /** Appends a column value to the current row; null is SQL NULL. */
    CopyIn value(Object value) {
        return value(value == null ? null : value.toString());
    }

    /** Appends a column value to the current row; null is SQL NULL. */
    CopyIn value(CharSequence text) {
        if (lineStarted) {
            row.append('\t');
        }
        lineStarted = true;
        if (text == null) {
            row.append("\\N");
            return this;
        }
        int first = firstSpecial(text);
        if (first == text.length()) {
            row.append(text); // at once: a part of a text is appended char by char
            return this;
        }
        row.append(text, 0, first);
        for (int i = first; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> row.append("\\\\");
                case '\t' -> row.append("\\t");
                case '\n' -> row.append("\\n");
                case '\r' -> row.append("\\r");
                case '\0' -> row.append('\uFFFD');
                default -> row.append(c);
            }
        }
        return this;
    }

    private static int firstSpecial(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' || c == '\t' || c == '\n' || c == '\r' || c == '\0') {
                return i;
            }
        }
        return text.length();
    }

    /** Ends the current row and sends it on its way. */
    CopyIn endRow() {
        row.append('\n');
        try {
            copy.write(row.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw failed(e);
        }
        row.setLength(0);
        lineStarted = false;
        return this;
    }

    /**
     * Sends what is left and ends the copy.
     *
     * @return the number of rows copied
     */
    long finish() {
        try {
            return copy.endCopy();
        } catch (SQLException e) {
            throw translate(e);
        }
    }

    @Override
    public void close() {
        try {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        } catch (SQLException e) {
            throw translate(e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    private DataAccessException failed(IOException e) {
        return e.getCause() instanceof SQLException sql ? translate(sql)
                : new DataAccessResourceFailureException("COPY failed: " + e.getMessage(), e);
    }

    private DataAccessException translate(SQLException e) {
        DataAccessException translated = new SQLExceptionSubclassTranslator().translate("COPY", copySql, e);
        return translated != null ? translated : new UncategorizedSQLException("COPY", copySql, e);
    }
}
