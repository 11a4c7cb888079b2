package kr.smartsenior.edge.ui.ports;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import kr.smartsenior.edge.exercise.Cue;
import kr.smartsenior.protocol.KioskPrescription;
import kr.smartsenior.protocol.MeasurementCode;
import kr.smartsenior.protocol.MeasurementRecord;

/**
 * The exercise programs (스텝&amp;점프, 밸런스, 고강도 인터벌) as the screens see them: what a member may do
 * today, and one session at a time that reports its stages, targets, answers and progress. The
 * programs themselves (sensors, scoring, adaptation, pausing when the senior steps off the mat) live
 * behind this port.
 *
 * <p>A run goes: it waits (the briefing) until {@link ExerciseRun#begin()}, then reports
 * {@link ExerciseEvent.Stage}s (warm-up, play, rests, pauses, cool-down) with {@link ExerciseEvent.Target}s,
 * {@link ExerciseEvent.Answer}s and {@link ExerciseEvent.Progress} in between, and ends with exactly one
 * {@link ExerciseEvent.Finished} or {@link ExerciseEvent.Failed}. Unlike a test, the implementation
 * records the session itself, through the recorder given to {@link #start}, before it reports
 * {@code Finished}; a session that began and is then cancelled is recorded too (stopped early).
 */
public interface ExercisePrograms {

    /**
     * What this member may do today, from their prescription as {@link MemberInfo#prescription} gives
     * it ({@code programs} within the limits of its {@code restrictions}). Empty when nothing is
     * prescribed or allowed now. Must not block for long.
     */
    List<Offer> offers(KioskPrescription prescription);

    /**
     * Whether no program can run on this kiosk now (the step mat they all play on is out of order): the
     * screens then offer none and say why, instead of offering one that would refuse at its start.
     */
    default boolean outOfOrder() {
        return false;
    }

    /**
     * Starts a session in its briefing. Events go to {@code events} in order, on any thread (not
     * concurrently). The session is recorded through {@code recorder} ({@code Kiosk::record}).
     */
    ExerciseRun start(Offer offer, String memberId, Consumer<MeasurementRecord> recorder, Consumer<ExerciseEvent> events);

    /**
     * A program offered.
     *
     * @param program {@code STEP_JUMP}, {@code BALANCE} or {@code INTERVAL}
     * @param level   1-5, the prescribed level the session starts at
     * @param minutes the prescribed session length
     * @param holdOn  the senior holds on to a chair or rail throughout (the screen says so)
     */
    record Offer(MeasurementCode program, int level, int minutes, boolean holdOn) {
        public Offer {
            Objects.requireNonNull(program, "program");
        }
    }

    /** One running session. */
    interface ExerciseRun {

        /** The senior is ready (on the mat): the warm-up starts. */
        void begin();

        /** The senior pressed "멈추기": paused until {@link #resume()} or {@link #stop}. */
        void hold();

        void resume();

        /** Ends the session now, recorded as stopped early: because of a symptom, or because they chose to. */
        void stop(boolean symptom);

        /** The kiosk session ended around it; a session that began is recorded as stopped early. Idempotent. */
        void cancel();
    }

    /** Where a session is. */
    enum Stage {
        WARM_UP, PLAY, REST, PAUSED, COOL_DOWN
    }

    /** What a session reports. */
    sealed interface ExerciseEvent {

        record Stage(ExercisePrograms.Stage stage) implements ExerciseEvent {
            public Stage {
                Objects.requireNonNull(stage, "stage");
            }
        }

        /**
         * Paused after stepping off: both feet are back on the home pads ({@code back}; the session goes on
         * in a moment, once they have settled), or have left them again before it did.
         */
        record FeetBack(boolean back) implements ExerciseEvent {
        }

        /**
         * A target or task: light these pads (with their numbers and a shape), say it.
         *
         * @param move       what it asks for: the exercise engine's own {@link Cue.Kind}, so a new kind of
         *                   cue cannot reach the screens without them saying how to show it
         * @param numberOnly show the number only, not the lit pad (a dual task)
         * @param hold       how long to hold a balance position, zero otherwise
         */
        record Target(Cue.Kind move, Set<Integer> pads, boolean numberOnly, Duration window, Duration hold)
                implements ExerciseEvent {
            public Target {
                Objects.requireNonNull(move, "move");
                pads = Set.copyOf(pads);
                Objects.requireNonNull(window, "window");
                Objects.requireNonNull(hold, "hold");
            }
        }

        /** The answer to the last target, or a step of an interval round. */
        record Answer(boolean hit, long reactionMillis) implements ExerciseEvent {
        }

        /** The difficulty changed. */
        record Adapted(boolean harder, int level) implements ExerciseEvent {
        }

        /**
         * Live progress, a few times a second.
         *
         * @param remaining until the current stage ends
         * @param held      the balance position held so far ({@link Duration#ZERO} otherwise)
         */
        record Progress(Duration active, Duration remaining, int level, int hits, int misses, int steps, int cadence,
                int round, int rounds, Duration held) implements ExerciseEvent {
            public Progress {
                Objects.requireNonNull(active, "active");
                Objects.requireNonNull(remaining, "remaining");
                Objects.requireNonNull(held, "held");
            }
        }

        /** Over and recorded. */
        record Finished(Summary summary) implements ExerciseEvent {
            public Finished {
                Objects.requireNonNull(summary, "summary");
            }
        }

        /** The session could not go on, or its record could not be saved; the message is for the senior. */
        record Failed(String koreanMessage, boolean notSaved) implements ExerciseEvent {
        }
    }

    /**
     * How a session went, for the result screen.
     *
     * @param meanReactionMillis -1 when there is none
     * @param stopReason         null when it ran to its end; else {@code user}, {@code symptom},
     *                           {@code stepped-off} or {@code timeout}
     */
    record Summary(MeasurementCode program, Duration active, int hits, int misses, int accuracyPercent,
            long meanReactionMillis, int cadence, int levelStart, int levelEnd, int rounds, String stopReason) {
        public Summary {
            Objects.requireNonNull(program, "program");
            Objects.requireNonNull(active, "active");
        }
    }
}
