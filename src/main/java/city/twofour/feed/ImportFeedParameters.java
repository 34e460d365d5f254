package city.twofour.feed;

import org.springframework.batch.core.job.parameters.JobParameters;

/**
 * The parameters of {@code import-feed}, read once from the job parameters.
 *
 * @param feed     name of the feed, i.e. of its definition {@code jobs/feeds/<feed>.yml}
 * @param file     the delivered file, inside the inbox folder (relative to it, or absolute)
 * @param replaces file name of an earlier delivery this one corrects, when the correction comes under another
 *                 name; null when a correction is recognised by its own name
 */
public record ImportFeedParameters(String feed, String file, String replaces) {

    public static final String FEED = "feed";
    public static final String FILE = "file";
    public static final String REPLACES = "replaces";

    public static ImportFeedParameters of(JobParameters parameters) {
        return new ImportFeedParameters(parameters.getString(FEED), parameters.getString(FILE), parameters.getString(REPLACES));
    }
}
