package city.twofour.feed;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decodes GBK and GB18030 text through a table of every two-byte character, made once from the JDK's decoder: one
 * lookup per character instead of the decoder's arithmetic, which made decoding a fifth of reading such a file. Text
 * that is not ASCII and two-byte characters alone (GB18030's four-byte sequences, bad bytes) is left to the decoder.
 */
final class TwoByteTable {

    private static final Map<Charset, TwoByteTable> TABLES = new ConcurrentHashMap<>();

    /** The character of each two-byte sequence (first byte × 256 + second), 0 where there is none. */
    private final char[] characters = new char[1 << 16];

    private TwoByteTable(Charset charset) {
        CharsetDecoder decoder = charset.newDecoder();
        byte[] pair = new byte[2];
        for (int first = 0x81; first <= 0xFE; first++) {
            for (int second = 0x40; second <= 0xFE; second++) {
                pair[0] = (byte) first;
                pair[1] = (byte) second;
                try {
                    CharBuffer decoded = decoder.decode(ByteBuffer.wrap(pair));
                    if (decoded.length() == 1) {
                        characters[first << 8 | second] = decoded.get(0);
                    }
                } catch (CharacterCodingException e) {
                    // not a character: left to the decoder
                }
            }
        }
    }

    /** The table of GBK or GB18030, or null for another charset. */
    static TwoByteTable of(Charset charset) {
        String name = charset.name();
        return name.equals("GBK") || name.equals("GB18030") ? TABLES.computeIfAbsent(charset, TwoByteTable::new) : null;
    }

    /**
     * Decodes the first bytes into the characters.
     *
     * @param chars room for as many characters as bytes
     * @return the number of characters, or -1 when the bytes are not all ASCII and two-byte characters
     */
    int decode(byte[] bytes, int length, char[] chars) {
        int n = 0;
        int i = 0;
        while (i < length) {
            int b = bytes[i] & 0xFF;
            if (b < 0x80) {
                chars[n++] = (char) b;
                i++;
            } else if (i + 1 < length && characters[b << 8 | bytes[i + 1] & 0xFF] != 0) {
                chars[n++] = characters[b << 8 | bytes[i + 1] & 0xFF];
                i += 2;
            } else {
                return -1;
            }
        }
        return n;
    }
}
