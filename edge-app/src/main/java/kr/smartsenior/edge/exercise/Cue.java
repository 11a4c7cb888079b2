package kr.smartsenior.edge.exercise;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * What the senior should do now: a target on the mat, a balance task or the interval's beat. The
 * screen lights the pads named here (with their numbers and a shape, never colour alone) and speaks
 * the cue.
 *
 * @param id         increasing within a session; a {@link Feedback} names the cue it answers
 * @param kind       what to do
 * @param pads       the pads involved (the target, both feet for a jump, the pad to keep off for
 *                   {@link Kind#STAY}, the standing foot's pad for a balance task); may be empty
 * @param numberOnly a dual task: the screen shows only the number, not the lit pad
 * @param window     how long the senior has to respond (to get into position, for balance)
 * @param hold       how long a balance position must be held; zero otherwise
 */
public record Cue(long id, Kind kind, Set<Integer> pads, boolean numberOnly, Duration window, Duration hold) {

    public Cue {
        Objects.requireNonNull(kind, "kind");
        pads = Set.copyOf(pads);
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(hold, "hold");
    }

    /** What a cue asks for. */
    public enum Kind {
        /** Step onto the pad (lift the foot and put it down on it). */
        STEP,
        /** Jump with both feet: off pads 1 and 2 together, and land on both. */
        JUMP,
        /** Do not step on the pad (a go/no-go task): stand still until the next cue. */
        STAY,
        /** Stand still on both feet. */
        BOTH_FEET,
        /** Lean towards the screen and hold (the distance sensor sees the shift of weight). */
        LEAN,
        /** Stand on the left foot (pad 1), the right foot lifted. */
        LEFT_LEG,
        /** Stand on the right foot (pad 2), the left foot lifted. */
        RIGHT_LEG,
        /** One foot forward on pad 4, the other on pad 1 or 2 (a staggered, near-tandem stance). */
        STAGGERED,
        /** The interval's beat: step on this pad now, in time. */
        MARCH
    }
}
