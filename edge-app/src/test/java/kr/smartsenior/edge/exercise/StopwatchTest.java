package kr.smartsenior.edge.exercise;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StopwatchTest {

    private final Stopwatch stopwatch = new Stopwatch();

    @Test
    void addsUpOnlyTheStretchesItRan() {
        stopwatch.start(100);
        assertThat(stopwatch.current(150)).isEqualTo(50);
        stopwatch.stop(200);
        assertThat(stopwatch.current(250)).isZero();
        stopwatch.start(1_000);

        assertThat(stopwatch.total(1_030)).isEqualTo(130);
        stopwatch.stop(1_050);
        stopwatch.stop(5_000); // not running: nothing added
        assertThat(stopwatch.total(9_000)).isEqualTo(150);
    }
}
