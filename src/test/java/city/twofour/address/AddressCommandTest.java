package city.twofour.address;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AddressCommandTest {

    private static final String LIBRARY = """
            code,town_code,village_code,road,door_number,building,unit,floor,room,lon,lat,grid_code,status
            A-18,441900003,441900003001,岗贝路,18,,,,,113.761,23.041,G001,active
            A-18-3,441900003,441900003001,岗贝路,18,3,,,,113.761,23.041,G001,active
            A-18-3-501,441900003,441900003001,岗贝路,18,3,,5,501,113.761,23.041,G001,active
            B-1,441900003,441900003004,新兴路,1,,,,,113.780,23.030,G004,active
            C-1,441900004,441900004003,新兴路,1,,,,,113.750,23.010,G003,active
            """;

    @TempDir
    Path dir;

    private Path library;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void writeLibrary() throws IOException {
        library = dir.resolve("library.csv");
        Files.writeString(library, "\uFEFF" + LIBRARY, StandardCharsets.UTF_8);
    }

    @Test
    void parsesATextArgument() {
        int status = run("", "parse", "广东省东莞市东城区岗贝社区岗贝路十八号三栋五零一房");
        assertThat(status).isZero();
        assertThat(out()).isEqualTo("{\"input\":\"广东省东莞市东城区岗贝社区岗贝路十八号三栋五零一房\",\"components\":{"
                + "\"town_code\":\"441900003\",\"town\":\"东城街道\",\"village_code\":\"441900003001\",\"village\":\"岗贝社区\","
                + "\"road\":\"岗贝路\",\"door_number\":\"18\",\"building\":\"3\",\"unit\":null,\"floor\":\"5\",\"room\":\"501\"},"
                + "\"unparsed\":\"\",\"normalized\":\"东城区岗贝社区岗贝路18号3栋501室\","
                + "\"canonical\":\"东莞市东城街道岗贝社区岗贝路18号3栋501室\"}\n");
    }

    @Test
    void parsesAFileFromStandardInput() {
        int status = run("岗贝路18号\n\n岗贝路20号\n", "address", "parse", "--file", "-");
        assertThat(status).isZero();
        assertThat(out().lines()).hasSize(2).allMatch(l -> l.contains("\"road\":\"岗贝路\""));
    }

    @Test
    void matchesAgainstALibrary() {
        int status = run("", "match", "--library", library.toString(), "岗贝社区岗贝路18号3栋501", "岗贝社区岗贝路18号3栋509");
        assertThat(status).isZero();
        String[] lines = out().split("\n");
        assertThat(lines[0]).contains("\"code\":\"A-18-3-501\",\"level\":\"ROOM\",\"confidence\":1.0,\"reason\":\"EXACT\"");
        assertThat(lines[1]).contains("\"code\":\"A-18-3\",\"level\":\"BUILDING\"", "\"reason\":\"FELL_BACK\"",
                "room 509室: not in the library");
    }

    @Test
    void matchesAFileWithCoordinatesInAWebMapSystem() throws IOException {
        Path texts = dir.resolve("texts.txt");
        Files.writeString(texts, "新兴路1号\t113.7555\t23.0130\n新兴路1号\n");
        int status = run("", "match", "--file", texts.toString(), "--library", library.toString(), "--crs", "GCJ02");
        assertThat(status).isZero();
        String[] lines = out().split("\n");
        assertThat(lines[0]).contains("\"code\":\"C-1\"");
        assertThat(lines[1]).contains("\"level\":\"NONE\"", "\"reason\":\"AMBIGUOUS\"");
    }

    @Test
    void printsHelp() {
        assertThat(run("", "--help")).isZero();
        assertThat(out()).startsWith("Usage: address parse");
    }

    @Test
    void usageErrorsExitWithTwoAndOneLineOnStandardError() {
        assertThat(run("")).isEqualTo(2);
        assertThat(err()).isEqualTo("address: missing subcommand: parse or match (try --help)\n");
        assertThat(run("", "match", "岗贝路18号")).isEqualTo(2);
        assertThat(run("", "parse", "--frobnicate")).isEqualTo(2);
        assertThat(run("", "parse")).isEqualTo(2);
        assertThat(run("", "match", "--library", "x.csv", "--lon", "abc", "--lat", "1", "t")).isEqualTo(2);
        assertThat(err().lines()).hasSize(5).allMatch(l -> l.startsWith("address: "));
        assertThat(out()).isEmpty();
    }

    @Test
    void badDataExitsWithOneNamingFileAndLine() throws IOException {
        assertThat(run("", "match", "--library", dir.resolve("none.csv").toString(), "岗贝路18号")).isEqualTo(1);
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, LIBRARY.replace("113.780", "east"));
        assertThat(run("", "match", "--library", bad.toString(), "岗贝路18号")).isEqualTo(1);
        assertThat(err().lines()).containsExactly("address: no such file: " + dir.resolve("none.csv"),
                "address: " + bad + " line 5: lon 'east' is not a number");
    }

    private int run(String stdin, String... args) {
        return AddressCommand.run(args, new BufferedReader(new StringReader(stdin)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
