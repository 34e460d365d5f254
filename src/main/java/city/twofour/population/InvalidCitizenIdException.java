package city.twofour.population;

/** Thrown by {@link CitizenId#parse(String)} for a text that is not a valid citizen ID number. */
public class InvalidCitizenIdException extends IllegalArgumentException {

    private final CitizenIdProblem problem;

    public InvalidCitizenIdException(CitizenIdProblem problem, String text) {
        super(problem + ": " + text);
        this.problem = problem;
    }

    /**
     * An answer about the data, given for every bad number a file delivers: without a stack trace, which would cost
     * more than the check.
     */
    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }

    public CitizenIdProblem problem() {
        return problem;
    }
}
