package kr.smartsenior.edge.simulate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import kr.smartsenior.edge.measure.FitnessTestSession;
import kr.smartsenior.edge.measure.InvalidReason;
import kr.smartsenior.edge.sensor.MotionSignals;
import kr.smartsenior.edge.sensor.SiteCalibration;
import kr.smartsenior.edge.sensor.Trace;
import kr.smartsenior.protocol.MeasurementCode;

/**
 * A senior taking the sensor tests, as sensor traces: how far their body is from the distance
 * sensor over time and when their feet press and leave the pads, with the measurement noise,
 * bounce, dropouts and false starts a real kiosk sees. Each trace starts when the test's
 * {@code ready()} is pressed, so "go" is at {@link FitnessTestSession#COUNTDOWN}; each comes with the
 * outcome the protocol should reach.
 *
 * <p>Modelling choices (they define the expected values): the seat-off and seat-contact moments
 * are where the body is {@link MotionSignals#SIT_BELOW} of the way between the calibrated seated
 * and standing distances; a stand is complete at {@link MotionSignals#STAND_ABOVE}; movements ease
 * in and out (cosine).
 */
public final class SimulatedSenior {

    /** How quickly the senior moves. */
    public enum Pace { NORMAL, SLOW, FAST }

    /** What goes wrong, if anything. */
    public enum Flaw { NONE, NOISY, DROPOUT, FALSE_START }

    /**
     * A trace and what the protocol should make of it.
     *
     * @param expected  the value, or null when the test should be invalid
     * @param invalid   the reason it should be invalid, or null
     * @param lengthS   how long the trace runs
     * @param borderline a repetition falls within {@link #BORDERLINE_S} of the end of a timed test, where
     *                   one sample of sensor noise decides whether it counts: expect the count ±1
     */
    public record Performance(MeasurementCode code, Trace trace, BigDecimal expected, InvalidReason invalid, double lengthS,
            boolean borderline) {
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

    private final SiteCalibration site;
    private final RandomGenerator random;

    public SimulatedSenior(SiteCalibration site, RandomGenerator random) {
        this.site = site;
        this.random = random;
    }

    /** A performance of any sensor test. */
    public Performance perform(MeasurementCode code, Pace pace, Flaw flaw) {
        return switch (code) {
            case CHAIR_STAND_30S -> chairStand(pace, flaw);
            case STEP_IN_PLACE_2MIN -> stepInPlace(pace, flaw);
            case TIMED_UP_AND_GO -> upAndGo(pace, flaw);
            case FIGURE_8_WALK -> figureEight(pace, flaw);
            case ONE_LEG_STANCE -> oneLegStance(pace, flaw);
            default -> throw new IllegalArgumentException(code + " is not a sensor test");
        };
    }

    public Performance chairStand(Pace pace, Flaw flaw) {
        double cycle = switch (pace) {
            case NORMAL -> 2.2;
            case SLOW -> 3.6;
            case FAST -> 1.45;
        } * jitter(0.05);
        double rise = cycle * 0.35;
        double sit = cycle * 0.35;
        double hold = cycle * 0.1;
        double start = flaw == Flaw.FALSE_START ? GO_S - 1.0 : GO_S + 0.4 + random.nextDouble() * 0.4;
        double end = GO_S + 30;
        Path body = new Path(site.seatedMm()).hold(start);
        int stands = 0;
        boolean halfway = false;
        boolean borderline = false;
        double t = start;
        while (t < end + 4) {
            double standAt = t + rise * TraceBuilder.easeAt(MotionSignals.STAND_ABOVE);
            double halfwayAt = t + rise * TraceBuilder.easeAt(0.5);
            borderline |= Math.abs(standAt - end) < BORDERLINE_S || Math.abs(halfwayAt - end) < BORDERLINE_S;
            if (standAt <= end) {
                stands++;
            } else if (t < end && t + rise * TraceBuilder.easeAt(0.5) <= end) {
                halfway = true;
            }
            body.move(rise, site.standingMm()).hold(hold).move(sit, site.seatedMm()).hold(cycle - rise - hold - sit);
            t += cycle;
        }
        TraceBuilder trace = builder(flaw);
        double length = end + 1;
        if (flaw == Flaw.DROPOUT) {
            trace.dropout(GO_S + 10, GO_S + 11.6);
        }
        trace.distance(length, body::at);
        return outcome(MeasurementCode.CHAIR_STAND_30S, trace, flaw, BigDecimal.valueOf(stands + (halfway ? 1 : 0)), length,
                borderline);
    }

    public Performance upAndGo(Pace pace, Flaw flaw) {
        double speed = switch (pace) {
            case NORMAL -> 0.9;
            case SLOW -> 0.45;
            case FAST -> 1.5;
        } * jitter(0.05);
        double rise = pace == Pace.SLOW ? 1.6 : pace == Pace.FAST ? 0.7 : 1.0;
        double sit = rise * 1.2;
        double start = flaw == Flaw.FALSE_START ? GO_S - 1.0 : GO_S + 0.3 + random.nextDouble() * 0.5;
        double walk = (site.standingMm() - AT_TURN_MM) / 1000.0 / speed;
        double turn = 1.2 / Math.min(speed, 1.0);
        Path body = new Path(site.seatedMm()).hold(start).move(rise, site.standingMm()).move(walk, AT_TURN_MM);
        double turnPadDown = body.end();
        body.hold(turn).move(walk, site.standingMm()).hold(0.6);
        double sitStart = body.end();
        body.move(sit, site.seatedMm()).hold(3);
        double seatOff = start + rise * TraceBuilder.easeAt(MotionSignals.SIT_BELOW);
        double seatContact = sitStart + sit * TraceBuilder.easeAt(1 - MotionSignals.SIT_BELOW);
        TraceBuilder trace = builder(flaw);
        if (flaw == Flaw.DROPOUT) {
            trace.dropout(start + rise + walk / 2, start + rise + walk / 2 + 1.5);
        }
        trace.distance(body.end(), body::at);
        trace.pad(TURN_PAD, true, turnPadDown + 0.1).pad(TURN_PAD, false, turnPadDown + turn * 0.7);
        return outcome(MeasurementCode.TIMED_UP_AND_GO, trace, flaw, seconds(seatContact - seatOff), body.end(), false);
    }

    public Performance figureEight(Pace pace, Flaw flaw) {
        double scale = switch (pace) {
            case NORMAL -> 1.0;
            case SLOW -> 1.6;
            case FAST -> 0.65;
        } * jitter(0.05);
        double rise = 1.0 * Math.min(scale, 1.3);
        double sit = rise * 1.2;
        double start = flaw == Flaw.FALSE_START ? GO_S - 1.0 : GO_S + 0.3 + random.nextDouble() * 0.5;
        int nearCones = site.standingMm() - 1600;
        Path body = new Path(site.seatedMm()).hold(start).move(rise, site.standingMm());
        for (int cone = 0; cone < 2; cone++) {
            body.move(2.0 * scale, nearCones).jump(site.emptyMm()).hold(4.5 * scale).jump(nearCones).hold(0.8 * scale);
        }
        body.move(2.5 * scale, site.standingMm()).hold(0.8);
        double sitStart = body.end();
        body.move(sit, site.seatedMm()).hold(3);
        double seatOff = start + rise * TraceBuilder.easeAt(MotionSignals.SIT_BELOW);
        double seatContact = sitStart + sit * TraceBuilder.easeAt(1 - MotionSignals.SIT_BELOW);
        TraceBuilder trace = builder(flaw);
        if (flaw == Flaw.DROPOUT) {
            trace.dropout(start + 0.3 + rise + 2.0 * scale, start + rise + 2.0 * scale + 17); // lost them round a cone
        }
        trace.distance(body.end(), body::at);
        return outcome(MeasurementCode.FIGURE_8_WALK, trace, flaw, seconds(seatContact - seatOff), body.end(), false);
    }

    public Performance stepInPlace(Pace pace, Flaw flaw) {
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
        int rightLifts = 0;
        boolean borderline = false;
        boolean leftDown = true;
        boolean rightDown = true;
        for (double t = first; t < end + 1; t += period) {
            double p = period * jitter(0.04);
            double[] at = {t, t + p * 0.45, t + p * 0.5, t + p * 0.95};
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
            if (t <= end && t < unplugAt) {
                rightLifts++;
            }
            borderline |= Math.abs(t - end) < BORDERLINE_S;
        }
        if (flaw == Flaw.DROPOUT) { // the mat's cable pulled: every pressed pad lets go at once, then silence
            if (leftDown) {
                trace.pad(LEFT, false, unplugAt);
            }
            if (rightDown) {
                trace.pad(RIGHT, false, unplugAt + 0.004);
            }
        }
        return outcome(MeasurementCode.STEP_IN_PLACE_2MIN, trace, flaw, BigDecimal.valueOf(rightLifts), end + 1, borderline);
    }

    public Performance oneLegStance(Pace pace, Flaw flaw) {
        double hold = switch (pace) {
            case NORMAL -> 8 + random.nextDouble() * 10;
            case SLOW -> 1.5 + random.nextDouble() * 3;
            case FAST -> 75; // a good balancer: stopped by the 60 s limit
        };
        TraceBuilder trace = builder(flaw);
        double lift = flaw == Flaw.FALSE_START ? GO_S - 0.6 : GO_S + 0.6 + random.nextDouble() * 0.8;
        double length = lift + Math.min(hold, 61) + 1.5;
        trace.distance(length, t -> ON_MAT_MM);
        trace.pad(LEFT, true, 0.2).pad(RIGHT, true, 0.3);
        trace.pad(RIGHT, false, lift);
        if (flaw == Flaw.DROPOUT) {
            trace.pad(LEFT, false, lift + 0.004); // the mat's cable pulled: every pad lets go at once
        } else if (hold < 61) {
            trace.pad(RIGHT, true, lift + hold);
        }
        BigDecimal expected = seconds(Math.min(hold, 60));
        return outcome(MeasurementCode.ONE_LEG_STANCE, trace, flaw, expected, length, false);
    }

    private TraceBuilder builder(Flaw flaw) {
        TraceBuilder builder = new TraceBuilder(random);
        if (flaw == Flaw.NOISY) {
            builder.noise(30, 0.02, 0.02).bounce(4);
        }
        return builder;
    }

    private Performance outcome(MeasurementCode code, TraceBuilder trace, Flaw flaw, BigDecimal value, double length,
            boolean borderline) {
        InvalidReason invalid = switch (flaw) {
            case FALSE_START -> InvalidReason.FALSE_START;
            case DROPOUT -> InvalidReason.SENSOR_DROPOUT;
            default -> null;
        };
        return new Performance(code, trace.build(), invalid == null ? value : null, invalid, length, borderline);
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

    /** A body's distance from the sensor over time, in eased moves, holds and jumps. */
    public static final class Path {

        private final List<double[]> moves = new ArrayList<>(); // {start, end, from, to}
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

        /** Instantly elsewhere (out of the beam and back). */
        public Path jump(double toMm) {
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
                    return TraceBuilder.ease(move[2], move[3], (t - move[0]) / (move[1] - move[0]));
                }
            }
            return position;
        }
    }
}
