package kr.smartsenior.edge.session;

import kr.smartsenior.edge.sensor.PadEvent;
import kr.smartsenior.edge.sensor.StepMat;

/**
 * Where the senior's feet are on the step mat: both on the home pads ({@link #LEFT} and
 * {@link #RIGHT}, where every test and program starts) and since when, since when no pad at all is
 * pressed (stepped off the mat), and since when neither home pad is. The session hands it the pad
 * events it hears ({@link #note}); a time is -1 while it does not hold. On the loop.
 */
public final class MatPresence {

    public static final int LEFT = 1;
    public static final int RIGHT = 2;

    private final StepMat mat;
    private long offSince = -1;
    private long homeSince = -1;
    private long homeEmptySince = -1;

    public MatPresence(StepMat mat) {
        this.mat = mat;
    }

    /** Starts over from the mat as it is: what holds now counts from {@code now}. */
    public void reset(long now) {
        offSince = anyPressed() ? -1 : now;
        homeSince = onHome() ? now : -1;
        homeEmptySince = homeEmpty() ? now : -1;
    }

    /** A pad event the mat has already taken into its state: what begins now counts from the event. */
    public void note(PadEvent event) {
        long at = event.atNanos();
        offSince = anyPressed() ? -1 : since(offSince, at);
        homeSince = onHome() ? since(homeSince, at) : -1;
        homeEmptySince = homeEmpty() ? since(homeEmptySince, at) : -1;
    }

    /** Whether this pad is on the mat and pressed now. */
    public boolean pressed(int pad) {
        return pad <= mat.padCount() && mat.pressed(pad);
    }

    /** Whether the event lifts a foot off a home pad (before "시작", a false start). */
    public static boolean leftHome(PadEvent event) {
        return (event.pad() == LEFT || event.pad() == RIGHT) && !event.pressed();
    }

    /** Both feet on the home pads now. */
    public boolean onHome() {
        return pressed(LEFT) && pressed(RIGHT);
    }

    public boolean anyPressed() {
        for (int pad = 1; pad <= mat.padCount(); pad++) {
            if (mat.pressed(pad)) {
                return true;
            }
        }
        return false;
    }

    /** Loop time since which no pad is pressed, or -1. */
    public long offSince() {
        return offSince;
    }

    /** Loop time since which both home pads are pressed, or -1. */
    public long homeSince() {
        return homeSince;
    }

    /** Loop time since which neither home pad is pressed, or -1. */
    public long homeEmptySince() {
        return homeEmptySince;
    }

    private boolean homeEmpty() {
        return !pressed(LEFT) && !pressed(RIGHT);
    }

    private static long since(long current, long at) {
        return current < 0 ? at : current;
    }
}
