package city.twofour.feed.internal;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import city.twofour.feed.CsvRowReader;
import city.twofour.feed.FeedDefinition;
import city.twofour.feed.FeedDefinitions;
import city.twofour.feed.FeedRowValidator;
import city.twofour.grid.CityExtent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.batch.test.MetaDataInstanceFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest
class ImportFeedRowsTests {

    private static final FeedDefinition FLOATING = FeedDefinitions.read(Path.of("jobs/feeds/floating-population.yml"));

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transaction;

    @TempDir
    Path folder;

    private long fileId;

    @AfterEach
    void removeTheFile() {
        jdbc.update("DELETE FROM staging.feed_record WHERE file_id = ?", fileId);
        jdbc.update("DELETE FROM ops.reject WHERE file_id = ?", fileId);
        jdbc.update("DELETE FROM ops.feed_file WHERE id = ?", fileId);
    }

    @Test
    void aChunkOfBadRowsEndsOnceItHasCollectedTheRejectsItMayHoldInMemory() throws Exception {
        List<String> lines = new ArrayList<>(List.of("姓名,公民身份号码,性别,出生日期,联系电话,居住地址,登记日期"));
        for (int i = 0; i < ImportFeedRows.MAX_REJECTS_PER_CHUNK + 5; i++) {
            lines.add("李娜,4419001990010124,女,1990-01-01,13800138000,东莞市南城街道,2026-11-20");
        }
        lines.add("李娜,441900199001012461,女,1990-01-01,13800138000,东莞市南城街道,2026-11-20");
        Path file = Files.write(folder.resolve("floating-population-bad.csv"), lines, Charset.forName("GB18030"));
        fileId = jdbc.queryForObject("""
                INSERT INTO ops.feed_file (feed, path, file_name, sha256, size_bytes)
                VALUES ('floating-population', ?, ?, 'test-bad-rows', 0) RETURNING id
                """, Long.class, file.toString(), file.getFileName().toString());
        ImportFeedRows rows = new ImportFeedRows(new CsvRowReader("rows", file, fileId, FLOATING.charset(), ','),
                new FeedRowValidator(FLOATING, CityExtent.DONGGUAN), FLOATING.recordFields(), jdbc, 1_000_000);
        rows.open(new ExecutionContext());
        StepContribution first = new StepContribution(MetaDataInstanceFactory.createStepExecution());
        StepContribution second = new StepContribution(MetaDataInstanceFactory.createStepExecution());

        RepeatStatus firstStatus = transaction.execute(status -> execute(rows, first));
        RepeatStatus secondStatus = transaction.execute(status -> execute(rows, second));
        rows.close();

        assertThat(firstStatus).isEqualTo(RepeatStatus.CONTINUABLE);
        assertThat(first.getReadCount()).isEqualTo(ImportFeedRows.MAX_REJECTS_PER_CHUNK);
        assertThat(secondStatus).isEqualTo(RepeatStatus.FINISHED);
        assertThat(second.getReadCount()).isEqualTo(6);
        assertThat(second.getWriteCount()).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM ops.reject WHERE file_id = ?", Long.class, fileId))
                .isEqualTo(ImportFeedRows.MAX_REJECTS_PER_CHUNK + 5L);
    }

    private static RepeatStatus execute(ImportFeedRows rows, StepContribution contribution) {
        try {
            return rows.execute(contribution, null);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
