package kr.smartsenior.edge.exercise;

import java.util.Objects;

/**
 * A program the member may do today, at the prescribed level.
 *
 * @param program what
 * @param level   1-5, from the prescription (the session starts here and never goes above it)
 * @param minutes the session's prescribed length (intervals are defined by their rounds instead)
 * @param support the senior must hold on to a chair or rail (a fall-risk restriction, or the level's own rule)
 */
public record ExerciseOffer(Program program, int level, int minutes, boolean support) {

    public ExerciseOffer {
        Objects.requireNonNull(program, "program");
        if (level < 1 || level > Program.MAX_LEVEL) {
            throw new IllegalArgumentException("level must be 1 to " + Program.MAX_LEVEL + ", got " + level);
        }
        if (minutes < ExercisePlan.MIN_MINUTES || minutes > ExercisePlan.MAX_MINUTES) {
            throw new IllegalArgumentException("minutes must be " + ExercisePlan.MIN_MINUTES + " to "
                    + ExercisePlan.MAX_MINUTES + ", got " + minutes);
        }
    }

    /**
     * Whether the senior holds on to a chair or rail throughout: when a restriction says so, and at the
     * low levels of balance (up to {@value BalanceSession#SUPPORT_UP_TO_LEVEL}) and of step &amp; jump (level 1).
     */
    public boolean holdOn() {
        return support || switch (program) {
            case BALANCE -> level <= BalanceSession.SUPPORT_UP_TO_LEVEL;
            case STEP_JUMP -> level == 1;
            case INTERVAL -> false;
        };
    }
}
