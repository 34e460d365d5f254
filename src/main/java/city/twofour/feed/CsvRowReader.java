package city.twofour.feed;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;

/**
 * Streams the rows of a delimited file with a header line. A UTF-8 byte-order mark is tolerated.
 * Restartable: the step's execution context keeps the number of rows read.
 */
public class CsvRowReader extends AbstractItemCountingItemStreamItemReader<CsvRow> {

    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final Path path;
    private final long fileId;
    private final Charset charset;
    private final char delimiter;

    private CSVParser parser;
    private Iterator<CSVRecord> records;
    private List<String> header;

    public CsvRowReader(String name, Path path, long fileId, Charset charset, char delimiter) {
        setName(name);
        this.path = path;
        this.fileId = fileId;
        this.charset = charset;
        this.delimiter = delimiter;
    }

    @Override
    protected void doOpen() throws IOException {
        InputStream in = skipByteOrderMark(new BufferedInputStream(Files.newInputStream(path)));
        CSVFormat format = CSVFormat.DEFAULT.builder()
                .setDelimiter(delimiter)
                .setHeader()
                .setSkipHeaderRecord(true)
                .setAllowMissingColumnNames(true)
                .setIgnoreEmptyLines(true)
                .get();
        parser = CSVParser.builder().setReader(new InputStreamReader(in, charset)).setFormat(format).get();
        header = parser.getHeaderNames();
        records = parser.iterator();
    }

    @Override
    protected CsvRow doRead() {
        if (!records.hasNext()) {
            return null;
        }
        CSVRecord record = records.next();
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            values.put(header.get(i), i < record.size() ? record.get(i) : null);
        }
        int lineNo = (int) record.getRecordNumber() + 1;
        return new CsvRow(fileId, lineNo, values, record.size(), String.join(String.valueOf(delimiter), record.values()));
    }

    @Override
    protected void doClose() throws IOException {
        if (parser != null) {
            parser.close();
        }
    }

    private static InputStream skipByteOrderMark(BufferedInputStream in) throws IOException {
        in.mark(UTF8_BOM.length);
        byte[] start = in.readNBytes(UTF8_BOM.length);
        if (!java.util.Arrays.equals(start, UTF8_BOM)) {
            in.reset();
        }
        return in;
    }
}
