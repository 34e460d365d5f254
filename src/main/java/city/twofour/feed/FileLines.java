package city.twofour.feed;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
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
     * @param original   the text with bytes that are not valid shown as U+FFFD: the text itself when it is valid
     * @param terminated false for a last line that ends without a line break (possibly cut off)
     */
    public record Line(int number, String text, String original, boolean terminated) {
    }

    private static final int BUFFER_SIZE = 1 << 16;

    private static final char REPLACEMENT = '\uFFFD';

    private final InputStream in;
    private final Charset charset;
    private final CharsetDecoder decoder;
    /** Kept for the file: a decoder per line costs more than the decoding. Null where the JDK's strings decode faster. */
    private final CharsetDecoder lenient;
    private final TwoByteTable twoByte;
    private CharBuffer chars = CharBuffer.allocate(256);
    private final byte[] buffer = new byte[BUFFER_SIZE];
    private int start;
    private int end;
    private byte[] line = new byte[256];
    private int number;
    private long position;
    private boolean atEnd;

    public FileLines(InputStream in, Charset charset) throws IOException {
        this.in = in;
        this.charset = charset;
        this.decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        this.lenient = charset.equals(StandardCharsets.UTF_8) ? null : charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        this.twoByte = TwoByteTable.of(charset);
        skipByteOrderMark();
    }

    /** The next line, or null at the end of the file. */
    public Line next() throws IOException {
        int length = readLine();
        if (length < 0) {
            return null;
        }
        String original = decodeLeniently(textLength(length));
        return new Line(number, isValid(original, textLength(length)) ? original : null, original, !atEnd);
    }

    /**
     * Counts the lines from here to the end that are not blank, a line that is not valid text included, by the rules
     * of {@link String#isBlank()}. Decodes only the lines whose bytes cannot tell: ASCII punctuation
     * ({@code !"#$%&'()*+,-./:;<=>?}) never occurs inside a multi-byte character of UTF-8, GBK or GB18030, and a
     * line of ASCII alone is its bytes.
     */
    public long countNonBlank() throws IOException {
        long count = 0;
        for (int length = readLine(); length >= 0; length = readLine()) {
            if (!isBlank(length)) {
                count++;
            }
        }
        return count;
    }

    private boolean isBlank(int length) {
        boolean ascii = true;
        for (int i = 0; i < length; i++) {
            int b = line[i] & 0xFF;
            if (b >= 0x80) {
                ascii = false;
            } else if (b >= '!' && b <= '/' || b >= ':' && b <= '?' || ascii && !Character.isWhitespace(b)) {
                return false; // before the first non-ASCII byte, any byte is a character of its own
            }
        }
        if (ascii) {
            return true;
        }
        String text = decodeLeniently(textLength(length));
        return isValid(text, textLength(length)) && text.isBlank();
    }

    /**
     * Reads the next line into {@link #line}.
     *
     * @return its length in bytes, or -1 at the end of the file
     */
    private int readLine() throws IOException {
        if (atEnd) {
            return -1;
        }
        int length = 0;
        boolean terminated = false;
        while (!terminated) {
            if (start == end && !fill()) {
                break;
            }
            int stop = start;
            while (stop < end && buffer[stop] != '\n') {
                stop++;
            }
            length = append(length, stop - start);
            terminated = stop < end;
            start = terminated ? stop + 1 : stop;
        }
        position += length + (terminated ? 1 : 0);
        if (!terminated) {
            atEnd = true;
            if (length == 0) {
                return -1;
            }
        }
        number++;
        return length;
    }

    /** The length of the line's text: without a carriage return before the line break. */
    private int textLength(int length) {
        return length > 0 && line[length - 1] == '\r' ? length - 1 : length;
    }

    private int append(int length, int count) {
        if (length + count > line.length) {
            line = Arrays.copyOf(line, Math.max(line.length * 2, length + count));
        }
        System.arraycopy(buffer, start, line, length, count);
        return length + count;
    }

    private boolean fill() throws IOException {
        int n = in.read(buffer, 0, buffer.length);
        start = 0;
        end = Math.max(n, 0);
        return n > 0;
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

    /** The first bytes of the line as text, bytes that are not valid as U+FFFD. */
    private String decodeLeniently(int length) {
        if (lenient == null) {
            return new String(line, 0, length, charset);
        }
        int capacity = (int) Math.ceil(length * (double) lenient.maxCharsPerByte());
        if (chars.capacity() < capacity) {
            chars = CharBuffer.allocate(Math.max(capacity, 2 * chars.capacity()));
        }
        if (twoByte != null) {
            int n = twoByte.decode(line, length, chars.array());
            if (n >= 0) {
                return new String(chars.array(), 0, n);
            }
        }
        chars.clear();
        lenient.reset().decode(ByteBuffer.wrap(line, 0, length), chars, true);
        lenient.flush(chars);
        return new String(chars.array(), 0, chars.position());
    }

    /**
     * Whether the first bytes of the line are valid text, given them decoded leniently (the fast path): a line
     * without U+FFFD is; only one with it is decoded strictly, to tell bad bytes from a delivered U+FFFD.
     */
    private boolean isValid(String lenientText, int length) {
        if (lenientText.indexOf(REPLACEMENT) < 0) {
            return true;
        }
        try {
            decoder.reset().decode(ByteBuffer.wrap(line, 0, length));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private void skipByteOrderMark() throws IOException {
        while (end < GB18030_BOM.length) {
            int n = in.read(buffer, end, buffer.length - end);
            if (n <= 0) {
                break;
            }
            end += n;
        }
        byte[] first = Arrays.copyOf(buffer, Math.min(end, GB18030_BOM.length));
        if (startsWith(first, UTF8_BOM)) {
            start = UTF8_BOM.length;
        } else if (startsWith(first, GB18030_BOM)) {
            start = GB18030_BOM.length;
        }
        position = start;
    }

    private static boolean startsWith(byte[] start, byte[] mark) {
        return start.length >= mark.length && Arrays.equals(start, 0, mark.length, mark, 0, mark.length);
    }
}
