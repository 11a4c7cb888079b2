package kr.smartsenior.edge.exercise;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import kr.smartsenior.edge.simulate.SimulatedExerciser.Skill;
import kr.smartsenior.edge.store.StoreException;
import kr.smartsenior.protocol.MeasurementRecord;
import org.junit.jupiter.api.Test;

/** Pausing by stepping off, holding, stopping for a symptom, abandoning: every begun session is recorded, marked. */
class SessionFlowTest {

    private static final Duration HOUR = Duration.ofHours(1);

    /** Begins and runs 30 s into play (the warm-up is a minute, two for intervals). */
    private static ExerciseSession intoPlay(Gym gym, Program program) {
        ExerciseSession session = gym.start(program, 2, 10, false);
        session.begin();
        gym.loop.runFor(Duration.ofSeconds(program == Program.INTERVAL ? 130 : 90));
        assertThat(session.phase()).isEqualTo(ExercisePhase.PLAY);
        return session;
    }

    @Test
    void steppingOffTheMatPausesAndSteppingBackOnResumesWithoutLosingExerciseTime() {
        try (Gym gym = new Gym(Skill.NORMAL)) {
            ExerciseSession session = intoPlay(gym, Program.STEP_JUMP);
            gym.senior.stepOff(Duration.ofSeconds(20));
            gym.loop.runFor(Duration.ofSeconds(5));
            assertThat(session.phase()).isEqualTo(ExercisePhase.PAUSED);
            int cuesWhilePaused = gym.cues.size();
            gym.loop.runFor(Duration.ofSeconds(10));
            assertThat(gym.cues).hasSize(cuesWhilePaused); // nothing asked of someone off the mat
            assertThat(gym.progress.getLast().phase()).isEqualTo(ExercisePhase.PAUSED);
            gym.loop.runFor(Duration.ofSeconds(10)); // back on at 20 s, resumed a second later
            assertThat(session.phase()).isEqualTo(ExercisePhase.PLAY);
            gym.runUntilOver(session, HOUR);

            assertThat(gym.phases).containsSubsequence(ExercisePhase.PLAY, ExercisePhase.PAUSED, ExercisePhase.PLAY,
                    ExercisePhase.COOL_DOWN, ExercisePhase.FINISHED);
            SessionResult result = session.result().orElseThrow();
            assertThat(result.stoppedEarly()).isFalse();
            assertThat(result.activeSeconds()).isEqualTo(600);
            assertThat(result.pausedSeconds()).isBetween(18L, 22L);
            assertThat(result.durationSeconds()).isBetween(618L, 622L);
            assertThat(gym.onlyRecord().detail()).containsEntry("pausedS", result.pausedSeconds());
        }
    }

    @Test
    void offTheMatForAMinuteEndsTheSessionRecordedAsSteppedOff() {
        try (Gym gym = new Gym(Skill.NORMAL)) {
            ExerciseSession session = intoPlay(gym, Program.BALANCE);
            gym.senior.stepOff(Duration.ofMinutes(5));
            gym.runUntilOver(session, HOUR);

            assertThat(session.phase()).isEqualTo(ExercisePhase.FINISHED);
            MeasurementRecord record = gym.onlyRecord();
            assertThat(record.detail()).containsEntry("stoppedEarly", true).containsEntry("stopReason", "stepped-off")
                    .doesNotContainKey("symptom");
            assertThat(record.value().intValue()).isBetween(88, 93); // 90 s, and the 1.5 s before the pause
        }
    }

    @Test
    void stoppingForDizzinessOrChestPainIsRecordedWithTheSymptomTheServerLooksFor() {
        try (Gym gym = new Gym(Skill.NORMAL)) {
            ExerciseSession session = intoPlay(gym, Program.INTERVAL);
            session.stop(StopReason.SYMPTOM);
            gym.loop.runPending();

            assertThat(session.phase()).isEqualTo(ExercisePhase.FINISHED);
            assertThat(gym.phases).doesNotContain(ExercisePhase.COOL_DOWN);
            assertThat(gym.onlyRecord().detail()).containsEntry("stoppedEarly", true).containsEntry("stopReason", "symptom")
                    .containsEntry("symptom", "dizziness-or-chest-pain").containsEntry("level", 2);
            int cues = gym.cues.size();
            gym.loop.runFor(Duration.ofSeconds(30));
            assertThat(gym.cues).hasSize(cues); // nothing more after the end
            assertThat(gym.records).hasSize(1);
        }
    }

    @Test
    void anAbandonedSessionIsStillRecordedAndMarkedButOneThatNeverBeganIsNot() {
        try (Gym gym = new Gym(Skill.NORMAL)) {
            ExerciseSession session = intoPlay(gym, Program.STEP_JUMP);
            session.cancel();
            gym.loop.runPending();
            assertThat(gym.onlyRecord().detail()).containsEntry("stoppedEarly", true).containsEntry("stopReason", "timeout");
            assertThat(gym.onlyRecord().value().intValue()).isEqualTo(90);

            ExerciseSession never = gym.start(Program.BALANCE, 1, 10, false);
            never.cancel();
            gym.loop.runPending();
            assertThat(never.phase()).isEqualTo(ExercisePhase.CANCELLED);
            assertThat(gym.records).hasSize(1);
        }
    }

    @Test
    void startingAnotherSessionEndsTheRunningOne() {
        try (Gym gym = new Gym(Skill.NORMAL)) {
            ExerciseSession first = intoPlay(gym, Program.STEP_JUMP);
            gym.coach.start(Gym.MEMBER, new ExerciseOffer(Program.BALANCE, 1, 10, false));
            gym.loop.runPending();
            assertThat(first.phase()).isEqualTo(ExercisePhase.FINISHED);
            assertThat(gym.onlyRecord().detail()).containsEntry("stopReason", "timeout");
        }
    }

    @Test
    void aSeniorsOwnPauseWaitsForThemEvenOnTheMatAndAUserStopIsMarked() {
        try (Gym gym = new Gym(Skill.NORMAL)) {
            ExerciseSession session = intoPlay(gym, Program.STEP_JUMP);
            session.hold();
            gym.loop.runFor(Duration.ofMinutes(3)); // standing on the mat, thinking; no time limit here
            assertThat(session.phase()).isEqualTo(ExercisePhase.PAUSED);
            session.resume();
            gym.loop.runFor(Duration.ofSeconds(10));
            assertThat(session.phase()).isEqualTo(ExercisePhase.PLAY);
            session.stop(StopReason.USER);
            gym.loop.runPending();
            assertThat(gym.onlyRecord().detail()).containsEntry("stopReason", "user").containsEntry("stoppedEarly", true);
            assertThat(session.result().orElseThrow().pausedSeconds()).isBetween(179L, 181L);
        }
    }

    @Test
    void beginningOffTheMatPausesUntilTheSeniorStepsOn() {
        try (Gym gym = new Gym(Skill.NORMAL)) {
            ExerciseSession session = gym.start(Program.STEP_JUMP, 1, 10, false);
            gym.senior.stepOff(Duration.ofSeconds(8)); // not yet on the mat when they press start
            gym.loop.runFor(Duration.ofSeconds(1));
            session.begin();
            gym.loop.runFor(Duration.ofSeconds(3));
            assertThat(session.phase()).isEqualTo(ExercisePhase.PAUSED);
            gym.loop.runFor(Duration.ofSeconds(8));
            assertThat(session.phase()).isEqualTo(ExercisePhase.WARM_UP);
        }
    }

    @Test
    void aResultTheDiskRefusesIsNotCalledSaved() {
        try (Gym gym = new Gym(Skill.NORMAL)) {
            ExerciseCoach failing = new ExerciseCoach(gym.sensors, r -> {
                throw new StoreException("disk full");
            }, java.time.Clock.systemUTC());
            ExerciseSession session = failing.start(Gym.MEMBER, new ExerciseOffer(Program.BALANCE, 1, 5, true));
            gym.senior.follow(session);
            session.begin();
            gym.loop.runFor(Duration.ofSeconds(10));
            session.stop(StopReason.USER);
            gym.loop.runPending();
            assertThat(session.phase()).isEqualTo(ExercisePhase.FINISHED);
            assertThat(session.saved()).isFalse();
            assertThat(session.result()).isPresent();
        }
    }
}
