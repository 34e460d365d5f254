package city.twofour.unit;

/** Thrown by {@link CreditCode#parse(String)} for a text that is not a valid credit code. */
public class InvalidCreditCodeException extends IllegalArgumentException {

    private final CreditCodeProblem problem;

    public InvalidCreditCodeException(CreditCodeProblem problem, String text) {
        super(problem + ": " + text);
        this.problem = problem;
    }

    /**
     * An answer about the data, given for every bad code a file delivers: without a stack trace, which would cost more
     * than the check.
     */
    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }

    public CreditCodeProblem problem() {
        return problem;
    }
}
