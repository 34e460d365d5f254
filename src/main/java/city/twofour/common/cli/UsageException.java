package city.twofour.common.cli;

/**
 * The command line is wrong: the command exits with code 2 and a hint to {@code --help}.
 */
public class UsageException extends RuntimeException {

    public UsageException(String message) {
        super(message);
    }
}
