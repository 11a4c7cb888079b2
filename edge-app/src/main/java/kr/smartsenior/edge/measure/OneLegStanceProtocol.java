package kr.smartsenior.edge.measure;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kr.smartsenior.edge.sensor.PadEvent;
import kr.smartsenior.edge.sensor.SensorLoop;
import kr.smartsenior.edge.sensor.Sensors;
import kr.smartsenior.edge.session.MatPresence;
import kr.smartsenior.protocol.MeasurementCode;
import kr.smartsenior.protocol.MeasurementProtocol;
import kr.smartsenior.protocol.RecordDetail;

/**
 * One-leg stance, eyes open (한 발로 서기), best of {@link #TRIALS} trials: both feet on pads 1 and 2,
 * a chair beside them; after "시작" the senior lifts one foot. A trial runs from that foot leaving its
 * pad until the raised foot touches down, which the mat sees as <b>any other pad pressed</b> (the
 * raised foot back on its pad, or on pad 3 or 4) <b>or the standing pad released</b> (the weight
 * shifted, a hop), or until {@link #CAP}. The senior then puts both feet down; the second trial starts
 * when they lift a foot again (timing always starts at the lift, so no second cue is needed). The
 * result is the better trial; every trial is in the detail ({@link RecordDetail#TRIALS}).
 *
 * <p>Hands free ({@code one-leg-stance/2}) or holding the chair
 * ({@code one-leg-stance-supported/1}): the mat cannot see hands, so the kiosk records a test as hands
 * free only when that was confirmed before it ({@link TestBattery#startOneLegStance}); otherwise it is
 * recorded as supported, which the server stores and never grades (the safe side: a supported time
 * never passes for an unsupported one).
 *
 * <p>Invalid: a foot lifted before "시작", not both feet on the pads at "시작", no foot lifted within
 * {@link #MAX_REACTION}, or both pads letting go at once (the mat lost power or its cable). When the
 * second trial is not begun within {@link #MAX_REACTION} of the feet being back (or of the first
 * trial's end), the first trial alone is the result.
 */
final class OneLegStanceProtocol extends HomePadsProtocol {

    static final Duration CAP = Duration.ofSeconds(60);
    static final Duration MAX_REACTION = Duration.ofSeconds(15);
    static final int TRIALS = 2;
    static final int LEFT = MatPresence.LEFT;
    static final int RIGHT = MatPresence.RIGHT;

    private final boolean handsFree;
    private final List<BigDecimal> trials = new ArrayList<>();
    private final List<String> endings = new ArrayList<>();
    private final List<String> liftedFeet = new ArrayList<>();
    private int lifted;
    private long liftedAt;
    /** Since when the senior may start the next trial (both feet down, or the last trial's end). */
    private long waitingSince;
    private double firstReaction;
    /** Both feet have been down together since the last trial (a new lift starts the next one). */
    private boolean backOnBoth;
    private SensorLoop.Scheduled cap;

    OneLegStanceProtocol(Sensors sensors, boolean handsFree) {
        super(MeasurementCode.ONE_LEG_STANCE, sensors);
        this.handsFree = handsFree;
    }

    @Override
    String protocolName() {
        return (handsFree ? MeasurementProtocol.ONE_LEG_STANCE : MeasurementProtocol.ONE_LEG_STANCE_SUPPORTED).id();
    }

    @Override
    void begin() {
        lifted = 0;
        liftedAt = -1;
        waitingSince = goAt;
        firstReaction = -1;
        backOnBoth = true;
        trials.clear();
        endings.clear();
        liftedFeet.clear();
        cancelCap();
    }

    @Override
    void measurePad(PadEvent event) {
        if (lifted == 0) {
            if (!event.pressed() && (event.pad() == LEFT || event.pad() == RIGHT) && backOnBoth) {
                startTrial(event);
            } else if (feet.onHome() && !backOnBoth) {
                backOnBoth = true;
                waitingSince = event.atNanos();
            }
            return;
        }
        int standing = lifted == LEFT ? RIGHT : LEFT;
        if (!event.pressed() && event.pad() == standing) {
            if (event.atNanos() - liftedAt <= SIMULTANEOUS_NANOS) {
                cancelCap();
                invalid(InvalidReason.SENSOR_DROPOUT, "both pads let go at once");
                return;
            }
            endTrial(event.atNanos(), "standing foot moved");
        } else if (event.pressed()) {
            endTrial(event.atNanos(), event.pad() == lifted ? "raised foot touched down" : "foot touched pad " + event.pad());
        }
    }

    private void startTrial(PadEvent event) {
        lifted = event.pad();
        liftedAt = event.atNanos();
        if (firstReaction < 0) {
            firstReaction = round3(secondsSinceGo(liftedAt));
        }
        long capAt = liftedAt + CAP.toNanos();
        cap = loop.schedule(Duration.ofNanos(Math.max(0, capAt - loop.nanos())).plus(END_GRACE),
                () -> endTrial(capAt, "time limit"));
    }

    private void endTrial(long at, String how) {
        if (lifted == 0) {
            return;
        }
        cancelCap();
        long capped = Math.min(at, liftedAt + CAP.toNanos());
        trials.add(tenths(liftedAt, capped));
        endings.add(capped < at ? "time limit" : how);
        liftedFeet.add(lifted == LEFT ? "left" : "right");
        lifted = 0;
        liftedAt = -1;
        backOnBoth = feet.onHome();
        waitingSince = at;
        if (trials.size() >= TRIALS) {
            bestTrial();
        }
    }

    @Override
    void tick(long now) {
        if (lifted != 0 || now - waitingSince <= MAX_REACTION.toNanos()) {
            return;
        }
        if (trials.isEmpty()) {
            invalid(InvalidReason.NO_MOVEMENT, "no foot lifted");
        } else {
            bestTrial(); // a second trial not begun: the first stands alone
        }
    }

    private void bestTrial() {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("handsFree", handsFree);
        detail.put(RecordDetail.TRIALS, List.copyOf(trials));
        detail.put("liftedFoot", List.copyOf(liftedFeet));
        detail.put("ended", List.copyOf(endings));
        detail.put("reactionS", firstReaction);
        detail.put("capS", CAP.toSeconds());
        finish(trials.stream().max(BigDecimal::compareTo).orElseThrow(), detail);
    }

    /** A first trial that ended is a result of its own (as when the second is not begun); one under way is dropped. */
    @Override
    void keepWhatIsComplete() {
        cancelCap();
        if (!trials.isEmpty()) {
            bestTrial();
        }
    }

    private void cancelCap() {
        if (cap != null) {
            cap.cancel();
            cap = null;
        }
    }

    @Override
    BigDecimal liveValue(long now) {
        return lifted == 0 ? BigDecimal.ZERO : tenths(liftedAt, Math.min(now, liftedAt + CAP.toNanos()));
    }
}
