package kr.smartsenior.edge.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import kr.smartsenior.edge.sensor.VirtualSensorLoop;
import org.junit.jupiter.api.Test;

class SegmentClockTest {

    private static final long SECOND = 1_000_000_000L;

    private final VirtualSensorLoop loop = new VirtualSensorLoop();
    private final SegmentClock clock = new SegmentClock(loop);
    private final List<Long> overAt = new ArrayList<>();

    @Test
    void endsByItselfAtItsLength() {
        clock.start(loop.nanos(), Duration.ofSeconds(3), () -> overAt.add(loop.nanos()));

        loop.runFor(Duration.ofSeconds(2));
        assertThat(clock.remainingNanos(loop.nanos())).isEqualTo(SECOND);
        assertThat(overAt).isEmpty();
        loop.runFor(Duration.ofSeconds(2));

        assertThat(overAt).containsExactly(3 * SECOND);
        assertThat(clock.remainingNanos(loop.nanos())).isZero();
    }

    @Test
    void aPauseFreezesWhatIsLeftAndMovesTheEnd() {
        clock.start(0, Duration.ofSeconds(10), () -> overAt.add(loop.nanos()));
        loop.runFor(Duration.ofSeconds(4));

        clock.pause(loop.nanos());
        loop.runFor(Duration.ofSeconds(30));
        assertThat(overAt).isEmpty();
        assertThat(clock.remainingNanos(loop.nanos())).isEqualTo(6 * SECOND);
        clock.resume(loop.nanos());
        loop.runFor(Duration.ofSeconds(10));

        assertThat(overAt).containsExactly(40 * SECOND);
        assertThat(clock.endsAt()).isEqualTo(40 * SECOND);
    }

    @Test
    void aStoppedOrReplacedSegmentDoesNotEnd() {
        clock.start(0, Duration.ofSeconds(1), () -> overAt.add(-1L));
        clock.start(0, Duration.ofSeconds(2), () -> overAt.add(loop.nanos()));
        loop.runFor(Duration.ofSeconds(3));
        assertThat(overAt).containsExactly(2 * SECOND);

        clock.start(loop.nanos(), Duration.ofSeconds(1), () -> overAt.add(-2L));
        clock.stop();
        clock.stop();
        loop.runFor(Duration.ofSeconds(3));
        assertThat(overAt).containsExactly(2 * SECOND);
    }
}
