package kr.smartsenior.edge.sensor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A pad is stuck when it stays pressed while nobody is there and no test or program uses the mat (issue #14:
 * a senior standing on the pads for minutes is not a stuck pad).
 */
class StuckPadTest {

    private final VirtualSensorLoop loop = new VirtualSensorLoop();
    private final Sensors sensors = Sensors.simulated(loop, SiteCalibration.REFERENCE);

    StuckPadTest() {
        loop.runFor(Duration.ofSeconds(1)); // the empty room
    }

    @AfterEach
    void close() {
        sensors.close();
    }

    private String mat() {
        return sensors.health().get(Sensors.STEP_MAT);
    }

    /** Someone in the beam (600 mm, on the mat) for the first {@code thereMs}, then the empty room, as readings. */
    private void someoneThere(int thereMs, int totalMs) {
        List<Trace.Event> readings = new ArrayList<>();
        for (int ms = 0; ms < totalMs; ms += 20) {
            readings.add(new Trace.Distance(ms * 1_000_000L, ms < thereMs ? 600 : 4500, DistanceSample.Quality.GOOD));
        }
        loop.execute(() -> sensors.player().orElseThrow().play(new Trace(readings), () -> { }));
    }

    @Test
    void aSeniorStandingOnThePadsForMinutesIsNoStuckPad() {
        someoneThere(600_000, 600_000);
        sensors.player().orElseThrow().tap(1, Duration.ofMinutes(8));
        sensors.player().orElseThrow().tap(2, Duration.ofMinutes(8));
        loop.runFor(Duration.ofMinutes(5));
        assertThat(mat()).isEqualTo(Sensors.OK);
    }

    @Test
    void padsInUseByATestOrProgramAreNotStuckEvenOutOfTheBeamButArePressedWithNobodyThereAfterwards() {
        sensors.player().orElseThrow().tap(1, Duration.ofMinutes(8));
        Runnable handBack = sensors.mat().use();
        loop.runFor(Duration.ofMinutes(4)); // nobody in the beam, but a program uses the mat
        assertThat(mat()).isEqualTo(Sensors.OK);

        handBack.run();
        handBack.run(); // harmless twice
        loop.runFor(PadDebouncer.STUCK_WHEN_NOBODY.minusSeconds(1));
        assertThat(mat()).isEqualTo("pad 1 stuck pressed"); // nobody for long before: stuck at once
    }

    @Test
    void aPadPressedAfterTheSeniorLeftIsStuckAndStaysSoUntilReleased() {
        someoneThere(10_000, 400_000);
        sensors.player().orElseThrow().tap(4, Duration.ofMinutes(2)); // a bag left on pad 4
        loop.runFor(Duration.ofSeconds(10).plus(PadDebouncer.STUCK_WHEN_NOBODY).minusSeconds(2));
        assertThat(mat()).isEqualTo(Sensors.OK); // the senior only just left
        loop.runFor(Duration.ofSeconds(4));
        assertThat(mat()).isEqualTo("pad 4 stuck pressed");

        someoneThere(400_000, 400_000); // someone arrives: the pad is still stuck
        loop.runFor(Duration.ofSeconds(10));
        assertThat(mat()).isEqualTo("pad 4 stuck pressed");
        loop.runFor(Duration.ofMinutes(2)); // the bag is taken away
        assertThat(mat()).isEqualTo(Sensors.OK);
    }
}
