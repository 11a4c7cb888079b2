package kr.smartsenior.edge.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import kr.smartsenior.edge.store.StoreException;
import kr.smartsenior.edge.ui.ports.FitnessTests;
import kr.smartsenior.edge.ui.ports.FitnessTests.Step;
import kr.smartsenior.edge.ui.views.Action;
import kr.smartsenior.edge.ui.views.Screen;
import kr.smartsenior.edge.ui.voice.Prompt;
import kr.smartsenior.protocol.MeasurementCode;
import kr.smartsenior.protocol.MeasurementProtocol;
import kr.smartsenior.protocol.MeasurementRecord;
import kr.smartsenior.protocol.RecordDetail;
import org.junit.jupiter.api.Test;

/** The guided test battery: the day's safety question, the tests one by one, retries, failures and what is recorded. */
class TestBatteryFlowTest extends JourneyFixture {

    @Test
    void painOrDizzinessTodayMeansNoTestTheAnswerRecordedForStaffAndBackHome() {
        greetedAtHome();
        tap(Action.MEASURE);
        awaitScreen(Screen.SafetyAsk.class);
        assertThat(sink.prompts).contains(Prompt.SAFETY_ASK);
        tap(Action.UNWELL);
        assertThat(awaitScreen(Screen.RestToday.class).exerciseToo()).isTrue(); // exercise rests today too
        assertThat(sink.prompts).last().isEqualTo(Prompt.REST_TODAY_UNWELL);
        assertThat(sink.screens).noneMatch(s -> s instanceof Screen.TestStep || s instanceof Screen.Countdown
                || s instanceof Screen.Measuring || s instanceof Screen.Result);
        tap(Action.HOME);
        assertThat(awaitScreen(Screen.Home.class).name()).isEqualTo(NAME);
        assertThat(recorded).singleElement().satisfies(r -> {
            assertThat(r.code()).isEqualTo(MeasurementCode.UNWELL_TODAY.name());
            assertThat(r.kind()).isEqualTo("check");
            assertThat(r.value()).isEqualByComparingTo("1");
            assertThat(r.detail()).containsEntry("question", "오늘 몸이 아프거나 어지러우세요?");
        });
    }

    @Test
    void anUnwellAnswerThatCannotBeSavedStillSendsTheSeniorToRest() {
        recorder = r -> {
            throw new StoreException("disk full");
        };
        greetedAtHome();
        tap(Action.MEASURE);
        awaitScreen(Screen.SafetyAsk.class);
        tap(Action.UNWELL);
        awaitScreen(Screen.RestToday.class);
    }

    @Test
    void noPainOrDizzinessStartsTheBattery() {
        greetedAtHome();
        measure();
        Screen.TestStep first = awaitScreen(Screen.TestStep.class);
        assertThat(first.test()).isEqualTo(MeasurementCode.CHAIR_STAND_30S);
        assertThat(first.number()).isEqualTo(1);
        assertThat(sink.screens).noneMatch(Screen.RestToday.class::isInstance);
    }

    @Test
    void aPadPressDoesNotAnswerTheSafetyQuestion() {
        cards.show(1);
        awaitScreen(Screen.Greeting.class);
        pads.press(1);
        awaitScreen(Screen.Home.class);
        pads.press(1); // 체력 측정
        Screen.SafetyAsk ask = awaitScreen(Screen.SafetyAsk.class);
        assertThat(ask.padAction()).isEmpty();
        int shown = sink.screens.size();
        pads.press(1);
        pads.press(2);
        await().during(Duration.ofMillis(200)).until(() -> sink.screens.size() == shown);
        assertThat(sink.current()).isSameAs(ask);
    }

    @Test
    void aHighBloodPressureOnTheRosterMeansNoTestWithoutAsking() {
        cards.show(4);
        awaitScreen(Screen.Greeting.class);
        tap(Action.NEXT);
        awaitScreen(Screen.Home.class);
        tap(Action.MEASURE);
        awaitScreen(Screen.RestToday.class);
        assertThat(sink.screens).noneMatch(s -> s instanceof Screen.SafetyAsk || s instanceof Screen.TestStep);
        assertThat(recorded).isEmpty();
    }

    @Test
    void aSensorFailureShowsACalmScreenAndKeepsThePersonsSession() {
        greetedAtHome();
        tests.failNext();
        measure();
        awaitScreen(Screen.TestStep.class);
        tap(Action.READY);
        awaitScreen(Screen.TestStep.class);
        await().until(() -> ((Screen.TestStep) sink.current()).step() == Step.PRACTICE);
        tap(Action.READY);
        Screen.Problem problem = awaitScreen(Screen.Problem.class);
        assertThat(problem.kind()).isEqualTo(Screen.Problem.Kind.SENSOR);
        assertThat(sink.utterances.getLast().text()).as("said as shown: heading, then the sensor's sentence")
                .isEqualTo(problem.heading() + ". " + problem.message());
        assertThat(sink.utterances.getLast().ids()).containsExactly("f_cannot_go_on", "f_mat_disconnected", "f_tell_staff");
        assertThat(recorded).isEmpty();
        tap(Action.HOME);
        assertThat(awaitScreen(Screen.Home.class).name()).isEqualTo(NAME);
    }

    @Test
    void anInvalidAttemptOffersARetryAndSkipMovesOn() {
        greetedAtHome();
        tap(Action.SKIP); // not offered on home: nothing happens
        tests.invalidNext();
        measure();
        awaitScreen(Screen.TestStep.class);
        tap(Action.READY);
        await().until(() -> sink.current() instanceof Screen.TestStep s && s.step() == Step.PRACTICE);
        tap(Action.READY);
        Screen.Retry retry = awaitScreen(Screen.Retry.class);
        assertThat(retry.reason()).contains("다시 재야");
        tap(Action.SKIP);
        assertThat(awaitScreen(Screen.TestStep.class).test()).isEqualTo(MeasurementCode.STEP_IN_PLACE_2MIN);
    }

    @Test
    void aResultThatCannotBeSavedIsNeverShownAsSaved() {
        recorder = r -> {
            throw new StoreException("disk full");
        };
        greetedAtHome();
        measure();
        awaitScreen(Screen.TestStep.class);
        tap(Action.SKIP); // on to the step test, which has one waiting step
        await().until(() -> sink.current() instanceof Screen.TestStep s && s.test() == MeasurementCode.STEP_IN_PLACE_2MIN);
        tap(Action.READY);
        Screen.Problem problem = awaitScreen(Screen.Problem.class);
        assertThat(problem.kind()).isEqualTo(Screen.Problem.Kind.SAVE);
        assertThat(sink.screens).noneMatch(Screen.Result.class::isInstance);
        assertThat(sink.prompts).contains(Prompt.SAVE_FAILURE);
        tap(Action.HOME);
        awaitScreen(Screen.Home.class);
    }

    /** 체력 측정, the first three tests skipped: the one-leg stance's hands-free question. */
    private Screen.OneLegHandsAsk atTheOneLegStance() {
        greetedAtHome();
        measure();
        for (MeasurementCode test : List.of(MeasurementCode.CHAIR_STAND_30S, MeasurementCode.STEP_IN_PLACE_2MIN,
                MeasurementCode.TIMED_UP_AND_GO)) {
            await().until(() -> sink.current() instanceof Screen.TestStep step && step.test() == test);
            awaitScreen(Screen.TestStep.class);
            tap(Action.SKIP);
        }
        Screen.OneLegHandsAsk ask = awaitScreen(Screen.OneLegHandsAsk.class);
        assertThat(ask.number()).isEqualTo(4);
        assertThat(sink.prompts).last().isEqualTo(Prompt.ONE_LEG_HANDS_ASK);
        assertThat(Prompt.ONE_LEG_HANDS_ASK.text()).startsWith(Screen.OneLegHandsAsk.QUESTION).contains("잡고 하셔도 괜찮아요");
        return ask;
    }

    /**
     * From the one-leg stance's first waiting step to its result; its instructions say hands on the hips,
     * or to hold the chair for a senior who chose it.
     */
    private Screen.Result throughTheOneLegStance() {
        Screen.TestStep safety = awaitScreen(Screen.TestStep.class);
        assertThat(safety.test()).isEqualTo(MeasurementCode.ONE_LEG_STANCE);
        assertThat(safety.step()).isEqualTo(Step.SAFETY_CHECK);
        tap(Action.READY);
        await().until(() -> sink.current() instanceof Screen.TestStep s && s.step() == Step.INSTRUCTIONS);
        Screen.TestStep instructions = awaitScreen(Screen.TestStep.class);
        assertThat(sink.prompts).last().isEqualTo(instructions.heldChair() ? Prompt.ONE_LEG_INTRO_CHAIR : Prompt.ONE_LEG_INTRO);
        tap(Action.READY);
        return awaitScreen(Screen.Result.class);
    }

    private MeasurementRecord oneLegRecord() {
        assertThat(recorded).singleElement().satisfies(r -> assertThat(r.code()).isEqualTo("ONE_LEG_STANCE"));
        return recorded.getFirst();
    }

    @Test
    void standingHandsFreeAsChosenBeforeTheOneLegStanceRecordsTheGradedProtocol() {
        atTheOneLegStance();
        tap(Action.HANDS_FREE);
        Screen.Result result = throughTheOneLegStance();
        assertThat(sink.prompts).contains(Prompt.ONE_LEG_INTRO).doesNotContain(Prompt.ONE_LEG_INTRO_CHAIR);
        assertThat(oneLegRecord().detail()).containsEntry(RecordDetail.PROTOCOL, MeasurementProtocol.ONE_LEG_STANCE.id())
                .containsEntry(RecordDetail.PROTOCOL, "one-leg-stance/2");
        assertThat(result.valueText()).doesNotContain("의자").endsWith("초");
        assertThat(result.sentence()).doesNotContain("의자");
    }

    @Test
    void holdingTheChairRecordsTheSupportedProtocolAndTheResultSaysSo() {
        atTheOneLegStance();
        tap(Action.HOLD_CHAIR);
        Screen.Result result = throughTheOneLegStance();
        assertThat(sink.prompts).contains(Prompt.ONE_LEG_INTRO_CHAIR).doesNotContain(Prompt.ONE_LEG_INTRO);
        assertThat(oneLegRecord().detail()).containsEntry(RecordDetail.PROTOCOL, "one-leg-stance-supported/1");
        assertThat(result.valueText()).startsWith("의자 잡고 ").endsWith("초");
        assertThat(result.sentence()).startsWith("의자를 잡고 한 발로");
        assertThat(result.grade()).as("a supported stance is never graded").isEqualTo(FitnessTests.Grade.UNRATED);
        tap(Action.NEXT);
        Screen.Summary summary = awaitScreen(Screen.Summary.class);
        assertThat(summary.results()).singleElement().satisfies(line -> assertThat(line.text()).startsWith("의자 잡고 "));
    }

    @Test
    void aPadPressDoesNotAnswerTheHandsFreeQuestion() {
        Screen.OneLegHandsAsk ask = atTheOneLegStance();
        assertThat(ask.padAction()).isEmpty();
        int shown = sink.screens.size();
        pads.press(1);
        pads.press(2);
        await().during(Duration.ofMillis(200)).until(() -> sink.screens.size() == shown);
        assertThat(sink.current()).isSameAs(ask);
        assertThat(recorded).isEmpty();
    }

    @Test
    void aRetryAsksAgainAndTheNewAnswerCounts() {
        atTheOneLegStance();
        tap(Action.HANDS_FREE);
        tests.invalidNext();
        awaitScreen(Screen.TestStep.class);
        tap(Action.READY);
        await().until(() -> sink.current() instanceof Screen.TestStep s && s.step() == Step.INSTRUCTIONS);
        tap(Action.READY);
        awaitScreen(Screen.Retry.class);
        tap(Action.RETRY);
        awaitScreen(Screen.OneLegHandsAsk.class);
        tap(Action.HOLD_CHAIR);
        throughTheOneLegStance();
        assertThat(oneLegRecord().detail()).containsEntry(RecordDetail.PROTOCOL, "one-leg-stance-supported/1");
    }

    @Test
    void noAnswerToTheHandsFreeQuestionEndsLikeAnyScreenAndRecordsNothing() {
        start(UiSettings.defaults().withTimeouts(Duration.ofMillis(1500), SHORT, LONG, LONG, LONG));
        Screen.OneLegHandsAsk ask = atTheOneLegStance();
        await().until(() -> sink.current() instanceof Screen.Idle);
        int still = sink.screens.indexOf(new Screen.StillThere());
        assertThat(sink.screens.get(still - 1)).as("asked whether to go on, from the question").isSameAs(ask);
        assertThat(recorded).isEmpty();
        assertThat(sink.screens).noneMatch(s -> s instanceof Screen.TestStep step && step.test() == MeasurementCode.ONE_LEG_STANCE);
    }
}
