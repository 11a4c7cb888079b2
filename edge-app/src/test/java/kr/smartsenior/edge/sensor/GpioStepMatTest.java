package kr.smartsenior.edge.sensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInput;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The GPIO step mat on Pi4J's mock provider, on virtual time. */
class GpioStepMatTest {

    static final List<Integer> PINS = List.of(17, 27, 22, 23);

    private final Context pi4j = Pi4jContexts.mock();
    private final VirtualSensorLoop loop = new VirtualSensorLoop();
    private final List<PadEvent> events = new ArrayList<>();
    private GpioStepMat mat;

    @AfterEach
    void close() {
        if (mat != null) {
            mat.close();
        }
        pi4j.shutdown();
    }

    private GpioStepMat start() {
        mat = new GpioStepMat(pi4j, PINS, loop, PadDebouncer.DEFAULT_WINDOW);
        mat.addListener(events::add);
        loop.runPending();
        return mat;
    }

    private MockDigitalInput pin(int pad) {
        return pi4j.io("ssc-pad-" + pad);
    }

    /** The mock starts LOW, which a pulled-up pad reads as pressed: release every pad first. */
    private void everyPadReleased() {
        for (int pad = 1; pad <= PINS.size(); pad++) {
            pin(pad).mockState(DigitalState.HIGH);
        }
        loop.runFor(Duration.ofMillis(50));
        events.clear();
    }

    @Test
    void aPressPullsThePinLowAndIsReportedOnceSettled() {
        start();
        everyPadReleased();
        long edge = loop.nanos();

        pin(2).mockState(DigitalState.LOW);
        loop.runFor(Duration.ofMillis(10));
        assertThat(events).as("not yet settled").isEmpty();
        loop.runFor(Duration.ofMillis(10));

        assertThat(events).containsExactly(new PadEvent(2, true, edge));
        assertThat(mat.pressed(2)).isTrue();
        assertThat(mat.pressed(1)).isFalse();
    }

    @Test
    void bounceIsFilteredAndTheEventKeepsTheFirstEdgesTime() {
        start();
        everyPadReleased();
        long first = loop.nanos();
        pin(3).mockState(DigitalState.LOW);
        loop.runFor(Duration.ofMillis(1));
        pin(3).mockState(DigitalState.HIGH);
        loop.runFor(Duration.ofMillis(2));
        pin(3).mockState(DigitalState.LOW);
        loop.runFor(Duration.ofMillis(40));

        assertThat(events).containsExactly(new PadEvent(3, true, first));
    }

    @Test
    void aSpikeShorterThanTheWindowIsNoStep() {
        start();
        everyPadReleased();
        pin(1).mockState(DigitalState.LOW);
        loop.runFor(Duration.ofMillis(5));
        pin(1).mockState(DigitalState.HIGH);
        loop.runFor(Duration.ofMillis(50));

        assertThat(events).isEmpty();
        assertThat(mat.pressed(1)).isFalse();
    }

    @Test
    void aPadHeldDownForMinutesIsReportedStuck() {
        start();
        everyPadReleased();
        assertThat(mat.health()).isEqualTo("ok");
        pin(3).mockState(DigitalState.LOW);
        loop.runFor(Duration.ofMinutes(1));
        assertThat(mat.health()).as("one-leg stance keeps a foot down for a minute").isEqualTo("ok");

        loop.runFor(PadDebouncer.STUCK_AFTER);

        assertThat(mat.health()).isEqualTo("pad 3 stuck pressed");
        pin(3).mockState(DigitalState.HIGH);
        loop.runFor(Duration.ofMillis(50));
        assertThat(mat.health()).isEqualTo("ok");
    }

    @Test
    void aChatteringPadIsReported() {
        start();
        everyPadReleased();
        for (int i = 0; i < PadDebouncer.CHATTER_GLITCHES + 5; i++) {
            pin(4).mockState(DigitalState.LOW);
            loop.runFor(Duration.ofMillis(2));
            pin(4).mockState(DigitalState.HIGH);
            loop.runFor(Duration.ofMillis(30));
        }

        assertThat(mat.health()).contains("pad 4 chattering");
        assertThat(events).isEmpty();
    }

    @Test
    void claimingAPinTwiceFailsWithTheirNumbers() {
        assertThatThrownBy(() -> new GpioStepMat(pi4j, List.of(17, 27, 17, 23), loop, PadDebouncer.DEFAULT_WINDOW))
                .isInstanceOf(SensorException.class)
                .hasMessageContaining("[17, 27, 17, 23]");
    }
}
