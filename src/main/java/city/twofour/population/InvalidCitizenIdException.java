package city.twofour.population;

/** Thrown by {@link CitizenId#parse(String)} for a text that is not a valid citizen ID number. */
public class InvalidCitizenIdException extends IllegalArgumentException {

    private final CitizenIdProblem problem;

    public InvalidCitizenIdException(CitizenIdProblem problem, String text) {
        super(problem + ": " + text);
        this.problem = problem;
    }

    public CitizenIdProblem problem() {
        return problem;
    }
}
