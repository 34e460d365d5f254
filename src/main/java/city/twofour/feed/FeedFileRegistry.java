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
                (rs, n) -> new FeedFile(rs.getLong("id"), feed, path, sha256, size, rs.getBoolean("already_known")),
                feed, path.toString(), sha256, size);
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
