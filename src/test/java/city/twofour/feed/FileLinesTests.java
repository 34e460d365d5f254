package city.twofour.feed;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FileLinesTests {

    private static final Charset GB18030 = Charset.forName("GB18030");

    @Test
    void numbersLinesAndDropsCarriageReturns() throws IOException {
        FileLines lines = lines("姓名,地址\r\n张三,岗贝路18号\r\n".getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);

        FileLines.Line header = lines.next();
        FileLines.Line row = lines.next();

        assertThat(header.number()).isEqualTo(1);
        assertThat(header.text()).isEqualTo("姓名,地址");
        assertThat(row.number()).isEqualTo(2);
        assertThat(row.text()).isEqualTo("张三,岗贝路18号");
        assertThat(row.terminated()).isTrue();
        assertThat(lines.next()).isNull();
    }

    @Test
    void skipsAUtf8ByteOrderMark() throws IOException {
        byte[] bytes = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, "a,b\n".getBytes(StandardCharsets.UTF_8));

        assertThat(lines(bytes, StandardCharsets.UTF_8).next().text()).isEqualTo("a,b");
    }

    @Test
    void decodesGb18030AndReportsAnUndecodableLineAlone() throws IOException {
        byte[] bytes = concat("莞城街道\n".getBytes(GB18030), new byte[] {(byte) 0x81, '\n'}, "东城\n".getBytes(GB18030));
        FileLines lines = lines(bytes, GB18030);

        assertThat(lines.next().text()).isEqualTo("莞城街道");
        assertThat(lines.next().text()).isNull();
        assertThat(lines.next().text()).isEqualTo("东城");
    }

    @Test
    void decodesGb18030sFourByteCharacters() throws IOException {
        FileLines lines = lines("𠮷野家,东莞\n".getBytes(GB18030), GB18030);

        assertThat(lines.next().text()).isEqualTo("𠮷野家,东莞");
    }

    @Test
    void aGbkFileReadAsUtf8IsUndecodable() throws IOException {
        assertThat(lines("莞城街道\n".getBytes(GB18030), StandardCharsets.UTF_8).next().text()).isNull();
    }

    @Test
    void aLastLineWithoutLineBreakIsMarkedUnterminated() throws IOException {
        FileLines lines = lines("a,b\nc".getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
        lines.next();

        FileLines.Line last = lines.next();

        assertThat(last.text()).isEqualTo("c");
        assertThat(last.terminated()).isFalse();
        assertThat(lines.next()).isNull();
    }

    @Test
    void countsTheLinesThatAreNotBlankAsDecodingEachWould() throws IOException {
        for (Charset charset : new Charset[] {GB18030, StandardCharsets.UTF_8}) {
            byte[] bytes = concat("a,b\n \t\r\n\n\u3000\u3000\n\u2000\n".getBytes(charset), new byte[] {(byte) 0x81, '\n'},
                    "张三\nx\n中a".getBytes(charset));
            long rows = 0;
            FileLines decoded = lines(bytes, charset);
            for (FileLines.Line line = decoded.next(); line != null; line = decoded.next()) {
                rows += CsvRowReader.isRow(line) ? 1 : 0;
            }

            assertThat(lines(bytes, charset).countNonBlank()).as(charset.name()).isEqualTo(rows).isEqualTo(5);
        }
    }

    @Test
    void anEmptyFileHasNoLines() throws IOException {
        assertThat(lines(new byte[0], StandardCharsets.UTF_8).next()).isNull();
    }

    private static FileLines lines(byte[] bytes, Charset charset) throws IOException {
        return new FileLines(new ByteArrayInputStream(bytes), charset);
    }

    private static byte[] concat(byte[]... parts) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.write(part);
        }
        return out.toByteArray();
    }
}
