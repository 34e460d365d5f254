package city.twofour.feed;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.util.Arrays;

/**
 * Reads a delivered text file line by line from its bytes, so that one undecodable line is reported on its own
 * instead of corrupting the rest. A byte-order mark (UTF-8 or GB18030) at the start is skipped. Lines are split on
 * {@code \n} (a {@code \r} before it is dropped), which is safe for UTF-8, GBK and GB18030: none of their multi-byte
 * characters contains that byte.
 */
public class FileLines implements Closeable {

    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final byte[] GB18030_BOM = {(byte) 0x84, (byte) 0x31, (byte) 0x95, (byte) 0x33};

    /**
     * A line of the file.
     *
     * @param text       the decoded text, or null when the bytes are not valid in the file's encoding
     * @param terminated false for a last line that ends without a line break (possibly cut off)
     */
    public record Line(int number, String text, byte[] bytes, boolean terminated) {
    }

    private final InputStream in;
    private final CharsetDecoder decoder;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(256);
    private int number;
    private long position;
    private boolean atEnd;

    public FileLines(InputStream in, Charset charset) throws IOException {
        this.in = in.markSupported() ? in : new BufferedInputStream(in, 1 << 16);
        this.decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        skipByteOrderMark();
    }

    /** The next line, or null at the end of the file. */
    public Line next() throws IOException {
        if (atEnd) {
            return null;
        }
        buffer.reset();
        int b;
        while ((b = in.read()) != -1 && b != '\n') {
            buffer.write(b);
        }
        boolean terminated = b == '\n';
        position += buffer.size() + (terminated ? 1 : 0);
        if (!terminated) {
            atEnd = true;
            if (buffer.size() == 0) {
                return null;
            }
        }
        byte[] bytes = buffer.toByteArray();
        int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        number++;
        return new Line(number, decode(bytes, length), bytes, terminated);
    }

    /** Bytes of the file consumed so far, the byte-order mark included. */
    public long position() {
        return position;
    }

    /** Number of the line last returned. */
    public int lineNumber() {
        return number;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    private String decode(byte[] bytes, int length) {
        try {
            return decoder.decode(ByteBuffer.wrap(bytes, 0, length)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private void skipByteOrderMark() throws IOException {
        in.mark(GB18030_BOM.length);
        byte[] start = in.readNBytes(GB18030_BOM.length);
        in.reset();
        if (startsWith(start, UTF8_BOM)) {
            in.skipNBytes(UTF8_BOM.length);
            position = UTF8_BOM.length;
        } else if (startsWith(start, GB18030_BOM)) {
            in.skipNBytes(GB18030_BOM.length);
            position = GB18030_BOM.length;
        }
    }

    private static boolean startsWith(byte[] start, byte[] mark) {
        return start.length >= mark.length && Arrays.equals(start, 0, mark.length, mark, 0, mark.length);
    }
}
