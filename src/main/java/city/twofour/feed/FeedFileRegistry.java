package city.twofour.feed;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Registers delivered files by their content: the same bytes delivered again, under any name, are the same file.
 */
public class FeedFileRegistry {

    private static final String REGISTER = """
            INSERT INTO ops.feed_file (feed, path, sha256, size_bytes) VALUES (?, ?, ?, ?)
            ON CONFLICT (feed, sha256) DO UPDATE SET feed = excluded.feed
            RETURNING id, xmax <> 0 AS already_known
            """;

    private final JdbcTemplate jdbc;

    public FeedFileRegistry(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public FeedFile register(String feed, Path path) {
        if (!Files.isRegularFile(path)) {
            throw new IllegalArgumentException("file not found: " + path);
        }
        String sha256 = sha256(path);
        long size = size(path);
        return jdbc.queryForObject(REGISTER,
                (rs, n) -> new FeedFile(rs.getLong("id"), feed, path, sha256, size, rs.getBoolean("already_known")),
                feed, path.toString(), sha256, size);
    }

    static String sha256(Path path) {
        try (InputStream in = Files.newInputStream(path)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
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
