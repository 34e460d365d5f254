package city.twofour.feed;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class TwoByteTableTests {

    private static final Charset GB18030 = Charset.forName("GB18030");

    @ParameterizedTest
    @ValueSource(strings = {"GBK", "GB18030"})
    void decodesEveryTwoByteSequenceItDecodesAsTheJdkDoes(String name) {
        Charset charset = Charset.forName(name);
        TwoByteTable table = TwoByteTable.of(charset);
        char[] chars = new char[2];
        int decoded = 0;
        for (int first = 0x80; first <= 0xFF; first++) {
            for (int second = 0x00; second <= 0xFF; second++) {
                byte[] pair = {(byte) first, (byte) second};
                int n = table.decode(pair, 2, chars);
                if (n >= 0) {
                    assertThat(new String(chars, 0, n)).isEqualTo(new String(pair, charset));
                    decoded++;
                }
            }
        }
        assertThat(decoded).as("the two-byte characters of " + name).isGreaterThan(20_000);
    }

    @Test
    void leavesFourByteSequencesAndBadBytesToTheDecoder() {
        TwoByteTable table = TwoByteTable.of(GB18030);
        byte[] chinese = "东莞市,a1".getBytes(GB18030);
        byte[] fourBytes = "𠮷野家".getBytes(GB18030);
        char[] chars = new char[16];

        assertThat(new String(chars, 0, table.decode(chinese, chinese.length, chars))).isEqualTo("东莞市,a1");
        assertThat(table.decode(fourBytes, fourBytes.length, chars)).isEqualTo(-1);
        assertThat(table.decode(new byte[] {(byte) 0x81, ','}, 2, chars)).isEqualTo(-1);
        assertThat(table.decode(chinese, 1, chars)).as("a character cut off").isEqualTo(-1);
        assertThat(TwoByteTable.of(StandardCharsets.UTF_8)).isNull();
    }
}
