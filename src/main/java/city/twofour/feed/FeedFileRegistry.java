package city.twofour.feed;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Registers delivered files by their content: the same bytes delivered again, under any name, are the same file.
 * Keeps what became of each: its status, row counts, and which file a corrected re-delivery replaced.
 */
public class FeedFileRegistry {

    /** Status of content whose import has started and not finished. */
    public static final String IMPORTING = "importing";
    /** Status of content imported and accounted for. */
    public static final String IMPORTED = "imported";
    /** Status of content without data rows. */
    public static final String EMPTY = "empty";

    private static final String REGISTER = """
            INSERT INTO ops.feed_file (feed, path, file_name, sha256, size_bytes) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (feed, sha256) DO UPDATE SET feed = excluded.feed
            RETURNING id, xmax <> 0 AS already_known, status
            """;

    private static final String START_IMPORT = """
            UPDATE ops.feed_file SET status = ?, fields = ? WHERE id = ?
            """;

    private static final String FIELDS = """
            SELECT fields FROM ops.feed_file WHERE id = ?
            """;

    private static final String FINISH = """
            UPDATE ops.feed_file
               SET status = ?, processed_at = now(), rows_read = ?, rows_loaded = ?, rows_merged = ?, rows_rejected = ?
             WHERE id = ?
            """;

    private static final String LAST_IMPORTED_BY_NAME = """
            SELECT id FROM ops.feed_file
             WHERE feed = ? AND file_name = ? AND id <> ? AND status = 'imported'
             ORDER BY id DESC LIMIT 1
            """;

    private static final String SUPERSEDE = """
            UPDATE ops.feed_file
               SET status = 'superseded', superseded_by = ?
             WHERE id = ?
            """;

    private static final String LINK_PREDECESSOR = """
            UPDATE ops.feed_file SET supersedes = ? WHERE id = ?
            """;

    private static final String RECORD_DELIVERY = """
            INSERT INTO ops.feed_delivery (file_id, path, outcome, job_execution_id) VALUES (?, ?, ?, ?)
            """;

    private final JdbcTemplate jdbc;

    public FeedFileRegistry(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public FeedFile register(String feed, Path path) {
        return register(feed, path, List.of(path));
    }

    /**
     * Registers a file delivered in parts (a shapefile's {@code .shp} beside its {@code .dbf}, {@code .prj}, …) by
     * the content of all its parts in the given order: a change to any part is a new delivery.
     *
     * @param path  the main part, as the registry names the file
     * @param parts all parts, the main part among them
     */
    public FeedFile register(String feed, Path path, List<Path> parts) {
        for (Path part : parts) {
            if (!Files.isRegularFile(part)) {
                throw new IllegalArgumentException("file not found: " + part);
            }
        }
        String sha256 = sha256(parts);
        long size = parts.stream().mapToLong(FeedFileRegistry::size).sum();
        return jdbc.queryForObject(REGISTER,
                (rs, n) -> new FeedFile(rs.getLong("id"), feed, path, sha256, size, rs.getBoolean("already_known"),
                        rs.getString("status")),
                feed, path.toString(), path.getFileName().toString(), sha256, size);
    }

    /** Marks the file as importing, its rows to be staged with values of the given names in this order. */
    public void startImport(long fileId, List<String> fields) {
        jdbc.update(START_IMPORT, ps -> {
            ps.setString(1, IMPORTING);
            ps.setArray(2, ps.getConnection().createArrayOf("text", fields.toArray()));
            ps.setLong(3, fileId);
        });
    }

    /** The names of the values of the file's staged rows, in their order; empty when none were set. */
    public List<String> fields(long fileId) {
        return jdbc.queryForObject(FIELDS, (rs, n) -> rs.getArray(1) == null ? List.<String>of()
                : List.of((String[]) rs.getArray(1).getArray()), fileId);
    }

    /** Records the end of an import: the file's final status and where its rows went. */
    public void finish(long fileId, String status, FeedRowCounts counts) {
        jdbc.update(FINISH, status, counts.read(), counts.loaded(), counts.merged(), counts.rejected(), fileId);
    }

    /** The last imported file of the feed by this name, other than the given one: what a re-delivery replaces. */
    public Long lastImported(String feed, String fileName, long otherThan) {
        List<Long> ids = jdbc.queryForList(LAST_IMPORTED_BY_NAME, Long.class, feed, fileName, otherThan);
        return ids.isEmpty() ? null : ids.get(0);
    }

    /** Marks a file as replaced by its corrected re-delivery, and links the two. */
    public void supersede(long predecessorId, long successorId) {
        jdbc.update(SUPERSEDE, successorId, predecessorId);
        jdbc.update(LINK_PREDECESSOR, predecessorId, successorId);
    }

    /** Records that a file was handed in, and what came of it (ACCEPTED, DUPLICATE_FILE, EMPTY_FILE). */
    public void recordDelivery(FeedFile file, String outcome, Long jobExecutionId) {
        jdbc.update(RECORD_DELIVERY, file.id(), file.path().toString(), outcome, jobExecutionId);
    }

    /** The SHA-256 of the parts' bytes one after the other: of a single file, its own SHA-256. */
    static String sha256(List<Path> parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (Path part : parts) {
                try (InputStream in = Files.newInputStream(part)) {
                    for (int n; (n = in.read(buffer)) > 0; ) {
                        digest.update(buffer, 0, n);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read " + part, e);
                }
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long size(Path path) {
        try {
            return Files.size(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }
}
