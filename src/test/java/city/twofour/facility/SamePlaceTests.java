package city.twofour.facility;

import city.twofour.grid.LonLat;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SamePlaceTests {

    @Test
    void theScoreFallsFromOneAtTheSamePointToAHalfAtThreeMetres() {
        assertThat(SamePlace.score(0)).isEqualTo(1.0);
        assertThat(SamePlace.score(1.5)).isCloseTo(0.75, within(1e-9));
        assertThat(SamePlace.score(3)).isCloseTo(0.5, within(1e-9));
    }

    @Test
    void pointsFartherThanThreeMetresAreNotTheSameFacility() {
        assertThat(SamePlace.isWithinReach(3.01)).isFalse();
        assertThat(SamePlace.score(new LonLat(114.05, 23.1), new LonLat(114.05, 23.10005))).isZero();
    }
}
