package city.twofour.samples.internal;

/**
 * One event in every 1 / rate occasions, evenly spaced rather than drawn: for faults that even the smallest city
 * must contain (a few dozen officers, a few dozen verification results), where a random draw at a low rate would
 * often give none. An event that falls on an occasion it does not fit stays owed until one it fits.
 */
final class Cadence {

    private final double rate;
    /** Starts half way, so that the first event comes after half a period. */
    private double credit = 0.5;
    private int owed;
    private int taken;

    Cadence(double rate) {
        this.rate = rate;
    }

    /** Counts one occasion. */
    void tick() {
        credit += rate;
        if (credit >= 1) {
            credit -= 1;
            owed++;
        }
    }

    boolean owed() {
        return owed > 0;
    }

    /** How many events were taken so far: lets several kinds of event take turns. */
    int taken() {
        return taken;
    }

    void take() {
        owed--;
        taken++;
    }
}
