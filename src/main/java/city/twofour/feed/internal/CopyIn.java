package city.twofour.feed.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.support.SQLExceptionSubclassTranslator;

/**
 * One {@code COPY ... FROM STDIN (FORMAT binary)} through pgjdbc's CopyManager, on the connection of the current
 * transaction: what is copied commits or rolls back with it. Rows are streamed as they are added, so the server
 * stores them while the caller produces the next ones. Closing an unfinished copy cancels it.
 * <p>
 * The binary format spares the server parsing and unescaping text, and the caller escaping it: each value goes as
 * its length and its bytes, text in UTF-8 written straight into the buffer. The caller adds each row's values in the
 * order and with the types of the statement's columns ({@code bigint}, {@code integer}, {@code text}).
 */
final class CopyIn implements AutoCloseable {

    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0};
    private static final int NULL_LENGTH = -1;
    private static final char REPLACEMENT = '\uFFFD';

    /** Bytes collected before they are sent to the server as one message. */
    private static final int SEND_AT = 1 << 16;

    private final DataSource dataSource;
    private final Connection connection;
    private final String copySql;
    private final org.postgresql.copy.CopyIn copy;
    private final short columns;
    private byte[] buffer = new byte[SEND_AT + 4096];
    private int length;
    private char[] chars = new char[256];
    private boolean inRow;

    /**
     * @param columns the number of columns the statement copies into
     */
    CopyIn(DataSource dataSource, String copySql, int columns) {
        this.dataSource = dataSource;
        this.copySql = copySql;
        this.columns = (short) columns;
        this.connection = DataSourceUtils.getConnection(dataSource);
        try {
            this.copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(copySql);
        } catch (SQLException e) {
            DataSourceUtils.releaseConnection(connection, dataSource);
            throw translate(e);
        }
        System.arraycopy(SIGNATURE, 0, buffer, 0, SIGNATURE.length);
        length = SIGNATURE.length;
        putInt(0); // flags
        putInt(0); // length of the header extension
    }

    /** Appends a {@code bigint} value to the current row. */
    CopyIn int8(long value) {
        startValue(12);
        putInt(8);
        putInt((int) (value >>> 32));
        putInt((int) value);
        return this;
    }

    /** Appends an {@code integer} value to the current row. */
    CopyIn int4(int value) {
        startValue(8);
        putInt(4);
        putInt(value);
        return this;
    }

    /** Appends a {@code text} value to the current row in UTF-8, a NUL character as U+FFFD; null is SQL NULL. */
    CopyIn text(CharSequence text) {
        if (text == null) {
            startValue(4);
            putInt(NULL_LENGTH);
            return this;
        }
        int start = startText(text.length());
        utf8(charsOf(text, text.length()), text.length());
        return endText(start);
    }

    /**
     * Appends one {@code text} value made of the parts with an ASCII separator between them, a null part as nothing,
     * in UTF-8 as {@link #text(CharSequence)}: the parts go straight into the buffer, not joined first.
     */
    CopyIn text(List<String> parts, char separator) {
        int characters = parts.size() - 1;
        for (String part : parts) {
            characters += part == null ? 0 : part.length();
        }
        int start = startText(characters);
        for (int i = 0; i < parts.size(); i++) {
            if (i > 0) {
                buffer[length++] = (byte) separator;
            }
            String part = parts.get(i);
            if (part != null) {
                utf8(charsOf(part, part.length()), part.length());
            }
        }
        return endText(start);
    }

    /** Makes room for a text of the given characters and leaves a place for its length, where it returns. */
    private int startText(int characters) {
        startValue(4 + 3 * characters);
        int start = length;
        length += 4;
        return start;
    }

    /** Writes the length of the text begun at the place. */
    private CopyIn endText(int start) {
        int end = length;
        length = start;
        putInt(end - start - 4);
        length = end;
        return this;
    }

    /** Ends the current row; rows are sent whenever enough have been collected. */
    CopyIn endRow() {
        inRow = false;
        if (length >= SEND_AT) {
            send();
        }
        return this;
    }

    /**
     * Sends what is left and ends the copy.
     *
     * @return the number of rows copied
     */
    long finish() {
        ensure(2);
        putShort(-1); // the trailer
        send();
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

    /** Makes room for a value of at most the given bytes, first starting the row with its number of values. */
    private void startValue(int bytes) {
        ensure(2 + bytes);
        if (!inRow) {
            putShort(columns);
            inRow = true;
        }
    }

    private void send() {
        try {
            copy.writeToCopy(buffer, 0, length);
        } catch (SQLException e) {
            throw translate(e);
        }
        length = 0;
    }

    /** The characters of the text in {@link #chars}: copied at once, which is faster than one by one. */
    private char[] charsOf(CharSequence text, int n) {
        if (chars.length < n) {
            chars = new char[Math.max(n, 2 * chars.length)];
        }
        if (text instanceof String s) {
            s.getChars(0, n, chars, 0);
        } else if (text instanceof StringBuilder b) {
            b.getChars(0, n, chars, 0);
        } else {
            for (int i = 0; i < n; i++) {
                chars[i] = text.charAt(i);
            }
        }
        return chars;
    }

    /** Writes the characters in UTF-8; the buffer has room for three bytes a character. */
    private void utf8(char[] text, int n) {
        byte[] out = buffer;
        int at = length;
        for (int i = 0; i < n; i++) {
            char c = text[i];
            if (c < 0x80 && c != 0) {
                out[at++] = (byte) c;
            } else if (c < 0x800 && c != 0) {
                out[at++] = (byte) (0xC0 | c >> 6);
                out[at++] = (byte) (0x80 | c & 0x3F);
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text[i + 1])) {
                int code = Character.toCodePoint(c, text[++i]);
                out[at++] = (byte) (0xF0 | code >> 18);
                out[at++] = (byte) (0x80 | code >> 12 & 0x3F);
                out[at++] = (byte) (0x80 | code >> 6 & 0x3F);
                out[at++] = (byte) (0x80 | code & 0x3F);
            } else {
                char d = c == 0 || Character.isSurrogate(c) ? REPLACEMENT : c;
                out[at++] = (byte) (0xE0 | d >> 12);
                out[at++] = (byte) (0x80 | d >> 6 & 0x3F);
                out[at++] = (byte) (0x80 | d & 0x3F);
            }
        }
        length = at;
    }

    private void ensure(int room) {
        if (length + room > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(length + room, 2 * buffer.length));
        }
    }

    private void putInt(int value) {
        buffer[length++] = (byte) (value >>> 24);
        buffer[length++] = (byte) (value >>> 16);
        buffer[length++] = (byte) (value >>> 8);
        buffer[length++] = (byte) value;
    }

    private void putShort(int value) {
        buffer[length++] = (byte) (value >>> 8);
        buffer[length++] = (byte) value;
    }

    private DataAccessException translate(SQLException e) {
        DataAccessException translated = new SQLExceptionSubclassTranslator().translate("COPY", copySql, e);
        return translated != null ? translated : new UncategorizedSQLException("COPY", copySql, e);
    }
}
