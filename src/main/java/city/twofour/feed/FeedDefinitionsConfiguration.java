package city.twofour.feed;

import java.nio.file.Path;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The feed definitions of {@code jobs/feeds} (setting {@code twofour.feeds}), one instance for the import, the merges
 * and the nightly run.
 */
@Configuration
public class FeedDefinitionsConfiguration {

    @Bean
    public FeedDefinitions feedDefinitions(@Value("${twofour.feeds}") Path feeds) {
        return new FeedDefinitions(feeds);
    }
}
