package city.twofour.common;

import java.io.PrintStream;

/**
 * What the commands tell the person running them: progress and summaries on standard output.
 * The detailed log goes to the log file instead.
 */
public final class Console {

    private static volatile PrintStream out = System.out;

    private Console() {
    }

    public static void say(String format, Object... args) {
        out.println(args.length == 0 ? format : String.format(format, args));
    }

    /** Redirects what the commands print, e.g. to capture it. */
    public static void redirect(PrintStream stream) {
        out = stream;
    }
}
