package kr.smartsenior.edge.exercise;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import kr.smartsenior.edge.simulate.SimulatedExerciser.Skill;
import kr.smartsenior.protocol.MeasurementRecord;
import kr.smartsenior.protocol.RecordValidator;
import org.junit.jupiter.api.Test;

/** Each program played by a simulated senior on simulated sensors: normal, poor and excellent play. */
class ExerciseSessionTest {

    private static final Duration HOUR = Duration.ofHours(1);

    @Test
    void stepAndJumpNormalPlayKeepsTheTempoAndIsRecordedWithItsScore() {
        try (Gym gym = new Gym(Skill.NORMAL)) {
            ExerciseSession session = gym.play(gym.start(Program.STEP_JUMP, 2, 10, false), HOUR);

            assertThat(gym.phases).containsExactly(ExercisePhase.WARM_UP, ExercisePhase.PLAY, ExercisePhase.COOL_DOWN,
                    ExercisePhase.FINISHED);
            MeasurementRecord record = gym.onlyRecord();
            assertThat(record.code()).isEqualTo("STEP_JUMP");
            assertThat(record.kind()).isEqualTo("exercise");
            assertThat(record.unit()).isEqualTo("s");
            assertThat(record.value()).isEqualByComparingTo(BigDecimal.valueOf(600));
            assertThat(RecordValidator.problem(record, Instant.now())).isEmpty();
            Map<String, Object> detail = record.detail();
            assertThat(detail).containsEntry("program", "STEP_JUMP").containsEntry("level", 2).containsEntry("levelStart", 2)
                    .containsEntry("levelEnd", 2).containsEntry("stoppedEarly", false).doesNotContainKey("stopReason")
                    .doesNotContainKey("symptom");
            SessionResult result = session.result().orElseThrow();
            assertThat(result.hits() + result.misses()).isGreaterThan(100);
            assertThat(result.accuracy()).isBetween(0.7, 0.8);
            assertThat(result.tempoEnd()).isEqualTo(100);
            assertThat(gym.adaptations).isEmpty();
            assertThat(result.meanReactionMs()).isBetween(550L, 1150L);
            assertThat(result.cadence()).isPositive();
            assertThat(gym.cues).extracting(Cue::kind).contains(Cue.Kind.STEP, Cue.Kind.STAY)
                    .doesNotContain(Cue.Kind.JUMP);
            assertThat(gym.cues).allSatisfy(cue -> assertThat(cue.pads()).isSubsetOf(1, 2));
            assertThat(session.saved()).isTrue();
        }
    }

    @Test
    void stepAndJumpExcellentPlayRaisesTheTempoButNeverAboveThePrescribedLevel() {
        try (Gym gym = new Gym(Skill.EXCELLENT)) {
            ExerciseSession session = gym.play(gym.start(Program.STEP_JUMP, 4, 12, false), HOUR);

            SessionResult result = session.result().orElseThrow();
            assertThat(result.accuracy()).isGreaterThan(0.9);
            assertThat(result.tempoEnd()).isGreaterThan(100);
            assertThat(result.levelEnd()).isEqualTo(4);
            assertThat(gym.adaptations).isNotEmpty().allMatch(harder -> harder);
            assertThat(gym.cues).extracting(Cue::kind).contains(Cue.Kind.JUMP);
            assertThat(gym.cues).anyMatch(cue -> cue.pads().contains(3)).anyMatch(cue -> cue.pads().contains(4));
            // faster tempo: shorter windows at the end than at the start
            assertThat(gym.cues.getLast().window()).isLessThan(gym.cues.getFirst().window());
            assertThat(gym.onlyRecord().detail()).containsEntry("tempoEndPct", result.tempoEnd());
        }
    }

    @Test
    void stepAndJumpPoorPlaySlowsDownAndThenStepsALevelDown() {
        try (Gym gym = new Gym(Skill.POOR)) {
            ExerciseSession session = gym.play(gym.start(Program.STEP_JUMP, 3, 20, false), HOUR);

            SessionResult result = session.result().orElseThrow();
            assertThat(result.accuracy()).isLessThan(0.6);
            assertThat(gym.adaptations).isNotEmpty().allMatch(harder -> !harder);
            assertThat(result.levelEnd()).isLessThan(3);
            assertThat(gym.onlyRecord().detail()).containsEntry("level", 3).containsEntry("levelEnd", result.levelEnd());
        }
    }

    @Test
    void withSupportThereAreNoJumps() {
        try (Gym gym = new Gym(Skill.EXCELLENT)) {
            gym.play(gym.start(Program.STEP_JUMP, 5, 10, true), HOUR);
            assertThat(gym.cues).extracting(Cue::kind).doesNotContain(Cue.Kind.JUMP);
            assertThat(gym.cues).anyMatch(Cue::numberOnly);
            assertThat(gym.onlyRecord().detail()).containsEntry("support", true);
        }
    }

    @Test
    void balanceNormalPlayHoldsItsTargetsAndUsesTheMotionSensorForTheLean() {
        try (Gym gym = new Gym(Skill.NORMAL)) {
            ExerciseSession session = gym.play(gym.start(Program.BALANCE, 2, 10, false), HOUR);

            SessionResult result = session.result().orElseThrow();
            assertThat(gym.cues).extracting(Cue::kind).contains(Cue.Kind.LEAN, Cue.Kind.LEFT_LEG, Cue.Kind.RIGHT_LEG);
            assertThat(result.accuracy()).isBetween(0.6, 0.85);
            assertThat(result.levelEnd()).isEqualTo(2);
            assertThat(gym.feedback).filteredOn(Feedback::hit).allSatisfy(f -> assertThat(f.heldMillis()).isPositive());
            assertThat(gym.progress).anyMatch(p -> p.heldMillis() > 1000);
            assertThat(gym.onlyRecord().value()).isEqualByComparingTo(BigDecimal.valueOf(600));
        }
    }

    @Test
    void balanceExcellentPlayLengthensTheHoldsAndPoorPlayShortensThem() {
        try (Gym gym = new Gym(Skill.EXCELLENT)) {
            ExerciseSession session = gym.play(gym.start(Program.BALANCE, 3, 10, false), HOUR);
            assertThat(session.result().orElseThrow().tempoEnd()).isGreaterThan(100);
            assertThat(gym.cues).extracting(Cue::kind).contains(Cue.Kind.STAGGERED);
            assertThat(gym.cues.getLast().hold()).isGreaterThan(gym.cues.getFirst().hold());
        }
        try (Gym gym = new Gym(Skill.POOR)) {
            ExerciseSession session = gym.play(gym.start(Program.BALANCE, 3, 15, false), HOUR);
            SessionResult result = session.result().orElseThrow();
            assertThat(result.accuracy()).isLessThan(0.6);
            assertThat(gym.adaptations).isNotEmpty().allMatch(harder -> !harder);
            assertThat(result.tempoEnd() < 100 || result.levelEnd() < 3).isTrue();
        }
    }

    @Test
    void intervalRoundsAreCountedAgainstTheCadenceTargetAndAdaptIt() {
        try (Gym gym = new Gym(Skill.NORMAL)) {
            ExerciseSession session = gym.play(gym.start(Program.INTERVAL, 1, 10, false), HOUR);
            assertThat(gym.phases).containsExactly(ExercisePhase.WARM_UP, ExercisePhase.PLAY, ExercisePhase.REST,
                    ExercisePhase.PLAY, ExercisePhase.REST, ExercisePhase.PLAY, ExercisePhase.COOL_DOWN,
                    ExercisePhase.FINISHED);
            SessionResult result = session.result().orElseThrow();
            assertThat(result.rounds()).isEqualTo(3);
            assertThat(result.tempoEnd()).isEqualTo(100);
            assertThat(result.cadence()).isBetween(50, 70); // 75 % of 80 steps a minute
            assertThat(result.steps()).isBetween(45, 70);
            // 2 min warm-up, 3 × 20 s work, 2 × 60 s rest, 2 min cool-down
            assertThat(gym.onlyRecord().value()).isEqualByComparingTo(BigDecimal.valueOf(420));
            assertThat(gym.onlyRecord().detail()).containsEntry("rounds", 3).doesNotContainKey("meanReactionMs");
            assertThat(gym.cues).extracting(Cue::kind).containsOnly(Cue.Kind.MARCH);
            assertThat(gym.progress).anyMatch(p -> p.round() == 2 && p.rounds() == 3 && p.cadence() > 0);
        }
        try (Gym gym = new Gym(Skill.EXCELLENT)) {
            ExerciseSession session = gym.play(gym.start(Program.INTERVAL, 2, 10, false), HOUR);
            assertThat(session.result().orElseThrow().tempoEnd()).isGreaterThan(100);
            assertThat(gym.adaptations).isNotEmpty().allMatch(harder -> harder);
        }
        try (Gym gym = new Gym(Skill.POOR)) {
            ExerciseSession session = gym.play(gym.start(Program.INTERVAL, 3, 10, false), HOUR);
            SessionResult result = session.result().orElseThrow();
            assertThat(result.tempoEnd()).isLessThan(100);
            assertThat(result.accuracy()).isLessThan(0.6);
        }
    }

    @Test
    void feedbackComesAsSoonAsTheDebouncedPadEventArrives() {
        try (Gym gym = new Gym(Skill.EXCELLENT)) {
            gym.play(gym.start(Program.STEP_JUMP, 2, 5, false), HOUR);
            for (int i = 0; i < gym.feedback.size(); i++) {
                Feedback answer = gym.feedback.get(i);
                if (answer.hit() && answer.reactionMillis() >= 0) {
                    // the pad's first edge + the 15 ms debounce window, nothing more
                    assertThat(gym.feedbackAt.get(i) - answer.atNanos()).isBetween(0L, 16_000_000L);
                }
            }
        }
    }
}
