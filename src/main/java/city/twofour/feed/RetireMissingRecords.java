package city.twofour.feed;

import java.util.List;
import java.util.stream.Collectors;

import city.twofour.common.ChangeReason;
import city.twofour.common.Console;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Retires the golden records that no current delivery holds any more. A department feed delivers its whole list
 * each time, so a feed's current delivery is its latest imported file whose rows are all merged or rejected: a feed
 * that delivered nothing, an empty file or the same bytes again leave the previous delivery current, and a corrected
 * re-delivery takes the place of the file it corrects. A record none of whose rows is in a current delivery of any
 * feed gets status {@code retired}, and its history and change-log entries name the current deliveries it is not in.
 * <p>
 * A row that the current delivery rejected still holds a record when its line, as delivered, holds the key an
 * earlier row of the record came under (an ID number, a registry number): the department still lists it, with a
 * mistake to fix. A record already retired is left alone, so running the step again changes nothing; the merge
 * brings a record back when a later delivery holds it again. Runs after the merge and its accounting.
 */
public class RetireMissingRecords implements Tasklet {

    /** The place of a file in its feed's order of delivery is that of the first file of its chain of corrections. */
    private static final String CURRENT_DELIVERIES = """
            WITH RECURSIVE delivery (id, place) AS (
                    SELECT id, id FROM ops.feed_file WHERE feed = ANY (?) AND supersedes IS NULL
                    UNION ALL
                    SELECT f.id, d.place FROM ops.feed_file f JOIN delivery d ON f.supersedes = d.id)
            SELECT DISTINCT ON (f.feed) f.feed, f.id, f.file_name
              FROM delivery d JOIN ops.feed_file f ON f.id = d.id
             WHERE f.status = 'imported' AND f.rows_loaded = 0
             ORDER BY f.feed, d.place DESC, d.id DESC
            """;

    /**
     * Only the records in no current file are matched against the rejected lines: a rejected line is searched for
     * the keys of a few records, not of every row of the feed.
     */
    private static final String RETIRE = """
            WITH missing AS MATERIALIZED (
                    SELECT s.code
                      FROM (%2$s) s
                     GROUP BY s.code
                    HAVING NOT bool_or(s.file_id = ANY (?))),
                 listed_with_a_mistake AS (
                    SELECT s.code
                      FROM (%2$s) s
                      JOIN missing m ON m.code = s.code
                      JOIN ops.feed_file f ON f.feed = s.feed AND f.id = ANY (?)
                      JOIN ops.reject j ON j.file_id = f.id AND strpos(j.original, s.source_key) > 0)
            UPDATE master.%1$s t SET status = 'retired', updated_at = now()
              FROM missing r
             WHERE t.code = r.code AND t.status <> 'retired'
               AND NOT EXISTS (SELECT 1 FROM listed_with_a_mistake l WHERE l.code = r.code)
            """;

    private final JdbcTemplate jdbc;
    private final String job;
    private final String[] feeds;
    private final List<RetiringTable> tables;

    /**
     * @param job    the merge job, named in the reason
     * @param feeds  the feeds it merges
     * @param tables the tables whose records it retires
     */
    public RetireMissingRecords(JdbcTemplate jdbc, String job, List<String> feeds, List<RetiringTable> tables) {
        this.jdbc = jdbc;
        this.job = job;
        this.feeds = feeds.toArray(String[]::new);
        this.tables = tables;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        List<Delivery> current = jdbc.query(CURRENT_DELIVERIES,
                ps -> ps.setArray(1, ps.getConnection().createArrayOf("text", feeds)),
                (rs, n) -> new Delivery(rs.getString("feed"), rs.getLong("id"), rs.getString("file_name")));
        Long[] files = current.stream().map(Delivery::fileId).toArray(Long[]::new);
        ChangeReason.set(jdbc, job + ": in no current delivery of "
                + current.stream().map(Delivery::toString).collect(Collectors.joining(", ")));
        for (RetiringTable table : tables) {
            int retired = jdbc.update(RETIRE.formatted(table.table(), table.sourceRows()), ps -> {
                ps.setArray(1, ps.getConnection().createArrayOf("bigint", files));
                ps.setArray(2, ps.getConnection().createArrayOf("bigint", files));
            });
            contribution.incrementWriteCount(retired);
            if (retired > 0) {
                Console.say("%s: %,d records in no current delivery, retired", table.table(), retired);
            }
        }
        return RepeatStatus.FINISHED;
    }

    /** A feed's current delivery. */
    private record Delivery(String feed, long fileId, String fileName) {

        @Override
        public String toString() {
            return feed + " (" + fileName + ", file " + fileId + ")";
        }
    }
}
