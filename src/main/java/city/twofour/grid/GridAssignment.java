package city.twofour.grid;

/** The grid a record was assigned to and how. */
public record GridAssignment(String gridCode, AssignmentMethod method) {
}
