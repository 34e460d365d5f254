package city.twofour.grid.internal;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the attribute table of a shapefile, a dBASE III file, record by record.
 * <p>
 * Values by field type: {@code C} text with trailing spaces trimmed; {@code N} and {@code F} a {@link BigDecimal}
 * (all asterisks, which writers put for a missing number, is null; other text that is not a number stays text);
 * {@code D} an ISO date text
 * {@code yyyy-MM-dd}; {@code L} a {@link Boolean}; other types their trimmed text. A blank value is null.
 * Text and field names are decoded in the given charset.
 */
public class DbfReader implements Closeable {

    private static final int HEADER_SIZE = 32;
    private static final int FIELD_DESCRIPTOR_SIZE = 32;
    private static final int FIELD_NAME_SIZE = 11;
    private static final byte HEADER_END = 0x0D;
    private static final byte FILE_END = 0x1A;
    private static final byte DELETED = '*';

    /**
     * A record of the table.
     *
     * @param deleted    true when the record is marked deleted; its attributes are then empty
     * @param attributes field name to value, in the order of the fields
     */
    public record DbfRecord(boolean deleted, Map<String, Object> attributes) {
    }

    private record Field(String name, char type, int length) {
    }

    private final DataInputStream in;
    private final Charset charset;
    private final List<Field> fields = new ArrayList<>();
    private final int recordCount;
    private final byte[] record;
    private int recordsRead;

    public DbfReader(InputStream in, Charset charset) throws IOException {
        this.in = new DataInputStream(new BufferedInputStream(in));
        this.charset = charset;
        ByteBuffer header = ByteBuffer.wrap(readBytes(HEADER_SIZE)).order(ByteOrder.LITTLE_ENDIAN);
        recordCount = header.getInt(4);
        int headerLength = Short.toUnsignedInt(header.getShort(8));
        record = new byte[Short.toUnsignedInt(header.getShort(10))];
        byte[] descriptors = readBytes(headerLength - HEADER_SIZE);
        for (int at = 0; at + FIELD_DESCRIPTOR_SIZE <= descriptors.length && descriptors[at] != HEADER_END;
             at += FIELD_DESCRIPTOR_SIZE) {
            fields.add(new Field(fieldName(descriptors, at), (char) descriptors[at + 11],
                    Byte.toUnsignedInt(descriptors[at + 16])));
        }
    }

    /** The next record, or null after the last. */
    public DbfRecord next() throws IOException {
        if (recordsRead == recordCount) {
            return null;
        }
        if (in.readNBytes(record, 0, record.length) < record.length || record[0] == FILE_END) {
            throw new EOFException("the table ends after " + recordsRead + " of its " + recordCount + " records");
        }
        recordsRead++;
        if (record[0] == DELETED) {
            return new DbfRecord(true, Map.of());
        }
        Map<String, Object> attributes = new LinkedHashMap<>();
        int at = 1;
        for (Field field : fields) {
            attributes.put(field.name(), value(field, at));
            at += field.length();
        }
        return new DbfRecord(false, attributes);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    private Object value(Field field, int at) {
        String text = new String(record, at, field.length(), charset).stripTrailing();
        if (text.isBlank()) {
            return null;
        }
        return switch (field.type()) {
            case 'C' -> text;
            case 'N', 'F' -> number(text.strip());
            case 'D' -> text.matches("\\d{8}")
                    ? text.substring(0, 4) + "-" + text.substring(4, 6) + "-" + text.substring(6, 8)
                    : text.strip();
            case 'L' -> switch (text.strip().charAt(0)) {
                case 'T', 't', 'Y', 'y' -> Boolean.TRUE;
                case 'F', 'f', 'N', 'n' -> Boolean.FALSE;
                default -> null;
            };
            default -> text.strip();
        };
    }

    private static Object number(String text) {
        if (text.chars().allMatch(c -> c == '*')) {
            return null;
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            return text;
        }
    }

    private String fieldName(byte[] descriptors, int at) {
        int length = 0;
        while (length < FIELD_NAME_SIZE && descriptors[at + length] != 0) {
            length++;
        }
        return new String(descriptors, at, length, charset).strip();
    }

    private byte[] readBytes(int count) throws IOException {
        byte[] bytes = new byte[count];
        in.readFully(bytes);
        return bytes;
    }
}
