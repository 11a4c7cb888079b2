package kr.smartsenior.edge.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import kr.smartsenior.edge.ui.ports.FitnessTests.TestEvent;
import kr.smartsenior.edge.ui.views.TestGuide;
import kr.smartsenior.edge.ui.voice.Utterance;
import kr.smartsenior.protocol.MeasurementCode;
import org.junit.jupiter.api.Test;

/** The live counter said at a calm rate, each count once, from recorded phrases. */
class LiveCountsTest {

    private static List<Utterance> said(MeasurementCode test, Duration limit, double[] values, long[] elapsedMs) {
        LiveCounts counts = new LiveCounts(TestGuide.of(test));
        List<Utterance> said = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            counts.next(new TestEvent.Progress(BigDecimal.valueOf(values[i]), Duration.ofMillis(elapsedMs[i]), limit))
                    .ifPresent(said::add);
        }
        return said;
    }

    @Test
    void everyStandIsSaidOnceAndTheLastTenSecondsOnce() {
        List<Utterance> said = said(MeasurementCode.CHAIR_STAND_30S, Duration.ofSeconds(30),
                new double[] {0, 1, 1, 1, 2, 3, 3, 3, 4},
                new long[] {100, 2000, 2100, 2200, 4000, 6000, 20_000, 20_100, 22_000});
        assertThat(said).extracting(Utterance::text).containsExactly("1번", "2번", "3번", "남은 시간 10초", "4번");
        assertThat(said.getFirst().ids()).containsExactly("native_1", "unit_beon");
        assertThat(said.get(3).ids()).containsExactly("l_time_left", "sino_10", "unit_cho");
    }

    @Test
    void theTwoMinuteStepIsSaidEveryTenthKneeLift() {
        double[] values = new double[36];
        long[] elapsed = new long[36];
        for (int i = 0; i < values.length; i++) {
            values[i] = i;
            elapsed[i] = i * 1000L;
        }
        assertThat(said(MeasurementCode.STEP_IN_PLACE_2MIN, Duration.ofMinutes(2), values, elapsed))
                .extracting(Utterance::text).containsExactly("10회", "20회", "30회");
    }

    @Test
    void aTimedTestSaysEveryTenthSecondAndCountsAgainOnItsSecondTrial() {
        List<Utterance> said = said(MeasurementCode.ONE_LEG_STANCE, Duration.ZERO,
                new double[] {0.5, 9.9, 10.0, 10.4, 19.8, 21.0, 0.3, 10.2},
                new long[] {500, 9900, 10_000, 10_400, 19_800, 21_000, 22_000, 32_000});
        assertThat(said).extracting(Utterance::text).containsExactly("10초", "20초", "10초");
        assertThat(said.getFirst().ids()).containsExactly("sino_10", "unit_cho");
    }
}
