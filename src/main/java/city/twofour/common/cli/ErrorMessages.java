package city.twofour.common.cli;

/**
 * Turns an exception into one line a data officer can act on.
 */
final class ErrorMessages {

    private ErrorMessages() {
    }

    static String oneLine(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        if (message.contains("Could not resolve placeholder 'TWOFOUR_DB")) {
            return "no database settings: run 'twofour db start' for the project's own database, or set TWOFOUR_DB_URL, "
                    + "TWOFOUR_DB_USER and TWOFOUR_DB_PASSWORD (and TWOFOUR_DB_OWNER, TWOFOUR_DB_OWNER_PASSWORD, TWOFOUR_DB_READER)";
        }
        if (message.startsWith("Connection to ") && message.contains("refused")) {
            return "the database is not reachable (" + message.lines().findFirst().orElse(message)
                    + "); start it with 'twofour db start'";
        }
        return message.lines().findFirst().orElse(message);
    }

    /** The innermost cause of a stack trace kept as text (a failed job's exit message), without class names. */
    static String fromStackTrace(String trace) {
        String cause = trace.lines().findFirst().orElse("");
        for (String line : trace.lines().toList()) {
            if (line.startsWith("Caused by: ")) {
                cause = line.substring("Caused by: ".length());
            }
        }
        return cause.replaceFirst("^[\\w.$]+(Exception|Error): ", "");
    }
}
