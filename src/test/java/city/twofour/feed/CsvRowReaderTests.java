package city.twofour.feed;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class CsvRowReaderTests {

    @TempDir
    Path folder;

    @Test
    void readsRowsByHeaderNameIgnoringAByteOrderMark() throws Exception {
        Path file = folder.resolve("divisions.csv");
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        Files.write(file, concat(bom, "code,name\n441900006,莞城街道\n441900003,东城街道,extra\n".getBytes(StandardCharsets.UTF_8)));
        CsvRowReader reader = new CsvRowReader("test", file, 7, StandardCharsets.UTF_8, ',');
        reader.open(new ExecutionContext());

        CsvRow first = reader.read();
        CsvRow second = reader.read();

        assertThat(first.get("code")).isEqualTo("441900006");
        assertThat(first.get("name")).isEqualTo("莞城街道");
        assertThat(first.recordNo()).isEqualTo(2);
        assertThat(first.fileId()).isEqualTo(7);
        assertThat(second.recordNo()).isEqualTo(3);
        assertThat(second.columnCount()).isEqualTo(3);
        assertThat(second.original()).isEqualTo("441900003,东城街道,extra");
        assertThat(reader.read()).isNull();
        reader.close();
    }

    @Test
    void aLineWithBrokenQuotingOrACutOffEndIsStillARowThatKnowsWhatIsWrong() throws Exception {
        Path file = folder.resolve("broken.csv");
        Files.writeString(file, "code,name,level\n441900006,\"莞城,town\n441900003,东城街道,town\n441900004,南城");
        CsvRowReader reader = new CsvRowReader("test", file, 1, StandardCharsets.UTF_8, ',');
        reader.open(new ExecutionContext());

        CsvRow brokenQuoting = reader.read();
        CsvRow good = reader.read();
        CsvRow truncated = reader.read();

        assertThat(brokenQuoting.malformation()).isEqualTo(RejectReason.BROKEN_QUOTING);
        assertThat(brokenQuoting.recordNo()).isEqualTo(2);
        assertThat(good.requireWellFormed().get("name")).isEqualTo("东城街道");
        assertThat(catchThrowableOfType(RejectedRecordException.class, truncated::requireWellFormed).reason())
                .isEqualTo(RejectReason.TRUNCATED_LINE);
        reader.close();
    }

    @Test
    void readsGbkFilesWhenToldTheirEncoding() throws Exception {
        Path file = folder.resolve("gbk.csv");
        Files.write(file, "code,name\n441900006,莞城街道\n".getBytes("GBK"));
        CsvRowReader reader = new CsvRowReader("test", file, 1, java.nio.charset.Charset.forName("GBK"), ',');
        reader.open(new ExecutionContext());

        assertThat(reader.read().get("name")).isEqualTo("莞城街道");
        reader.close();
    }

    private static byte[] concat(byte[] a, byte[] b) throws IOException {
        var out = new java.io.ByteArrayOutputStream();
        out.write(a);
        out.write(b);
        return out.toByteArray();
    }
}
