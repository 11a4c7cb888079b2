package kr.smartsenior.edge.measure;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kr.smartsenior.edge.sensor.MotionSignals;
import kr.smartsenior.edge.sensor.MotionState;
import kr.smartsenior.edge.sensor.PadEvent;
import kr.smartsenior.edge.sensor.Sensors;
import kr.smartsenior.protocol.MeasurementCode;
import kr.smartsenior.protocol.MeasurementProtocol;

/**
 * 3 m timed up-and-go (3m 표적 돌아오기), to 0.1 s, at the senior's usual pace (CDC STEADI; Bohannon
 * 2006): seated, on "시작" they stand up, walk to the turn marker 3 m ahead (pad 3 of the reference
 * mat), turn, walk back and sit down. The clock runs <b>from the "시작" cue</b> (the end of the
 * countdown, as a stopwatch is started on "go") <b>until they are seated again</b>: the moment the
 * body, coming back into the seat, arrives where it then stays. The distance sensor sees that as the
 * first reading near the distance the body then keeps for {@link #REST} (see {@link #arrivedAt});
 * leaning back into the backrest after a pause is not part of the test and does not move the stop.
 * The turn pad proves the 3 m were walked. The reaction time (cue to leaving the seat) is kept in
 * the detail.
 *
 * <p>Invalid: moving before "시작", not seated at "시작", not up within {@link #MAX_REACTION}, seated
 * again without the turn pad pressed for {@link #GIVE_UP_SEATED}, not back within {@link #MAX_WALK},
 * faster than {@link #FASTEST}, or the distance signal lost for more than a second.
 */
final class TimedUpAndGoProtocol extends SensorProtocol {

    static final int TURN_PAD = 3;
    static final BigDecimal FASTEST = new BigDecimal("3.0");
    /** The body has arrived where it stays: the smoothed readings within this of their resting distance. */
    static final int AT_REST_MM = 6;
    /** Readings in the centred mean that smooths them when looking back for the arrival (0.2 s at 50 Hz). */
    static final int SMOOTH_OVER = 11;
    /** At rest: this long with the readings' line flatter than {@link #STILL_MM_PER_S}. */
    static final Duration REST = Duration.ofMillis(400);
    /** A slow sit-down still moves faster than this until the seat stops it. */
    static final double STILL_MM_PER_S = 30;
    /** Looking back for the arrival: this many readings outside the band is the body still on its way. */
    static final int OUTSIDE_IN_A_ROW = 3;
    /** Seated this long without having reached the turn marker: they stopped. */
    static final Duration GIVE_UP_SEATED = Duration.ofSeconds(5);
    static final Duration MAX_REACTION = Duration.ofSeconds(10);
    static final Duration MAX_WALK = Duration.ofMinutes(2);
    /** Readings kept to look back for the moment the body arrived. */
    static final Duration LOOK_BACK = Duration.ofSeconds(4);

    private enum Stage { WAITING, WALKING, SEATED }

    private record Reading(long at, int mm) {
    }

    private Stage stage;
    private long leftChairAt;
    private long turnAt;
    private long seatedSince;
    private int nearestMm;
    private final ArrayDeque<Reading> recent = new ArrayDeque<>();
    private final SignalGaps gaps = new SignalGaps();

    TimedUpAndGoProtocol(Sensors sensors) {
        super(MeasurementCode.TIMED_UP_AND_GO, sensors);
    }

    @Override
    String protocolName() {
        return MeasurementProtocol.TIMED_UP_AND_GO.id();
    }

    @Override
    boolean inStartPosition() {
        return seated();
    }

    /** Half-way up before "시작" is a start; a lean forward in the seat is not. */
    @Override
    boolean falseStart(MotionState state) {
        return state.present() && state.rise() > ChairStandProtocol.HALFWAY;
    }

    @Override
    void begin() {
        stage = Stage.WAITING;
        leftChairAt = -1;
        turnAt = -1;
        seatedSince = -1;
        nearestMm = Integer.MAX_VALUE;
        recent.clear();
        gaps.reset();
    }

    @Override
    void measurePad(PadEvent event) {
        if (event.pad() == TURN_PAD && event.pressed() && leftChairAt >= 0 && turnAt < 0) {
            turnAt = event.atNanos();
        }
    }

    @Override
    void measureMotion(MotionState state) {
        if (gaps.note(state) > MAX_SIGNAL_GAP_NANOS) {
            invalid(InvalidReason.SENSOR_DROPOUT, "no distance reading for over a second while " + stage);
            return;
        }
        if (state.signalLost()) {
            return;
        }
        long at = state.atNanos();
        recent.addLast(new Reading(at, state.millimetres()));
        while (recent.peekFirst().at() < at - LOOK_BACK.toNanos()) {
            recent.removeFirst();
        }
        boolean seated = state.present() && state.rise() <= MotionSignals.SIT_BELOW;
        switch (stage) {
            case WAITING -> {
                if (state.present() && !seated) {
                    leftChairAt = at;
                    stage = Stage.WALKING;
                }
            }
            case WALKING -> {
                if (state.present()) {
                    nearestMm = Math.min(nearestMm, state.millimetres());
                }
                if (seated) {
                    seatedSince = at;
                    stage = Stage.SEATED;
                }
            }
            case SEATED -> {
                if (!seated) {
                    stage = Stage.WALKING; // rose again: a pause, not the end
                } else if (turnAt < 0) {
                    if (at - seatedSince >= GIVE_UP_SEATED.toNanos()) {
                        invalid(InvalidReason.COURSE_NOT_COMPLETED, "seated again without reaching the turn marker");
                    }
                } else {
                    long arrived = arrivedAt(at);
                    if (arrived >= 0) {
                        end(arrived);
                    }
                }
            }
        }
    }

    /**
     * When the body came to rest in the seat: once the readings of the last {@link #REST} lie on a
     * line flatter than {@link #STILL_MM_PER_S} (or than three standard errors of its slope, when the
     * sensor is noisier), the first reading of the return whose smoothed value ({@link #SMOOTH_OVER}
     * readings) lies within {@link #AT_REST_MM} of that resting distance (wider when the readings
     * scatter more), looking back until {@link #OUTSIDE_IN_A_ROW} in a row lie outside; -1 while still
     * moving.
     */
    private long arrivedAt(long now) {
        long windowStart = now - REST.toNanos();
        if (seatedSince > windowStart) {
            return -1;
        }
        List<Reading> window = recent.stream().filter(reading -> reading.at() >= windowStart).toList();
        int n = window.size();
        if (n < 10) {
            return -1;
        }
        double meanT = window.stream().mapToDouble(reading -> (reading.at() - now) / 1e9).average().orElseThrow();
        double meanMm = window.stream().mapToDouble(Reading::mm).average().orElseThrow();
        double sxx = 0;
        double sxy = 0;
        for (Reading reading : window) {
            double t = (reading.at() - now) / 1e9 - meanT;
            sxx += t * t;
            sxy += t * (reading.mm() - meanMm);
        }
        double slope = sxy / sxx;
        double squares = 0;
        for (Reading reading : window) {
            double residual = reading.mm() - (meanMm + slope * ((reading.at() - now) / 1e9 - meanT));
            squares += residual * residual;
        }
        double spread = Math.sqrt(squares / (n - 2));
        if (Math.abs(slope) > Math.max(STILL_MM_PER_S, 3 * spread / Math.sqrt(sxx))) {
            return -1;
        }
        // look back over the readings smoothed by a centred mean of SMOOTH_OVER (noise down by its root)
        List<Reading> all = List.copyOf(recent);
        double band = Math.max(AT_REST_MM, 2.5 * spread / Math.sqrt(SMOOTH_OVER));
        long arrived = -1;
        int outside = 0;
        for (int i = all.size() - 1; i >= 0 && outside < OUTSIDE_IN_A_ROW; i--) {
            int from = Math.max(0, i - SMOOTH_OVER / 2);
            int to = Math.min(all.size() - 1, i + SMOOTH_OVER / 2);
            double smoothed = 0;
            for (int j = from; j <= to; j++) {
                smoothed += all.get(j).mm();
            }
            smoothed /= to - from + 1;
            if (Math.abs(smoothed - meanMm) <= band) {
                arrived = all.get(i).at();
                outside = 0;
            } else {
                outside++;
            }
        }
        return arrived;
    }

    @Override
    void tick(long now) {
        if (stage == Stage.WAITING && now - goAt > MAX_REACTION.toNanos()) {
            invalid(InvalidReason.NO_MOVEMENT, "did not leave the chair");
        } else if (stage != Stage.WAITING && now - goAt > MAX_WALK.toNanos()) {
            invalid(InvalidReason.TIMED_OUT, "not back in the chair after " + MAX_WALK.toSeconds() + " s");
        }
    }

    private void end(long seatedAt) {
        BigDecimal seconds = tenths(goAt, seatedAt);
        if (seconds.compareTo(FASTEST) < 0) {
            invalid(InvalidReason.OUT_OF_RANGE, seconds + " s is faster than anyone walks the course");
            return;
        }
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("timedFrom", "cue");
        detail.put("reactionS", round3(secondsSinceGo(leftChairAt)));
        detail.put("turnPadAtS", round3(secondsSinceGo(turnAt)));
        detail.put("seatedAtS", round3(secondsSinceGo(seatedAt)));
        detail.put("nearestMm", nearestMm == Integer.MAX_VALUE ? null : nearestMm);
        detail.put("signalLostMs", gaps.totalNanos() / 1_000_000);
        finish(seconds, detail);
    }

    @Override
    BigDecimal liveValue(long now) {
        return tenths(goAt, Math.max(goAt, now));
    }
}
