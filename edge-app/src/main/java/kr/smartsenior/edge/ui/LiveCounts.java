package kr.smartsenior.edge.ui;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;
import kr.smartsenior.edge.ui.ports.FitnessTests.TestEvent;
import kr.smartsenior.edge.ui.views.ScreenWording;
import kr.smartsenior.edge.ui.views.TestGuide;
import kr.smartsenior.edge.ui.voice.SpeechComposer;
import kr.smartsenior.edge.ui.voice.Utterance;
import kr.smartsenior.protocol.MeasurementCode;

/**
 * What of a running test's live counter is said, at a calm rate, as the screen shows it: every stand
 * ("열네 번"), every tenth knee lift of the 2-minute step ("삼십 회"), every tenth second of a timed test
 * ("이십 초"), and once "남은 시간 십 초" near the end of a test of fixed length. Each is said only once
 * and a new one replaces whatever is still being said (the voice never queues), so the counter never
 * falls behind itself. One per test run; a value that goes back (the one-leg stance's second trial)
 * counts again from there.
 */
final class LiveCounts {

    /** Every tenth knee lift, every tenth second. */
    static final int EVERY = 10;
    /** Said once when this many seconds are left of a test of fixed length. */
    static final long LEFT_SECONDS = 10;

    private final TestGuide guide;
    private long saidStep = 0;
    private boolean leftSaid;

    LiveCounts(TestGuide guide) {
        this.guide = guide;
    }

    /** What to say for this progress, if anything. */
    Optional<Utterance> next(TestEvent.Progress progress) {
        long left = progress.limit().isZero() ? -1
                : Math.max(0, progress.limit().minus(progress.elapsed()).toSeconds());
        if (!leftSaid && left >= 0 && left <= LEFT_SECONDS && progress.limit().toSeconds() > LEFT_SECONDS) {
            leftSaid = true;
            return say(ScreenWording.measuring(guide, progress).caption());
        }
        long value = progress.value().setScale(0, RoundingMode.DOWN).longValue();
        long every = guide.test() == MeasurementCode.CHAIR_STAND_30S ? 1 : EVERY;
        long step = value / every;
        if (step < saidStep) {
            saidStep = step; // counting again (a new trial)
        }
        if (step <= saidStep || value <= 0) {
            return Optional.empty();
        }
        saidStep = step;
        long count = step * every;
        return say(guide.test().unit() == kr.smartsenior.protocol.Unit.COUNT ? guide.valueText(BigDecimal.valueOf(count))
                : count + "초");
    }

    private static Optional<Utterance> say(String shown) {
        return SpeechComposer.builtIn().compose(shown);
    }
}
