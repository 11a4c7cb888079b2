package kr.smartsenior.edge.measure;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import kr.smartsenior.edge.sensor.PadEvent;
import kr.smartsenior.edge.sensor.SensorLoop;
import kr.smartsenior.edge.sensor.Sensors;
import kr.smartsenior.edge.session.MatPresence;
import kr.smartsenior.protocol.MeasurementCode;

/**
 * One-leg stance, eyes open (한 발로 서기): both feet on pads 1 and 2, and after "go" the senior lifts
 * one foot. The time runs from that foot leaving its pad until it (or any foot) touches a pad
 * again, or the standing foot leaves its pad, and stops at {@link #CAP}.
 *
 * <p>Invalid: a foot lifted before "go", not both feet on the pads at "go", no foot lifted within
 * {@link #MAX_REACTION}, or both pads letting go at once (the mat lost power or its cable).
 */
final class OneLegStanceProtocol extends SensorProtocol {

    static final Duration CAP = Duration.ofSeconds(60);
    static final Duration MAX_REACTION = Duration.ofSeconds(15);
    static final int LEFT = MatPresence.LEFT;
    static final int RIGHT = MatPresence.RIGHT;

    private int lifted;
    private long liftedAt;
    private SensorLoop.Scheduled cap;
    private final MatPresence feet;

    OneLegStanceProtocol(Sensors sensors) {
        super(MeasurementCode.ONE_LEG_STANCE, sensors);
        this.feet = new MatPresence(sensors.mat());
    }

    @Override
    boolean inStartPosition() {
        return feet.onHome();
    }

    @Override
    boolean falseStart(PadEvent event) {
        return MatPresence.leftHome(event);
    }

    @Override
    void begin() {
        lifted = 0;
        liftedAt = -1;
        cancelCap();
    }

    @Override
    void measurePad(PadEvent event) {
        if (lifted == 0) {
            if (!event.pressed() && (event.pad() == LEFT || event.pad() == RIGHT)) {
                lifted = event.pad();
                liftedAt = event.atNanos();
                long capAt = liftedAt + CAP.toNanos();
                cap = loop.schedule(Duration.ofNanos(Math.max(0, capAt - loop.nanos())).plus(END_GRACE),
                        () -> end(capAt, "time limit"));
            }
            return;
        }
        int standing = lifted == LEFT ? RIGHT : LEFT;
        if (!event.pressed() && event.pad() == standing) {
            if (event.atNanos() - liftedAt <= SIMULTANEOUS_NANOS) {
                invalid(InvalidReason.SENSOR_DROPOUT, "both pads let go at once");
                cancelCap();
                return;
            }
            end(event.atNanos(), "standing foot moved");
        } else if (event.pressed()) {
            end(event.atNanos(), event.pad() == lifted ? "lifted foot touched down" : "foot touched pad " + event.pad());
        }
    }

    @Override
    void tick(long now) {
        if (lifted == 0 && now - goAt > MAX_REACTION.toNanos()) {
            invalid(InvalidReason.NO_MOVEMENT, "no foot lifted");
        }
    }

    private void end(long at, String how) {
        cancelCap();
        long capped = Math.min(at, liftedAt + CAP.toNanos());
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("liftedFoot", lifted == LEFT ? "left" : "right");
        detail.put("reactionS", round3(secondsSinceGo(liftedAt)));
        detail.put("ended", capped < at || how.equals("time limit") ? "time limit" : how);
        detail.put("capS", CAP.toSeconds());
        finish(tenths(liftedAt, capped), detail);
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
