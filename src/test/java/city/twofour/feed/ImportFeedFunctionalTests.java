package city.twofour.feed;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import city.twofour.common.TestDatabase;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.batch.test.context.SpringBatchTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

@SpringBootTest
@SpringBatchTest
@TestPropertySource(properties = {"twofour.import.chunk-size=3", "twofour.inbox=target/feed-tests/inbox",
        "twofour.outbox=target/feed-tests/outbox"})
class ImportFeedFunctionalTests {

    private static final Path FIXTURES = Path.of("src/test/resources/feed/inbox");
    private static final Path INBOX = Path.of("target/feed-tests/inbox");
    private static final Path OUTBOX = Path.of("target/feed-tests/outbox");

    private static final String FLOATING = "public-security/floating-population-20261120.csv";
    private static final String FLOATING_CORRECTED = "public-security/floating-population-20261120-corrected.csv";

    private static final String DELETE_FEED_DATA = """
            DELETE FROM staging.feed_record WHERE file_id IN (SELECT id FROM ops.feed_file WHERE feed IN ('floating-population', 'business-registry', 'city-parts'));
            DELETE FROM ops.reject WHERE file_id IN (SELECT id FROM ops.feed_file WHERE feed IN ('floating-population', 'business-registry', 'city-parts'));
            DELETE FROM ops.feed_file WHERE feed IN ('floating-population', 'business-registry', 'city-parts');
            """;

    @Autowired
    JobOperatorTestUtils jobs;

    @Autowired
    @Qualifier("importFeedJob")
    Job importFeedJob;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TestDatabase database;

    @BeforeEach
    void freshInboxAndNoFeedData() throws IOException {
        jdbc.execute(DELETE_FEED_DATA);
        deleteRecursively(INBOX.getParent());
        try (Stream<Path> fixtures = Files.walk(FIXTURES)) {
            for (Path fixture : fixtures.filter(Files::isRegularFile).toList()) {
                Path copy = INBOX.resolve(FIXTURES.relativize(fixture).toString());
                Files.createDirectories(copy.getParent());
                Files.copy(fixture, copy);
            }
        }
        jobs.setJob(importFeedJob);
    }

    @AfterEach
    void dropTriggersAndFeedData() throws SQLException {
        dropTrigger();
        database.stopInterfering("ops.reject");
        jdbc.execute(DELETE_FEED_DATA);
    }

    @Test
    void loadsGoodRowsNormalisedAndRejectsEachBadRowWithItsLineFieldAndReason() throws Exception {
        JobExecution execution = jobs.startJob(parameters("floating-population", FLOATING));

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(rejects(FLOATING)).containsExactly(
                entry(4, "citizen_id BAD_CITIZEN_ID_CHECK"), entry(5, "citizen_id BAD_CITIZEN_ID"),
                entry(6, "birth_date CITIZEN_ID_MISMATCH"), entry(7, "sex CITIZEN_ID_MISMATCH"),
                entry(8, "registered_on BAD_DATE"), entry(9, "phone BAD_PHONE"), entry(10, "sex BAD_VALUE"),
                entry(11, "name MISSING_REQUIRED_FIELD"), entry(12, "- WRONG_COLUMN_COUNT"),
                entry(13, "- BROKEN_QUOTING"), entry(14, "- BAD_ENCODING"), entry(17, "- TRUNCATED_LINE"));
        assertThat(count("SELECT count(*) FROM ops.reject WHERE job_execution_id = " + execution.getId())).isEqualTo(12);
        Map<Integer, Map<String, String>> loaded = loaded(FLOATING);
        assertThat(loaded).containsOnlyKeys(2, 3, 16);
        assertThat(loaded.get(3)).containsEntry("citizen_id", "441900197501012012").containsEntry("birth_date", "1975-01-01")
                .containsEntry("sex", "male").containsEntry("registered_on", "2026-11-20");
        assertThat(loaded.get(16)).containsEntry("citizen_id", "441900199001012461").containsEntry("phone", "0769-22123456")
                .containsEntry("name", "何平").containsEntry("registered_on", "2026-11-20");
        assertThat(jdbc.queryForMap("SELECT status, rows_read, rows_loaded, rows_merged, rows_rejected FROM ops.feed_file WHERE path LIKE ?",
                "%" + FLOATING)).containsAllEntriesOf(Map.of("status", "imported", "rows_read", 15L, "rows_loaded", 3L,
                "rows_merged", 0L, "rows_rejected", 12L));
        assertThat(jdbc.queryForObject("SELECT array_to_string(fields, ',') FROM ops.feed_file WHERE id = ?", String.class,
                fileId(FLOATING))).isEqualTo("name,citizen_id,sex,birth_date,phone,address,registered_on");
    }

    @Test
    void writesARejectFileTheDataOfficerCanOpenInExcelFixAndDeliverAgain() throws Exception {
        jobs.startJob(parameters("floating-population", FLOATING));

        Path rejectFile = OUTBOX.resolve("rejects/floating-population/floating-population-20261120.csv.rejects.csv");
        byte[] bytes = Files.readAllBytes(rejectFile);
        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
        List<CSVRecord> records = CSVFormat.EXCEL.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new java.io.StringReader(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8))).getRecords();
        assertThat(records).hasSize(12);
        CSVRecord badCheck = records.get(0);
        assertThat(badCheck.get(0)).isEqualTo("4");
        assertThat(badCheck.get(1)).isEqualTo("citizen_id");
        assertThat(badCheck.get(2)).isEqualTo("BAD_CITIZEN_ID_CHECK");
        assertThat(badCheck.get(3)).contains("公民身份号码校验码错误");
        assertThat(badCheck.get(4)).contains("check character");
        assertThat(badCheck.get(5)).startsWith("王芳,441900198503121230,女");
        assertThat(records.get(9).get(5)).startsWith("郑爽,").contains("\"东莞市大岭山镇");
    }

    @Test
    void loadsUtf8WithAByteOrderMarkAndChecksCreditCodesDatesAndEnumerations() throws Exception {
        String file = "market-supervision/business-registry-20261120.csv";

        JobExecution execution = jobs.startJob(parameters("business-registry", file));

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(rejects(file)).containsExactly(
                entry(3, "credit_code BAD_CREDIT_CODE_CHECK"), entry(4, "credit_code BAD_CREDIT_CODE"),
                entry(5, "established_on BAD_DATE"), entry(6, "status BAD_VALUE"));
        Map<Integer, Map<String, String>> loaded = loaded(file);
        assertThat(loaded).containsOnlyKeys(2, 7);
        assertThat(loaded.get(7)).containsEntry("credit_code", "91441900MA4U11114D")
                .containsEntry("established_on", "2018-05-20").containsEntry("status", "active");
    }

    @Test
    void loadsGbkPipeDelimitedFacilitiesConvertingGcj02ToCgcs2000InsideTheCity() throws Exception {
        String file = "city-management/city-parts-20261120.txt";

        JobExecution execution = jobs.startJob(parameters("city-parts", file));

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(rejects(file)).containsExactly(
                entry(3, "longitude COORDINATE_OUTSIDE_CITY"), entry(4, "longitude BAD_NUMBER"),
                entry(5, "latitude MISSING_REQUIRED_FIELD"), entry(6, "longitude COORDINATE_OUTSIDE_CITY"));
        Map<String, String> hydrant = loaded(file).get(2);
        assertThat(hydrant).containsEntry("kind", "fire_hydrant");
        double lon = Double.parseDouble(hydrant.get("longitude"));
        double lat = Double.parseDouble(hydrant.get("latitude"));
        assertThat(lon).isBetween(113.7520, 113.7560);
        assertThat(lat).isBetween(23.0270, 23.0290);
    }

    @Test
    void aFileDeliveredTwiceIsSkippedTheSecondTimeWithNothingDoubled() throws Exception {
        jobs.startJob(parameters("floating-population", FLOATING));
        Path again = INBOX.resolve("public-security/floating-population-20261120-again.csv");
        Files.copy(INBOX.resolve(FLOATING), again);

        JobExecution second = jobs.startJob(parameters("floating-population", INBOX.relativize(again).toString()));

        assertThat(second.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(second.getStepExecutions()).extracting(s -> s.getStepName()).containsExactly("registerFeedFile");
        assertThat(jdbc.queryForList("""
                SELECT d.outcome FROM ops.feed_delivery d JOIN ops.feed_file f ON f.id = d.file_id
                 WHERE f.feed = 'floating-population' ORDER BY d.id
                """, String.class)).containsExactly("ACCEPTED", "DUPLICATE_FILE");
        assertThat(count("SELECT count(*) FROM ops.feed_file WHERE feed = 'floating-population'")).isEqualTo(1);
        assertThat(loaded(FLOATING)).hasSize(3);
        assertThat(rejects(FLOATING)).hasSize(12);
    }

    @Test
    void aCorrectedReDeliveryUnderTheSameNameReplacesTheRowsOfItsPredecessor() throws Exception {
        jobs.startJob(parameters("floating-population", FLOATING));
        long first = fileId(FLOATING);
        Files.copy(INBOX.resolve(FLOATING_CORRECTED), INBOX.resolve(FLOATING), StandardCopyOption.REPLACE_EXISTING);

        JobExecution corrected = jobs.startJob(parameters("floating-population", FLOATING));

        assertThat(corrected.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        long second = jdbc.queryForObject("SELECT max(id) FROM ops.feed_file WHERE feed = 'floating-population'", Long.class);
        assertThat(jdbc.queryForMap("SELECT status, superseded_by FROM ops.feed_file WHERE id = ?", first))
                .containsEntry("status", "superseded").containsEntry("superseded_by", second);
        assertThat(jdbc.queryForMap("SELECT status, supersedes, rows_read, rows_loaded FROM ops.feed_file WHERE id = ?", second))
                .containsEntry("status", "imported").containsEntry("supersedes", first)
                .containsEntry("rows_read", 4L).containsEntry("rows_loaded", 4L);
        assertThat(count("""
                SELECT count(*) FROM staging.feed_record r JOIN ops.feed_file f ON f.id = r.file_id
                 WHERE f.feed = 'floating-population'
                """)).isEqualTo(4);
        assertThat(count("SELECT count(*) FROM staging.feed_record WHERE file_id = " + first)).isZero();
        assertThat(Path.of(OUTBOX + "/rejects/floating-population/floating-population-20261120.csv.rejects.csv")).doesNotExist();
    }

    @Test
    void aCorrectionUnderAnotherNameReplacesTheFileItNames() throws Exception {
        jobs.startJob(parameters("floating-population", FLOATING));

        JobExecution corrected = jobs.startJob(new JobParametersBuilder(parameters("floating-population", FLOATING_CORRECTED))
                .addString(ImportFeedParameters.REPLACES, "floating-population-20261120.csv").toJobParameters());

        assertThat(corrected.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(jdbc.queryForList("SELECT status FROM ops.feed_file WHERE feed = 'floating-population' ORDER BY id", String.class))
                .containsExactly("superseded", "imported");
        assertThat(count("""
                SELECT count(*) FROM staging.feed_record r JOIN ops.feed_file f ON f.id = r.file_id
                 WHERE f.feed = 'floating-population'
                """)).isEqualTo(4);
    }

    @Test
    void anEmptyFileOrOneWithOnlyAHeaderIsRecordedAsEmptyNotACrash() throws Exception {
        JobExecution empty = jobs.startJob(parameters("floating-population", "public-security/floating-population-empty.csv"));
        JobExecution headerOnly = jobs.startJob(parameters("floating-population", "public-security/floating-population-header-only.csv"));

        assertThat(empty.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(headerOnly.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(jdbc.queryForList("""
                SELECT f.status || ' ' || d.outcome FROM ops.feed_delivery d JOIN ops.feed_file f ON f.id = d.file_id
                 WHERE f.feed = 'floating-population' ORDER BY d.id
                """, String.class)).containsExactly("empty EMPTY_FILE", "empty EMPTY_FILE");
    }

    @Test
    void aFileWithoutARequiredColumnFailsNamingTheColumnBeforeAnythingIsStaged() throws Exception {
        JobExecution execution = jobs.startJob(parameters("floating-population", "public-security/floating-population-no-id-column.csv"));

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(execution.getAllFailureExceptions().get(0)).hasMessageContaining("公民身份号码");
        assertThat(count("SELECT count(*) FROM ops.feed_file WHERE feed = 'floating-population'")).isZero();
    }

    @Test
    void aFileOutsideTheInboxOrNotMatchingTheFeedsPatternIsRefused() throws Exception {
        JobExecution outside = jobs.startJob(parameters("floating-population", "../../../pom.xml"));
        JobExecution otherFeed = jobs.startJob(parameters("floating-population", "market-supervision/business-registry-20261120.csv"));

        assertThat(outside.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(outside.getAllFailureExceptions().get(0)).hasMessageContaining("not inside the inbox");
        assertThat(otherFeed.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(otherFeed.getAllFailureExceptions().get(0)).hasMessageContaining("does not match the file pattern");
    }

    @Test
    void anImportThatFailsHalfWayIsRestartedAndFinishesWithoutDuplicates() throws Exception {
        createTrigger("""
                IF staging.field_value(NEW.fields, (SELECT fields FROM ops.feed_file WHERE id = NEW.file_id), 'citizen_id')
                   = '441900199001012461' THEN RAISE EXCEPTION 'disk full'; END IF; RETURN NEW;""");
        JobParameters parameters = parameters("floating-population", FLOATING);

        JobExecution failed = jobs.startJob(parameters);

        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(loaded(FLOATING)).containsOnlyKeys(2, 3);
        dropTrigger();
        JobExecution restarted = jobs.getJobOperator().restart(failed);

        assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(loaded(FLOATING)).containsOnlyKeys(2, 3, 16);
        assertThat(rejects(FLOATING)).hasSize(12);
        assertThat(jdbc.queryForObject("SELECT status FROM ops.feed_file WHERE id = ?", String.class, fileId(FLOATING)))
                .isEqualTo("imported");
    }

    @Test
    void aRestartAfterTheFeedsFieldsChangedFailsRatherThanStageRowsInTwoOrders() throws Exception {
        createTrigger("IF NEW.line_no = 16 THEN RAISE EXCEPTION 'disk full'; END IF; RETURN NEW;");
        JobExecution failed = jobs.startJob(parameters("floating-population", FLOATING));
        dropTrigger();
        jdbc.update("UPDATE ops.feed_file SET fields = array_remove(fields, 'phone') WHERE id = ?", fileId(FLOATING));

        JobExecution restarted = jobs.getJobOperator().restart(failed);

        assertThat(restarted.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(restarted.getAllFailureExceptions().get(0)).hasMessageContaining("fields are now")
                .hasMessageContaining("when the import of the file started");
        assertThat(loaded(FLOATING)).containsOnlyKeys(2, 3);
    }

    @Test
    void anImportThatFailsWhileRecordingARejectIsRestartedAfterTheLastCommittedChunk() throws Exception {
        database.failWhen("ops.reject", "NEW.record_no = 9");
        JobExecution failed = jobs.startJob(parameters("floating-population", FLOATING));

        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(rejects(FLOATING)).containsOnlyKeys(4, 5, 6, 7);
        assertThat(loaded(FLOATING)).containsOnlyKeys(2, 3);
        database.stopInterfering("ops.reject");
        JobExecution restarted = jobs.getJobOperator().restart(failed);

        assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(loaded(FLOATING)).containsOnlyKeys(2, 3, 16);
        assertThat(rejects(FLOATING)).hasSize(12);
        assertThat(restarted.getStepExecutions()).filteredOn(s -> s.getStepName().equals("importFeedRows"))
                .singleElement().satisfies(s -> assertThat(s.getReadCount()).isEqualTo(9));
    }

    @Test
    void aRowThatIsNeitherLoadedNorRejectedFailsTheImport() throws Exception {
        createTrigger("IF NEW.line_no = 16 THEN RETURN NULL; END IF; RETURN NEW;");

        JobExecution execution = jobs.startJob(parameters("floating-population", FLOATING));

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(execution.getAllFailureExceptions().get(0)).hasMessageContaining("rows do not balance")
                .hasMessageContaining("15 read = 2 loaded + 0 merged + 12 rejected");
        assertThat(jdbc.queryForObject("SELECT status FROM ops.feed_file WHERE id = ?", String.class, fileId(FLOATING)))
                .isEqualTo("importing");
    }

    private void createTrigger(String body) throws SQLException {
        try (Connection owner = database.ownerConnection(); Statement sql = owner.createStatement()) {
            sql.execute("CREATE FUNCTION staging.feed_test_trigger() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                    + body + " END $$");
            sql.execute("""
                    CREATE TRIGGER feed_test_trigger BEFORE INSERT ON staging.feed_record
                    FOR EACH ROW EXECUTE FUNCTION staging.feed_test_trigger()
                    """);
        }
    }

    private void dropTrigger() throws SQLException {
        try (Connection owner = database.ownerConnection(); Statement sql = owner.createStatement()) {
            sql.execute("DROP TRIGGER IF EXISTS feed_test_trigger ON staging.feed_record");
            sql.execute("DROP FUNCTION IF EXISTS staging.feed_test_trigger()");
        }
    }

    private JobParameters parameters(String feed, String file) {
        return jobs.getUniqueJobParametersBuilder()
                .addString(ImportFeedParameters.FEED, feed)
                .addString(ImportFeedParameters.FILE, file)
                .toJobParameters();
    }

    private long fileId(String file) {
        return jdbc.queryForObject("SELECT max(id) FROM ops.feed_file WHERE path LIKE ?", Long.class, "%" + file);
    }

    private long count(String sql) {
        return jdbc.queryForObject(sql, Long.class);
    }

    /** Line number → "field REASON" of the rejects of the last file delivered under that path. */
    private Map<Integer, String> rejects(String file) {
        Map<Integer, String> rejects = new TreeMap<>();
        jdbc.query("SELECT record_no, coalesce(field, '-') || ' ' || reason AS what FROM ops.reject WHERE file_id = ?",
                rs -> {
                    rejects.put(rs.getInt("record_no"), rs.getString("what"));
                }, fileId(file));
        return rejects;
    }

    private Map<Integer, Map<String, String>> loaded(String file) {
        Map<Integer, Map<String, String>> loaded = new TreeMap<>();
        jdbc.query("""
                SELECT r.line_no, r.fields, f.fields AS field_names
                  FROM staging.feed_record r JOIN ops.feed_file f ON f.id = r.file_id WHERE r.file_id = ?
                """, rs -> {
            loaded.put(rs.getInt("line_no"), StagedFields.read(rs));
        }, fileId(file));
        return loaded;
    }

    private static void deleteRecursively(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
