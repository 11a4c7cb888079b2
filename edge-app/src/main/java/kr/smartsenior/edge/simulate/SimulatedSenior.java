package kr.smartsenior.edge.simulate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import kr.smartsenior.edge.measure.FitnessTestSession;
import kr.smartsenior.edge.measure.InvalidReason;
import kr.smartsenior.edge.sensor.SiteCalibration;
import kr.smartsenior.edge.sensor.Trace;
import kr.smartsenior.protocol.MeasurementCode;

/**
 * A senior taking the sensor tests, as sensor traces: how far their body is from the distance
 * sensor over time and when their feet press and leave the pads, with the measurement noise,
 * bounce, dropouts and false starts a real kiosk sees. Each trace starts when the test's
 * {@code ready()} is pressed, so "시작" is at {@link FitnessTestSession#COUNTDOWN}; each carries its
 * true value, worked out from the senior's movement, not from what a protocol would make of it.
 *
 * <p>Seniors differ in {@link Style} (how they sit, rise, step and come down from one leg) and in
 * {@link Pace}. The model, in the distance sensor's terms ({@code rise}: 0 seated upright as the site
 * was calibrated, 1 standing straight):
 * <ul>
 *   <li>a full stand ends at 1 ± 0.04 (another build than the person who calibrated); a half stand
 *       or a forward lean in the seat stops at 0.45-0.7; full extension is reaching 0.85;
 *   <li>sitting down lands in the seat with some speed left (the seat stops the body), at the
 *       senior's own seated posture: upright 0, slightly forward 0.15; a senior who leans back
 *       settles into the backrest (−0.25) after a pause of 0.6 s;
 *   <li>the TUG's true time runs from "시작" to that landing in the seat;
 *   <li>a right-knee lift that reaches the target height keeps the foot off its pad at least 0.36 s;
 *       a shuffle lifts it for 0.12 s and does not reach the height; the knee is at the target half-way
 *       through the lift;
 *   <li>the one-leg stance's trial ends when the raised foot touches a pad (its own, or pad 3 or 4) or
 *       the standing foot shifts; its time is from the lift to that moment, at most 60 s.
 * </ul>
 */
public final class SimulatedSenior {

    /** How quickly the senior moves. */
    public enum Pace { NORMAL, SLOW, FAST }

    /** What goes wrong, if anything. */
    public enum Flaw { NONE, NOISY, DROPOUT, FALSE_START }

    /** How the senior does the tests (as a physiotherapist sees seniors do them). */
    public enum Style {
        /** Sits upright mid-seat, stands straight, lifts knees well, puts the raised foot back on its pad. */
        UPRIGHT,
        /** Settles back into the backrest after sitting; steps back onto pad 3 to end a one-leg trial. */
        LEANING_BACK,
        /** Sits slightly forward and leans forward in the seat between stands (not stands); touches pad 4. */
        FORWARD_LEAN,
        /** Rises slowly and sometimes gives up half-way (a half stand); short one-leg trials. */
        SLOW_RISE,
        /** Walks slowly with short steps; every third step a shuffle; the standing foot shifts to end a trial. */
        SHUFFLING,
        /** Pushes up with the hands on the thighs: the trunk pitches forward past standing on the way up. */
        HANDS_ON_THIGHS
    }

    /**
     * A trace and its true value.
     *
     * @param expected   the true value, or null when the test should be invalid
     * @param invalid    the reason it should be invalid, or null
     * @param lengthS    how long the trace runs
     * @param borderline a repetition falls within {@link #BORDERLINE_S} of the end of a timed test, where
     *                   one sample of sensor noise decides whether it counts: expect the count ±1
     */
    public record Performance(MeasurementCode code, Style style, Trace trace, BigDecimal expected, InvalidReason invalid,
            double lengthS, boolean borderline) {
    }

    /** Half a median window plus a sample: closer to the end than this, noise decides. */
    public static final double BORDERLINE_S = 0.06;

    static final double GO_S = FitnessTestSession.COUNTDOWN.toMillis() / 1000.0;
    /** The standing person's body on the mat in front of the kiosk. */
    static final int ON_MAT_MM = 600;
    /** Where the beam meets a senior standing at the TUG turn marker. */
    static final int AT_TURN_MM = 500;
    static final int LEFT = 1;
    static final int RIGHT = 2;
    static final int TURN_PAD = 3;
    static final int SPARE_PAD = 4;
    /** Full extension of a stand, as a share of the way from seated to standing. */
    static final double FULL_EXTENSION = 0.85;
    static final double SEATED_BAND = 0.3;
    static final double HALFWAY = 0.5;
    static final double ONE_LEG_MAX_S = 60;
    static final double LIFT_S = 0.36;
    static final double SHUFFLE_S = 0.12;

    private final SiteCalibration site;
    private final RandomGenerator random;

    public SimulatedSenior(SiteCalibration site, RandomGenerator random) {
        this.site = site;
        this.random = random;
    }

    /** A performance of any sensor test by an upright senior. */
    public Performance perform(MeasurementCode code, Pace pace, Flaw flaw) {
        return perform(code, Style.UPRIGHT, pace, flaw);
    }

    /** A performance of any sensor test. */
    public Performance perform(MeasurementCode code, Style style, Pace pace, Flaw flaw) {
        return switch (code) {
            case CHAIR_STAND_30S -> chairStand(style, pace, flaw);
            case STEP_IN_PLACE_2MIN -> stepInPlace(style, pace, flaw);
            case TIMED_UP_AND_GO -> upAndGo(style, pace, flaw);
            case ONE_LEG_STANCE -> oneLegStance(style, pace, flaw);
            default -> throw new IllegalArgumentException(code + " is not a sensor test of this kiosk");
        };
    }

    public Performance chairStand(Pace pace, Flaw flaw) {
        return chairStand(Style.UPRIGHT, pace, flaw);
    }

    public Performance upAndGo(Pace pace, Flaw flaw) {
        return upAndGo(Style.UPRIGHT, pace, flaw);
    }

    public Performance stepInPlace(Pace pace, Flaw flaw) {
        return stepInPlace(Style.UPRIGHT, pace, flaw);
    }

    public Performance oneLegStance(Pace pace, Flaw flaw) {
        return oneLegStance(Style.UPRIGHT, pace, flaw);
    }

    /** Distance of this senior's body at a rise (0 seated upright, 1 standing). */
    private double at(double rise) {
        return site.seatedMm() - rise * (site.seatedMm() - site.standingMm());
    }

    private double riseOf(double mm) {
        return (site.seatedMm() - mm) / (site.seatedMm() - site.standingMm());
    }

    /** Where this senior sits: upright as calibrated, or a little forward. */
    private static double seatedRise(Style style) {
        return style == Style.FORWARD_LEAN ? 0.15 : 0;
    }

    /** Stands up (to full extension, pitching past it with the hands on the thighs). */
    private void standUp(Path body, Style style, double seconds, double standingRise) {
        if (style == Style.HANDS_ON_THIGHS) {
            body.move(seconds * 0.65, at(standingRise + 0.15)).move(seconds * 0.35, at(standingRise));
        } else {
            body.move(seconds, at(standingRise));
        }
    }

    /** Sits down: lands in the seat; returns the moment of landing. A senior who leans back settles after a pause. */
    private double sitDown(Path body, Style style, double seconds) {
        body.land(seconds, at(seatedRise(style)));
        double landed = body.end();
        if (style == Style.LEANING_BACK) {
            body.hold(0.6).move(0.6, at(-0.25));
        }
        return landed;
    }

    public Performance chairStand(Style style, Pace pace, Flaw flaw) {
        double cycle = switch (pace) {
            case NORMAL -> 2.2;
            case SLOW -> 3.6;
            case FAST -> 1.45;
        } * jitter(0.05);
        double rise = cycle * (style == Style.SLOW_RISE ? 0.5 : 0.35);
        double sit = cycle * 0.35;
        double hold = cycle * 0.1;
        double standingRise = 1 + (random.nextDouble() * 2 - 1) * 0.04;
        double start = flaw == Flaw.FALSE_START ? GO_S - 1.0 : GO_S + 0.4 + random.nextDouble() * 0.4;
        double end = GO_S + 30;
        Path body = new Path(at(style == Style.LEANING_BACK ? -0.25 : seatedRise(style))).hold(start);
        for (int attempt = 0; body.end() < end + 4; attempt++) {
            if (style == Style.FORWARD_LEAN && attempt % 2 == 1) {
                body.move(0.6, at(0.45)).move(0.6, at(seatedRise(style))); // leans forward, does not stand
            }
            if (style == Style.SLOW_RISE && attempt % 3 == 2) {
                body.move(rise * 0.7, at(0.65)).move(sit * 0.8, at(0)).hold(0.3); // a half stand: sits back
                continue;
            }
            standUp(body, style, rise, standingRise);
            body.hold(hold);
            sitDown(body, style, sit);
            body.hold(Math.max(0.05, cycle - rise - hold - sit - (style == Style.LEANING_BACK ? 1.2 : 0)));
        }
        int stands = fullStands(body, start, end);
        boolean borderline = fullStands(body, start, end - BORDERLINE_S) != stands
                || fullStands(body, start, end + BORDERLINE_S) != stands;
        TraceBuilder trace = builder(flaw);
        double length = end + 1;
        if (flaw == Flaw.DROPOUT) {
            trace.dropout(GO_S + 10, GO_S + 11.6);
        }
        trace.distance(length, body::at);
        return outcome(MeasurementCode.CHAIR_STAND_30S, style, trace, flaw, BigDecimal.valueOf(stands), length, borderline);
    }

    /**
     * The SFT's count on the true movement: stands reaching full extension, each after being seated,
     * up to {@code end}, plus one when more than half-way up at {@code end}.
     */
    private int fullStands(Path body, double from, double end) {
        int stands = 0;
        boolean seated = true;
        for (double t = from; t <= end; t += 0.001) {
            double r = riseOf(body.at(t));
            if (seated && r >= FULL_EXTENSION) {
                stands++;
                seated = false;
            } else if (!seated && r <= SEATED_BAND) {
                seated = true;
            }
        }
        return stands + (seated && riseOf(body.at(end)) >= HALFWAY ? 1 : 0);
    }

    public Performance upAndGo(Style style, Pace pace, Flaw flaw) {
        double speed = switch (pace) {
            case NORMAL -> 0.9;
            case SLOW -> 0.45;
            case FAST -> 1.5;
        } * jitter(0.05) * (style == Style.SHUFFLING ? 0.6 : 1);
        double rise = (pace == Pace.SLOW ? 1.6 : pace == Pace.FAST ? 0.7 : 1.0) * (style == Style.SLOW_RISE ? 1.8 : 1);
        double sit = rise * 1.2;
        double standingRise = 1 + (random.nextDouble() * 2 - 1) * 0.04;
        double start = flaw == Flaw.FALSE_START ? GO_S - 1.0 : GO_S + 0.3 + random.nextDouble() * 0.5;
        double walk = (at(standingRise) - AT_TURN_MM) / 1000.0 / speed;
        double turn = 1.2 / Math.min(speed, 1.0);
        Path body = new Path(at(style == Style.LEANING_BACK ? -0.25 : seatedRise(style))).hold(start);
        standUp(body, style, rise, standingRise);
        body.move(walk, AT_TURN_MM);
        double turnPadDown = body.end();
        body.hold(turn).move(walk, at(standingRise)).hold(0.4);
        double seated = sitDown(body, style, sit);
        body.hold(3);
        TraceBuilder trace = builder(flaw);
        if (flaw == Flaw.DROPOUT) {
            trace.dropout(start + rise + walk / 2, start + rise + walk / 2 + 1.5);
        }
        trace.distance(body.end(), body::at);
        trace.pad(TURN_PAD, true, turnPadDown + 0.1).pad(TURN_PAD, false, turnPadDown + turn * 0.7);
        return outcome(MeasurementCode.TIMED_UP_AND_GO, style, trace, flaw, seconds(seated - GO_S), body.end(), false);
    }

    public Performance stepInPlace(Style style, Pace pace, Flaw flaw) {
        double period = switch (pace) {
            case NORMAL -> 1.2;
            case SLOW -> 1.8;
            case FAST -> 0.8;
        } * jitter(0.03);
        double end = GO_S + 120;
        TraceBuilder trace = builder(flaw);
        trace.distance(end + 1, t -> ON_MAT_MM);
        trace.pad(LEFT, true, 0.2).pad(RIGHT, true, 0.3);
        double first = flaw == Flaw.FALSE_START ? GO_S - 0.8 : GO_S + 0.5 + random.nextDouble() * 0.3;
        double unplugAt = flaw == Flaw.DROPOUT ? GO_S + 60 : Double.MAX_VALUE;
        int kneeLifts = 0;
        boolean borderline = false;
        boolean leftDown = true;
        boolean rightDown = true;
        int step = 0;
        for (double t = first; t < end + 1; t += period, step++) {
            double p = period * jitter(0.04);
            boolean shuffle = style == Style.SHUFFLING && step % 3 == 2;
            double air = shuffle ? SHUFFLE_S : Math.max(LIFT_S, p * 0.45);
            double[] at = {t, t + air, t + p * 0.5, t + p * 0.5 + air};
            int[] pads = {RIGHT, RIGHT, LEFT, LEFT};
            for (int i = 0; i < at.length; i++) {
                if (at[i] >= unplugAt) {
                    break;
                }
                boolean pressed = i % 2 == 1;
                trace.pad(pads[i], pressed, at[i]);
                if (pads[i] == LEFT) {
                    leftDown = pressed;
                } else {
                    rightDown = pressed;
                }
            }
            double kneeAtTarget = t + air / 2;
            if (!shuffle && kneeAtTarget <= end && t < unplugAt) {
                kneeLifts++;
            }
            borderline |= !shuffle && t <= end + 0.1 && t + air >= end - 0.1; // in the air at the bell
        }
        if (flaw == Flaw.DROPOUT) { // the mat's cable pulled: every pressed pad lets go at once, then silence
            if (leftDown) {
                trace.pad(LEFT, false, unplugAt);
            }
            if (rightDown) {
                trace.pad(RIGHT, false, unplugAt + 0.004);
            }
        }
        return outcome(MeasurementCode.STEP_IN_PLACE_2MIN, style, trace, flaw, BigDecimal.valueOf(kneeLifts), end + 1,
                borderline);
    }

    public Performance oneLegStance(Style style, Pace pace, Flaw flaw) {
        TraceBuilder trace = builder(flaw);
        trace.pad(LEFT, true, 0.2).pad(RIGHT, true, 0.3);
        double t = flaw == Flaw.FALSE_START ? GO_S - 0.6 : GO_S + 0.6 + random.nextDouble() * 0.8;
        double best = 0;
        for (int trial = 0; trial < 2; trial++) {
            double hold = switch (style == Style.SLOW_RISE ? Pace.SLOW : style == Style.HANDS_ON_THIGHS ? Pace.FAST : pace) {
                case NORMAL -> 8 + random.nextDouble() * 10;
                case SLOW -> 1.5 + random.nextDouble() * 3;
                case FAST -> trial == 0 ? 75 : 20 + random.nextDouble() * 10; // a good balancer: stopped by the limit
            };
            int raised = random.nextBoolean() ? RIGHT : LEFT;
            int standing = raised == RIGHT ? LEFT : RIGHT;
            trace.pad(raised, false, t);
            if (flaw == Flaw.DROPOUT) {
                trace.pad(standing, false, t + 0.004); // the mat's cable pulled: every pad lets go at once
                trace.distance(t + 2, x -> ON_MAT_MM);
                return outcome(MeasurementCode.ONE_LEG_STANCE, style, trace, flaw, null, t + 2, false);
            }
            double down = t + Math.min(hold, ONE_LEG_MAX_S + 1);
            switch (style) {
                case LEANING_BACK -> trace.pad(TURN_PAD, true, down).pad(TURN_PAD, false, down + 0.5).pad(raised, true, down + 0.7);
                case FORWARD_LEAN -> trace.pad(SPARE_PAD, true, down).pad(SPARE_PAD, false, down + 0.5).pad(raised, true, down + 0.7);
                case SHUFFLING -> trace.pad(standing, false, down).pad(standing, true, down + 0.25).pad(raised, true, down + 0.4);
                default -> trace.pad(raised, true, down);
            }
            best = Math.max(best, Math.min(hold, ONE_LEG_MAX_S));
            t = down + 0.7 + 2 + random.nextDouble() * 2; // both feet down, a breath, then the second trial
        }
        double length = t + 1.5;
        trace.distance(length, x -> ON_MAT_MM);
        return outcome(MeasurementCode.ONE_LEG_STANCE, style, trace, flaw, seconds(best), length, false);
    }

    private TraceBuilder builder(Flaw flaw) {
        TraceBuilder builder = new TraceBuilder(random);
        if (flaw == Flaw.NOISY) {
            builder.noise(30, 0.02, 0.02).bounce(4);
        }
        return builder;
    }

    private Performance outcome(MeasurementCode code, Style style, TraceBuilder trace, Flaw flaw, BigDecimal value,
            double length, boolean borderline) {
        InvalidReason invalid = switch (flaw) {
            case FALSE_START -> InvalidReason.FALSE_START;
            case DROPOUT -> InvalidReason.SENSOR_DROPOUT;
            default -> null;
        };
        return new Performance(code, style, trace.build(), invalid == null ? value : null, invalid, length, borderline);
    }

    private double jitter(double share) {
        return 1 + (random.nextDouble() * 2 - 1) * share;
    }

    private static BigDecimal seconds(double s) {
        return BigDecimal.valueOf(s).setScale(1, RoundingMode.HALF_UP);
    }

    /** A trace of a body moving in front of the sensor (no pads), with the usual sensor noise. */
    public static Trace trace(Path body, RandomGenerator random) {
        return new TraceBuilder(random).distance(body.end(), body::at).build();
    }

    /** A body's distance from the sensor over time, in eased moves, holds and landings in a seat. */
    public static final class Path {

        private final List<double[]> moves = new ArrayList<>(); // {start, end, from, to} (+ a 5th: a landing)
        private static final double LANDING = 0.8 * Math.PI;
        private double time;
        private double position;

        public Path(double startMm) {
            this.position = startMm;
        }

        public Path hold(double seconds) {
            return move(seconds, position);
        }

        public Path move(double seconds, double toMm) {
            double duration = Math.max(0, seconds);
            moves.add(new double[] {time, time + duration, position, toMm});
            time += duration;
            position = toMm;
            return this;
        }

        /**
         * Sitting down into a seat: eases in like a move but arrives with speed left, stopped by the
         * seat (the last tenth of the way takes about a tenth of the time).
         */
        public Path land(double seconds, double toMm) {
            double duration = Math.max(0, seconds);
            moves.add(new double[] {time, time + duration, position, toMm, 1});
            time += duration;
            position = toMm;
            return this;
        }

        public double end() {
            return time;
        }

        public double at(double t) {
            for (double[] move : moves) {
                if (t < move[1]) {
                    if (t < move[0]) {
                        return move[2];
                    }
                    double u = (t - move[0]) / (move[1] - move[0]);
                    return move.length > 4 ? land(move[2], move[3], u) : TraceBuilder.ease(move[2], move[3], u);
                }
            }
            return position;
        }

        private static double land(double from, double to, double u) {
            return from + (to - from) * (1 - Math.cos(LANDING * u)) / (1 - Math.cos(LANDING));
        }
    }
}
