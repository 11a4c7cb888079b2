package kr.smartsenior.edge.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import kr.smartsenior.edge.ui.ports.ExercisePrograms;
import kr.smartsenior.edge.ui.views.Action;
import kr.smartsenior.edge.ui.views.Screen;
import kr.smartsenior.edge.ui.voice.Prompt;
import kr.smartsenior.protocol.MeasurementCode;
import org.junit.jupiter.api.Test;

/** The exercise programs: choosing, the briefing, playing on the mat, stopping and what is recorded. */
class ExerciseFlowTest extends JourneyFixture {

    private void homeOf(int card) {
        cards.show(card);
        awaitScreen(Screen.Greeting.class);
        tap(Action.NEXT);
        awaitScreen(Screen.Home.class);
    }

    private Screen.ExercisePlay intoPlay() {
        homeOf(3);
        tap(Action.EXERCISE);
        awaitScreen(Screen.ExerciseChoice.class);
        tap(Action.CHOOSE_STEP_JUMP);
        awaitScreen(Screen.ExerciseBriefing.class);
        tap(Action.READY);
        await().until(() -> sink.current() instanceof Screen.ExercisePlay play && play.stage() == ExercisePrograms.Stage.PLAY);
        return (Screen.ExercisePlay) sink.current();
    }

    @Test
    void aSeniorChoosesAPrescribedProgramWithAPadExercisesAndSeesTheResultOnlyAfterItIsRecorded() {
        homeOf(3);
        tap(Action.EXERCISE);
        Screen.ExerciseChoice choice = awaitScreen(Screen.ExerciseChoice.class);
        assertThat(choice.offers()).extracting(ExercisePrograms.Offer::program)
                .containsExactly(MeasurementCode.STEP_JUMP, MeasurementCode.INTERVAL);
        assertThat(sink.prompts).contains(Prompt.EXERCISE_CHOOSE);
        pads.press(1); // the first program is the pad's choice
        Screen.ExerciseBriefing briefing = awaitScreen(Screen.ExerciseBriefing.class);
        assertThat(briefing.offer().level()).isEqualTo(2);
        assertThat(sink.prompts.getLast()).isEqualTo(Prompt.STEP_JUMP_INTRO);
        assertThat(Prompt.STEP_JUMP_INTRO.text()).contains(Prompt.EXERCISE_SAFETY.text());
        pads.press(2); // stepping on the mat starts it
        Screen.EffortAsk ask = awaitScreen(Screen.EffortAsk.class);
        assertThat(recorded).as("the session is saved before the question").singleElement()
                .satisfies(r -> assertThat(r.code()).isEqualTo("STEP_JUMP"));
        assertThat(ask.padAction()).isEmpty(); // a foot still on the mat answers nothing
        assertThat(sink.prompts.getLast()).isEqualTo(Prompt.EFFORT_ASK);
        tap(Action.effort(5));
        Screen.ExerciseResult result = awaitScreen(Screen.ExerciseResult.class);
        assertThat(sink.screens).filteredOn(Screen.ExercisePlay.class::isInstance).map(s -> ((Screen.ExercisePlay) s).stage())
                .containsSubsequence(ExercisePrograms.Stage.WARM_UP, ExercisePrograms.Stage.PLAY,
                        ExercisePrograms.Stage.COOL_DOWN);
        assertThat(recorded).hasSize(2).first().satisfies(r -> {
            assertThat(r.code()).isEqualTo("STEP_JUMP");
            assertThat(r.memberId()).isEqualTo(EXERCISER);
            assertThat(r.detail()).containsEntry("stoppedEarly", false);
        });
        assertThat(recorded.getLast()).satisfies(r -> {
            assertThat(r.code()).isEqualTo("EXERCISE_EFFORT");
            assertThat(r.memberId()).isEqualTo(EXERCISER);
            assertThat(r.value()).isEqualByComparingTo("5");
            assertThat(r.detail()).containsEntry("program", "STEP_JUMP").containsEntry("level", 2);
        });
        assertThat(result.summary().stopReason()).isNull();
        assertThat(result.lines()).extracting(Screen.Line::label).contains("운동 시간", "성공", "반응 시간", "단계");
        assertThat(sink.prompts).contains(Prompt.WARM_UP, Prompt.EXERCISE_GO, Prompt.CUE_PAD_1, Prompt.CUE_PAD_2,
                Prompt.CUE_STAY, Prompt.HARDER, Prompt.COOL_DOWN, Prompt.EXERCISE_DONE);
        assertThat(sink.exercise).anyMatch(live -> live.lit().equals(java.util.Set.of(2)) && live.cue().equals("2번 발판을 밟으세요"))
                .anyMatch(live -> live.answer().equals("좋아요!") && live.hit())
                .anyMatch(live -> live.answer().equals("놓쳤어요") && !live.hit())
                .anyMatch(live -> live.score().startsWith("성공 ") && live.time().startsWith("남은 시간"));
        pads.press(1);
        awaitScreen(Screen.Home.class);
    }

    @Test
    void withoutAPrescriptionNoProgramIsOfferedAndTheScreenSaysWhy() {
        homeOf(2);
        tap(Action.EXERCISE);
        awaitScreen(Screen.ExerciseNone.class);
        assertThat(sink.prompts).contains(Prompt.EXERCISE_NONE);
        tap(Action.HOME);
        awaitScreen(Screen.Home.class);
        tap(Action.FINISH);
        awaitScreen(Screen.Goodbye.class);
        homeOf(1); // a prescription without programs offers nothing either
        tap(Action.EXERCISE);
        awaitScreen(Screen.ExerciseNone.class);
    }

    @Test
    void withTheStepMatOutNoProgramIsOfferedAndTheScreenSaysWhyThenTheyAreBackWithTheMat() {
        exercises.matOut(true);
        homeOf(3); // prescribed 스텝 & 점프 and 인터벌
        tap(Action.EXERCISE);
        Screen.ExerciseNone none = awaitScreen(Screen.ExerciseNone.class);
        assertThat(none.matOut()).isTrue();
        assertThat(sink.prompts.getLast()).isEqualTo(Prompt.EXERCISE_MAT_OUT);
        assertThat(sink.screens).noneMatch(Screen.ExerciseChoice.class::isInstance);
        tap(Action.HOME);
        awaitScreen(Screen.Home.class);
        exercises.matOut(false);
        tap(Action.EXERCISE);
        assertThat(awaitScreen(Screen.ExerciseChoice.class).offers()).hasSize(2);
    }

    @Test
    void stoppingForDizzinessOrChestPainShowsWhatToDoAndTheRecordSaysSo() {
        intoPlay();
        stopExercise();
        assertThat(sink.current().padAction()).isEmpty(); // a wobble onto a pad must not answer this
        pads.press(1);
        await().during(Duration.ofMillis(100)).until(() -> sink.current() instanceof Screen.ExerciseStopAsk);
        tap(Action.SYMPTOM);
        awaitScreen(Screen.ExerciseSymptom.class);
        assertThat(sink.prompts).contains(Prompt.EXERCISE_STOP_ASK, Prompt.EXERCISE_SYMPTOM);
        await().until(() -> recorded.size() == 1);
        assertThat(recorded.getFirst().detail()).containsEntry("stoppedEarly", true).containsEntry("symptom",
                "dizziness-or-chest-pain");
        await().during(Duration.ofMillis(100)).until(() -> sink.current() instanceof Screen.ExerciseSymptom);
    }

    @Test
    void aSeniorCanPauseToThinkGoOnAndThenEndTheSessionEarly() {
        intoPlay();
        stopExercise();
        tap(Action.RESUME);
        awaitScreen(Screen.ExercisePlay.class);
        stopExercise();
        tap(Action.END_EXERCISE);
        awaitScreen(Screen.EffortAsk.class);
        tap(Action.NO_EFFORT); // nothing more is recorded
        Screen.ExerciseResult result = awaitScreen(Screen.ExerciseResult.class);
        assertThat(result.summary().stopReason()).isEqualTo("user");
        assertThat(result.lines()).contains(new Screen.Line("멈춤", "중간에 그만했어요"));
        assertThat(sink.prompts.getLast()).isEqualTo(Prompt.EXERCISE_STOPPED);
        assertThat(recorded).singleElement().satisfies(r -> assertThat(r.detail()).containsEntry("stopReason", "user"));
    }

    @Test
    void anEffortQuestionLeftUnansweredTimesOutToTheStartAndRecordsNothingMore() {
        start(UiSettings.defaults().withTimeouts(Duration.ofMillis(300), Duration.ofMillis(300), LONG, LONG, LONG));
        homeOf(3);
        tap(Action.EXERCISE);
        awaitScreen(Screen.ExerciseChoice.class);
        tap(Action.CHOOSE_STEP_JUMP);
        awaitScreen(Screen.ExerciseBriefing.class);
        tap(Action.READY);
        await().until(() -> sink.screens.stream().anyMatch(Screen.EffortAsk.class::isInstance)
                && sink.current() instanceof Screen.Idle);
        assertThat(sink.screens).map(screen -> screen.getClass().getSimpleName())
                .containsSubsequence("EffortAsk", "StillThere", "Idle");
        assertThat(recorded).extracting(r -> r.code()).containsExactly("STEP_JUMP");
    }

    @Test
    void steppingOffTheMatShowsThePausedScreenUntilTheSeniorIsBack() {
        exercises.stepOffNext();
        intoPlay();
        // the pause is one simulated second (100 ms): read the screen history, not the current screen
        await().until(() -> sink.screens.stream().anyMatch(Screen.ExercisePaused.class::isInstance));
        assertThat(sink.prompts).contains(Prompt.EXERCISE_PAUSED);
        awaitScreen(Screen.EffortAsk.class);
        tap(Action.effort(3));
        awaitScreen(Screen.ExerciseResult.class);
        assertThat(sink.screens).map(screen -> screen.getClass().getSimpleName())
                .containsSubsequence("ExercisePlay", "ExercisePaused", "ExercisePlay", "EffortAsk", "ExerciseResult");
    }

    @Test
    void aSessionLeftUnansweredEndsAndTheExerciseIsStillRecordedAsTimedOut() {
        start(UiSettings.defaults().withTimeouts(Duration.ofMillis(300), Duration.ofMillis(300), LONG, LONG, LONG));
        intoPlay();
        stopExercise();
        await().until(() -> sink.current() instanceof Screen.Idle);
        assertThat(sink.screens).map(screen -> screen.getClass().getSimpleName())
                .containsSubsequence("ExerciseStopAsk", "StillThere", "Idle");
        await().until(() -> recorded.size() == 1);
        assertThat(recorded.getFirst().detail()).containsEntry("stopReason", "timeout");
    }

    @Test
    void leavingABriefingRecordsNothing() {
        homeOf(3);
        tap(Action.EXERCISE);
        awaitScreen(Screen.ExerciseChoice.class);
        tap(Action.CHOOSE_INTERVAL);
        Screen.ExerciseBriefing briefing = awaitScreen(Screen.ExerciseBriefing.class);
        assertThat(briefing.offer().program()).isEqualTo(MeasurementCode.INTERVAL);
        assertThat(sink.prompts.getLast()).isEqualTo(Prompt.INTERVAL_INTRO);
        tap(Action.EXERCISE); // 다른 운동
        awaitScreen(Screen.ExerciseChoice.class);
        tap(Action.HOME);
        awaitScreen(Screen.Home.class);
        await().during(Duration.ofMillis(100)).until(recorded::isEmpty);
    }
}
