package kr.smartsenior.edge.sensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MotionSignalsTest {

    private static final long MS = 1_000_000;
    private final MotionSignals signals = new MotionSignals(SiteCalibration.REFERENCE);
    private final List<MotionState> states = new ArrayList<>();
    private long now;

    MotionSignalsTest() {
        signals.addListener(states::add);
    }

    private MotionState read(int mm) {
        signals.onDistance(DistanceSample.good(now, mm));
        now += 20 * MS;
        return states.getLast();
    }

    private MotionState lost() {
        signals.onDistance(DistanceSample.unusable(now, DistanceSample.Quality.NO_DATA));
        now += 20 * MS;
        return states.getLast();
    }

    @Test
    void seatedStandingAndTheEmptyRoomAreToldApartWithHysteresis() {
        for (int i = 0; i < 10; i++) {
            read(3700);
        }
        assertThat(states.getLast().posture()).isEqualTo(MotionState.Posture.SITTING);
        assertThat(states.getLast().present()).isTrue();
        for (int i = 0; i < 10; i++) {
            read(3580); // 40 % of the way up: in the band, still sitting
        }
        assertThat(states.getLast().posture()).isEqualTo(MotionState.Posture.SITTING);
        for (int i = 0; i < 10; i++) {
            read(3420);
        }
        assertThat(states.getLast().posture()).isEqualTo(MotionState.Posture.STANDING);
        for (int i = 0; i < 10; i++) {
            read(3580); // back in the band: still standing
        }
        assertThat(states.getLast().posture()).isEqualTo(MotionState.Posture.STANDING);
        for (int i = 0; i < 10; i++) {
            read(4500);
        }
        assertThat(states.getLast().present()).isFalse();
        assertThat(states.getLast().posture()).isEqualTo(MotionState.Posture.ABSENT);
    }

    @Test
    void aSingleSpikeIsFilteredOut() {
        for (int i = 0; i < 10; i++) {
            read(3700);
        }
        MotionState spike = read(600);
        assertThat(spike.millimetres()).isEqualTo(3700);
        assertThat(spike.posture()).isEqualTo(MotionState.Posture.SITTING);
    }

    @Test
    void walkingTowardsTheKioskAndAwayIsSeenAsMovement() {
        for (int i = 0; i < 30; i++) {
            read(3400 - i * 18); // 0.9 m/s towards the kiosk
        }
        assertThat(states.getLast().movement()).isEqualTo(MotionState.Movement.APPROACHING);
        for (int i = 0; i < 30; i++) {
            read(2900 + i * 18);
        }
        assertThat(states.getLast().movement()).isEqualTo(MotionState.Movement.RECEDING);
        for (int i = 0; i < 30; i++) {
            read(3400 + (i % 2) * 20); // swaying
        }
        assertThat(states.getLast().movement()).isEqualTo(MotionState.Movement.STILL);
    }

    @Test
    void aShortGapHoldsTheLastValueAndALongOneIsReportedLost() {
        for (int i = 0; i < 10; i++) {
            read(3700);
        }
        for (int i = 0; i < 10; i++) {
            assertThat(lost().signalLost()).as("held for up to 300 ms").isFalse();
        }
        for (int i = 0; i < 10; i++) {
            lost();
        }
        assertThat(states.getLast().signalLost()).isTrue();
        assertThat(read(3700).signalLost()).isFalse();
    }

    @Test
    void theMedianLagIsTakenOutOfTheTimestamps() {
        for (int i = 0; i < 10; i++) {
            read(3700);
        }
        long readAt = now;
        MotionState state = read(3690);
        assertThat(readAt - state.atNanos()).isEqualTo(2 * 20 * MS);
    }

    @Test
    void aCalibrationThatCannotWorkIsRefused() {
        assertThatThrownBy(() -> new SiteCalibration(3700, 3650, 4500)).hasMessageContaining("too close to tell apart");
        assertThatThrownBy(() -> new SiteCalibration(3700, 3400, 3750)).hasMessageContaining("wall");
        assertThat(SiteCalibration.fromReadings(List.of(3690, 3700, 3710, 9000), List.of(3400, 3390, 3410), List.of(4480, 4500)))
                .isEqualTo(new SiteCalibration(3710, 3400, 4500));
    }
}
