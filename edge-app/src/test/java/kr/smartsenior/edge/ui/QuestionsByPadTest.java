package kr.smartsenior.edge.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import kr.smartsenior.edge.ui.views.Action;
import kr.smartsenior.edge.ui.views.Screen;
import kr.smartsenior.edge.ui.voice.Prompt;
import org.junit.jupiter.api.Test;

/**
 * Decision 0028, the same on every question screen: touch answers any answer; a pad answers only when
 * a foot is put on it and kept there {@link Screen.Question#PAD_HOLD}, and then with the main answer; a
 * quick press (a wobble) or a foot lifted too soon answers nothing.
 */
class QuestionsByPadTest extends JourneyFixture {

    private static final Duration LONGER_THAN_A_HOLD = Screen.Question.PAD_HOLD.plusMillis(600);

    /** The question stays: nothing answered it within longer than a hold. */
    private void unanswered(Screen question) {
        await().during(LONGER_THAN_A_HOLD).atMost(LONGER_THAN_A_HOLD.plusSeconds(5)).until(() -> sink.current() == question);
    }

    private void homeOf(int member) {
        cards.show(member);
        awaitScreen(Screen.Greeting.class);
        tap(Action.NEXT);
        awaitScreen(Screen.Home.class);
    }

    private Screen.SafetyAsk safetyAsk() {
        greetedAtHome();
        tap(Action.MEASURE);
        return awaitScreen(Screen.SafetyAsk.class);
    }

    private Screen.OneLegHandsAsk oneLegAsk() {
        safetyAsk();
        tap(Action.WELL);
        while (!(sink.current() instanceof Screen.OneLegHandsAsk)) { // the first three are skipped
            Screen before = awaitScreen(Screen.TestStep.class);
            tap(Action.SKIP);
            await().until(() -> sink.current() != before);
        }
        return awaitScreen(Screen.OneLegHandsAsk.class);
    }

    private Screen.ExerciseStopAsk stopAsk() {
        homeOf(3);
        tap(Action.EXERCISE);
        awaitScreen(Screen.ExerciseChoice.class);
        tap(Action.CHOOSE_STEP_JUMP);
        awaitScreen(Screen.ExerciseBriefing.class);
        tap(Action.READY);
        await().until(() -> sink.current() instanceof Screen.ExercisePlay play
                && play.stage() == kr.smartsenior.edge.ui.ports.ExercisePrograms.Stage.PLAY);
        stopExercise();
        return awaitScreen(Screen.ExerciseStopAsk.class);
    }

    private Screen.EffortAsk effortAsk() {
        homeOf(3);
        tap(Action.EXERCISE);
        awaitScreen(Screen.ExerciseChoice.class);
        tap(Action.CHOOSE_STEP_JUMP);
        awaitScreen(Screen.ExerciseBriefing.class);
        tap(Action.READY);
        return awaitScreen(Screen.EffortAsk.class);
    }

    @Test
    void theSafetyQuestionIsAnsweredWellByAPadHeldAndNotByAQuickPressOrAFootLiftedTooSoon() {
        Screen.SafetyAsk ask = safetyAsk();
        assertThat(ask.padHoldAction()).contains(Action.WELL);
        assertThat(Prompt.SAFETY_ASK.text()).contains("2초 동안 밟고");
        pads.press(1);
        unanswered(ask);
        pads.hold(2);
        pads.release(2);
        unanswered(ask);
        pads.hold(3);
        awaitScreen(Screen.TestStep.class);
        assertThat(recorded).as("'well' records nothing").isEmpty();
    }

    @Test
    void theSafetyQuestionIsAnsweredEitherWayByTouch() {
        safetyAsk();
        tap(Action.UNWELL);
        awaitScreen(Screen.RestToday.class);
        assertThat(recorded).singleElement().satisfies(r -> assertThat(r.code()).isEqualTo("UNWELL_TODAY"));
    }

    @Test
    void theOneLegQuestionHeldOnAPadMeansHoldingTheChair() {
        Screen.OneLegHandsAsk ask = oneLegAsk();
        pads.press(2);
        unanswered(ask);
        pads.hold(2);
        Screen.TestStep step = awaitScreen(Screen.TestStep.class);
        assertThat(step.heldChair()).as("a foot cannot say the hands are free").isTrue();
    }

    @Test
    void theOneLegQuestionIsAnsweredHandsFreeOnlyByTouch() {
        oneLegAsk();
        tap(Action.HANDS_FREE);
        Screen.TestStep step = awaitScreen(Screen.TestStep.class);
        assertThat(step.heldChair()).isFalse();
    }

    @Test
    void theStopQuestionHeldOnAPadStopsTheSessionAndAQuickPressGoesOnAsking() {
        Screen.ExerciseStopAsk ask = stopAsk();
        assertThat(ask.padHoldAction()).contains(Action.END_EXERCISE);
        pads.press(1);
        unanswered(ask);
        pads.hold(1);
        awaitScreen(Screen.EffortAsk.class);
        assertThat(recorded).singleElement().satisfies(r -> assertThat(r.detail()).containsEntry("stoppedEarly", true));
    }

    @Test
    void theStopQuestionIsAnsweredByTouch() {
        stopAsk();
        tap(Action.RESUME);
        awaitScreen(Screen.ExercisePlay.class);
    }

    @Test
    void theEffortQuestionHeldOnAPadMovesOnWithoutARating() {
        Screen.EffortAsk ask = effortAsk();
        assertThat(ask.padHoldAction()).contains(Action.NO_EFFORT);
        pads.press(2);
        unanswered(ask);
        pads.hold(2);
        awaitScreen(Screen.ExerciseResult.class);
        assertThat(recorded).as("no rating by a foot").singleElement()
                .satisfies(r -> assertThat(r.code()).isEqualTo("STEP_JUMP"));
    }

    @Test
    void theEffortQuestionIsRatedByTouch() {
        effortAsk();
        tap(Action.effort(6));
        awaitScreen(Screen.ExerciseResult.class);
        assertThat(recorded.getLast()).satisfies(r -> {
            assertThat(r.code()).isEqualTo("EXERCISE_EFFORT");
            assertThat(r.value()).isEqualByComparingTo("6");
        });
    }
}
