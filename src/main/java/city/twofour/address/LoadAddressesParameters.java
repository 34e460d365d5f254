package city.twofour.address;

import org.springframework.batch.core.job.parameters.JobParameters;

/**
 * The parameters of {@code load-addresses}, read once from the job parameters.
 *
 * @param file          the delivered standard address list, inside the inbox
 * @param retireMissing the list is the whole library: active addresses missing from it are retired
 */
public record LoadAddressesParameters(String file, boolean retireMissing) {

    public static final String FILE = "file";
    public static final String REPLACES = "replaces";
    public static final String RETIRE_MISSING = "retire-missing";

    public static LoadAddressesParameters of(JobParameters parameters) {
        return new LoadAddressesParameters(parameters.getString(FILE), Boolean.parseBoolean(parameters.getString(RETIRE_MISSING)));
    }
}
