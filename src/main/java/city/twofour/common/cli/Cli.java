package city.twofour.common.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

import city.twofour.TwofourApplication;
import city.twofour.address.AddressCommand;
import city.twofour.samples.SamplesCommand;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The {@code twofour} command line. Exit codes: 0 success, 1 failure (a job failed, or an error), 2 usage error.
 * Errors go to standard error in one line; {@code --verbose} adds the stack trace and the log on the console.
 */
public final class Cli {

    static final String USAGE = """
            Usage: twofour [--verbose] COMMAND [ARGS]

            Commands:
              db start|stop|status|reset   manage the project's own PostgreSQL + PostGIS cluster
              migrate                      bring the database schema up to date
              run JOB [key=value ...]      run a job, or resume its last failed or killed run with the same parameters
              jobs [--limit N]             recent job executions: status, counts and duration
              restart EXECUTION_ID         resume a failed, stopped or killed job execution where it stopped
              demo                         set up everything and run the pipeline on samples/
              daemon                       start the nightly run on its schedule (twofour.nightly.cron)
              dictionary [--out FILE]      the data dictionary of the master schema, from its comments
              address parse|match ...      parse or match free-text addresses, one JSON line each
              samples generate ...         write a synthetic city, its department feeds and their truth
              samples score --truth DIR    compare the master tables with a sample city's truth, one figure a line

            Jobs:
              load-grids divisions=CSV grids=GEOJSON|SHP [accept-topology=true]
                                           load divisions and basic grids (the standard operational map)
              import-feed feed=NAME file=PATH [replaces=FILE_NAME]
                                           import a delivered file of a feed declared in jobs/feeds/NAME.yml
              load-addresses file=PATH [retire-missing=true]
                                           load the standard address list into the address library
              nightly                      import every file in the inbox, merge the master data, publish
              merge-people                 merge the imported person feeds into one record per person
              merge-units                  merge the imported business registry rows into the actual units
              merge-facilities             merge the imported camera, hydrant and city-part rows into the facilities
              merge-buildings              merge the imported building, rental and field rows into buildings

            Options:
              -h, --help                   show help (also after a command: twofour run --help)
              -v, --verbose                print stack traces and the log on the console

            Settings: TWOFOUR_DB_URL, TWOFOUR_DB_USER, TWOFOUR_DB_PASSWORD (see README.md)
            """;

    private Cli() {
    }

    public static int run(String[] args) {
        return run(args, System.out, System.err);
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        List<String> words = new ArrayList<>(Arrays.asList(args));
        boolean verbose = words.remove("--verbose") | words.remove("-v");
        if (words.isEmpty()) {
            err.print(USAGE);
            return 2;
        }
        String command = words.remove(0);
        try {
            if (command.equals("-h") || command.equals("--help") || command.equals("help")) {
                out.print(USAGE);
                return 0;
            }
            if (command.equals("samples")) {
                return SamplesCommand.run(words.toArray(String[]::new), out, err);
            }
            if (command.equals("address")) {
                return AddressCommand.run(words.toArray(String[]::new),
                        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)), out, err);
            }
            JobCommand.Kind kind = JobCommand.Kind.of(command);
            if (words.contains("--help") || words.contains("-h")) {
                out.print(kind.help());
                return 0;
            }
            if (verbose) {
                System.setProperty("TWOFOUR_CONSOLE_LOG", "INFO");
            }
            try (ConfigurableApplicationContext context = new SpringApplicationBuilder(TwofourApplication.class).run()) {
                return context.getBean(JobCommand.class).execute(kind, words);
            }
        } catch (UsageException e) {
            err.println("twofour: " + e.getMessage() + " (see twofour --help)");
            return 2;
        } catch (RuntimeException e) {
            err.println("twofour: error: " + ErrorMessages.oneLine(e));
            if (verbose) {
                e.printStackTrace(err);
            }
            return 1;
        }
    }
}
