package city.twofour;

import city.twofour.common.cli.Cli;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * twofour: the nightly batch that keeps the "two standards, four actuals" master data current.
 */
@SpringBootApplication
public class TwofourApplication {

    public static void main(String[] args) {
        System.exit(Cli.run(args));
    }
}
