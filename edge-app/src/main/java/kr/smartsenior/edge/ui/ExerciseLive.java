package kr.smartsenior.edge.ui;

import java.util.Set;

/**
 * The fast-changing part of an exercise screen.
 *
 * @param lit     the pads to light (empty for none)
 * @param sign    the shape and word on the lit pads
 * @param cue     the big line: what to do now
 * @param answer  the answer to the last cue in words ("좋아요!"), empty before the first
 * @param hit     whether that answer was a hit (the feedback's shape and colour); ignored when {@code answer} is empty
 * @param score   the score line ("성공 12 · 놓침 3")
 * @param time    the time line ("남은 시간 4분 12초")
 * @param progress 0 to 1 (the stage's time, or a balance hold), negative for no bar
 */
public record ExerciseLive(Set<Integer> lit, MatView.Sign sign, String cue, String answer, boolean hit, String score, String time,
        double progress) {

    public ExerciseLive {
        lit = Set.copyOf(lit);
    }

    static final ExerciseLive NONE = new ExerciseLive(Set.of(), MatView.Sign.STEP, "", "", false, "", "", -1);

    ExerciseLive withCue(Set<Integer> pads, MatView.Sign newSign, String text) {
        return new ExerciseLive(pads, newSign, text, answer, hit, score, time, progress);
    }

    ExerciseLive withAnswer(String text, boolean wasHit) {
        return new ExerciseLive(lit, sign, cue, text, wasHit, score, time, progress);
    }

    ExerciseLive withProgress(String newScore, String newTime, double newProgress) {
        return new ExerciseLive(lit, sign, cue, answer, hit, newScore, newTime, newProgress);
    }
}
