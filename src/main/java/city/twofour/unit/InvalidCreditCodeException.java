package city.twofour.unit;

/** Thrown by {@link CreditCode#parse(String)} for a text that is not a valid credit code. */
public class InvalidCreditCodeException extends IllegalArgumentException {

    private final CreditCodeProblem problem;

    public InvalidCreditCodeException(CreditCodeProblem problem, String text) {
        super(problem + ": " + text);
        this.problem = problem;
    }

    public CreditCodeProblem problem() {
        return problem;
    }
}
