/**
 * The declare-and-verify cycle (申报-核查): declarations, discrepancies, unplaced records and uncertain merges become
 * verification tasks for the grid of the place; each grid's open tasks go out as a package for its officers; the
 * officers' results are checked against the tasks and the roster, then applied to the master data with history;
 * overdue tasks escalate. The job {@code verification-cycle} runs the whole turn.
 */
package city.twofour.verification;
