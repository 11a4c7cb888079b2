package kr.smartsenior.edge.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import kr.smartsenior.edge.sensor.MotionState;
import kr.smartsenior.edge.sensor.PadEvent;
import kr.smartsenior.edge.sensor.Sensors;
import kr.smartsenior.edge.sensor.SiteCalibration;
import kr.smartsenior.edge.sensor.VirtualSensorLoop;
import org.junit.jupiter.api.Test;

class SensorSubscriptionTest {

    private final VirtualSensorLoop loop = new VirtualSensorLoop();
    private final Sensors sensors = Sensors.simulated(loop, SiteCalibration.REFERENCE);
    private final List<PadEvent> pads = new ArrayList<>();
    private final List<MotionState> motion = new ArrayList<>();
    private final SensorSubscription subscription = new SensorSubscription(sensors, pads::add, motion::add);

    @Test
    void hearsTheSensorsOnlyWhileStartedAndOnceHoweverOftenStarted() {
        press(1);
        assertThat(pads).isEmpty();

        subscription.start();
        subscription.start();
        press(2);
        assertThat(subscription.active()).isTrue();
        assertThat(pads).extracting(PadEvent::pad).containsExactly(2, 2); // pressed and released, heard once each
        assertThat(motion).isNotEmpty();

        subscription.stop();
        subscription.stop();
        pads.clear();
        motion.clear();
        press(3);
        assertThat(subscription.active()).isFalse();
        assertThat(pads).isEmpty();
        assertThat(motion).isEmpty();
    }

    private void press(int pad) {
        sensors.player().orElseThrow().tap(pad, Duration.ofMillis(300));
        loop.runFor(Duration.ofSeconds(1));
    }
}
