package kr.smartsenior.edge.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import kr.smartsenior.edge.simulate.SimulatedFitnessTests;
import kr.smartsenior.edge.ui.ports.FitnessTests.Step;
import kr.smartsenior.edge.ui.views.Action;
import kr.smartsenior.edge.ui.views.Screen;
import kr.smartsenior.edge.ui.voice.Prompt;
import kr.smartsenior.protocol.MeasurementCode;
import kr.smartsenior.protocol.MeasurementRecord;
import org.junit.jupiter.api.Test;

/** The visit: cards, presence, greeting, home, summary, goodbye, timeouts and the calm problem screens. */
class VisitFlowTest extends JourneyFixture {

    @Test
    void aSeniorWalksTheWholeJourneyHandsFreeAndEveryResultIsRecordedBeforeItIsShown() {
        cards.show(1);
        assertThat(awaitScreen(Screen.Greeting.class).name()).isEqualTo(NAME);
        pads.press(1);
        awaitScreen(Screen.Home.class);
        pads.press(1); // the pad chooses 체력 측정
        awaitScreen(Screen.SafetyAsk.class);
        tap(Action.WELL); // only a touch answers the safety question
        for (MeasurementCode test : SimulatedFitnessTests.BATTERY) {
            walkOneTest(true);
            Screen.Result result = (Screen.Result) sink.current();
            assertThat(result.test()).isEqualTo(test);
            assertThat(recorded).extracting(MeasurementRecord::code).contains(test.name());
            pads.press(1);
        }
        Screen.Summary summary = awaitScreen(Screen.Summary.class);
        assertThat(summary.results()).hasSize(4);
        assertThat(summary.prescription()).containsExactly(new Screen.Line("운동 처방", "걷기를 하루 30분 해요."));
        assertThat(recorded).hasSize(4).allSatisfy(r -> {
            assertThat(r.memberId()).isEqualTo(MEMBER);
            assertThat(r.takenAt().getOffset().getTotalSeconds()).isEqualTo(9 * 3600);
            assertThat(r.detail()).containsEntry("simulated", true);
        });
        assertThat(summary.pages()).as("today's results, then the prescription").isEqualTo(2);
        pads.press(1); // the pad turns the page (다음): the prescription
        await().until(() -> sink.current() instanceof Screen.Summary page && page.page() == 1);
        pads.press(1); // on the last page it chooses 끝내기
        awaitScreen(Screen.Goodbye.class);
        assertThat(sink.prompts).contains(Prompt.GREETING, Prompt.HOME, Prompt.CHAIR_STAND_INTRO, Prompt.CHAIR_STAND_PRACTICE,
                Prompt.ONE_LEG_SAFETY, Prompt.COUNT_3, Prompt.COUNT_2, Prompt.COUNT_1, Prompt.GO, Prompt.SUMMARY,
                Prompt.GOODBYE);
        assertThat(sink.lives).anyMatch(live -> live.progress() > 0 && live.caption().startsWith("남은 시간"))
                .anyMatch(live -> live.caption().startsWith("걸린 시간"));
    }

    @Test
    void noInputAsksWhetherToGoOnAndThenForgetsThePerson() {
        start(UiSettings.defaults().withTimeouts(SHORT, SHORT, LONG, LONG, LONG));
        cards.show(1);
        awaitScreen(Screen.Greeting.class);
        tap(Action.NEXT);
        await().until(() -> sink.screens.stream().anyMatch(Screen.StillThere.class::isInstance)
                && sink.current() instanceof Screen.Idle);
        assertThat(sink.screens).map(screen -> screen.getClass().getSimpleName())
                .containsSubsequence("Greeting", "Home", "StillThere", "Idle");
        assertThat(sink.prompts).contains(Prompt.STILL_THERE);
        int shown = sink.screens.size();
        pads.press(1);
        tap(Action.MEASURE);
        await().during(Duration.ofMillis(200)).until(() -> sink.screens.size() == shown);
        // the next person gets a fresh session
        cards.show(2);
        assertThat(awaitScreen(Screen.Greeting.class).name()).isEqualTo("박영수");
    }

    /** The admin's remote idle timeout (decision 0042): the next screen that waits for input uses it, no restart. */
    @Test
    void aNewIdleTimeoutIsUsedByTheNextTimeout() {
        start(UiSettings.defaults().withTimeouts(LONG, LONG, LONG, LONG, LONG));
        cards.show(1);
        awaitScreen(Screen.Greeting.class);
        controller.idleTimeout(SHORT);
        tap(Action.NEXT); // home, waiting for input: with 30 s this would not ask within the wait
        awaitScreen(Screen.StillThere.class);
        assertThat(sink.screens).map(screen -> screen.getClass().getSimpleName()).containsSubsequence("Home", "StillThere");
        assertThat(controller.idleTimeout()).isEqualTo(SHORT);
    }

    @Test
    void yesToTheQuestionReturnsToTheSameScreen() {
        // long enough that a loaded machine does not ask a second time while the test answers the first
        start(UiSettings.defaults().withTimeouts(Duration.ofMillis(1500), LONG, LONG, LONG, LONG));
        greetedAtHome();
        measure();
        awaitScreen(Screen.StillThere.class);
        Screen.TestStep step = (Screen.TestStep) sink.screens.get(sink.screens.size() - 2);
        pads.press(3);
        assertThat(awaitScreen(Screen.TestStep.class)).isSameAs(step);
        tap(Action.READY); // the run still waits for the senior
        await().atMost(Duration.ofSeconds(5)).until(() -> sink.screens.stream()
                .anyMatch(screen -> screen instanceof Screen.TestStep next && next.step() == Step.PRACTICE));
    }

    @Test
    void anUnknownCardGetsACalmMessageAndAWayBack() {
        cards.showUnknown();
        Screen.Problem problem = awaitScreen(Screen.Problem.class);
        assertThat(problem.kind()).isEqualTo(Screen.Problem.Kind.CARD);
        assertThat(problem.message()).contains("등록되지 않은 카드");
        assertThat(sink.prompts).contains(Prompt.CARD_UNKNOWN);
        pads.press(1);
        awaitScreen(Screen.Idle.class);
        cards.showRevoked();
        awaitScreen(Screen.Problem.class);
        assertThat(sink.prompts).contains(Prompt.CARD_REVOKED);
        cards.show(1); // the right card right after works
        awaitScreen(Screen.Greeting.class);
    }

    @Test
    void aCardShownDuringASessionDoesNotTakeItOver() {
        greetedAtHome();
        cards.show(2);
        cards.showUnknown();
        await().during(Duration.ofMillis(200)).until(() -> sink.current() instanceof Screen.Home home
                && home.name().equals(NAME));
    }

    @Test
    void somethingUnexpectedEndsTheSessionCalmly() {
        cards.show(1);
        awaitScreen(Screen.Greeting.class);
        controller.unexpected(new IllegalStateException("boom"));
        Screen.Problem problem = awaitScreen(Screen.Problem.class);
        assertThat(problem.kind()).isEqualTo(Screen.Problem.Kind.UNEXPECTED);
        assertThat(problem.message()).isEqualTo("잠시 후 다시 시도해 주세요.").doesNotContain("boom");
        tap(Action.START_OVER);
        awaitScreen(Screen.Idle.class);
    }

    @Test
    void someoneInFrontWakesTheIdleScreenWithTheSpokenInvitation() {
        presence.arrive();
        await().until(() -> sink.current() instanceof Screen.Idle idle && idle.awake());
        await().until(() -> sink.prompts.equals(List.of(Prompt.IDLE_INVITE)));
        presence.leave();
        await().until(() -> sink.current() instanceof Screen.Idle idle && !idle.awake());
    }

    @Test
    void aLateTapOnAScreenThatIsGoneDoesNothing() {
        cards.show(1);
        Screen.Greeting greeting = awaitScreen(Screen.Greeting.class);
        tap(Action.NEXT);
        awaitScreen(Screen.Home.class);
        controller.act(greeting, Action.NEXT);
        controller.act(greeting, Action.FINISH);
        await().during(Duration.ofMillis(150)).until(() -> sink.current() instanceof Screen.Home);
    }

    @Test
    void withoutAPrescriptionTheSummarySaysItIsBeingPrepared() {
        cards.show(2);
        awaitScreen(Screen.Greeting.class);
        tap(Action.NEXT);
        awaitScreen(Screen.Home.class);
        tap(Action.RECORDS);
        Screen.Summary summary = awaitScreen(Screen.Summary.class);
        assertThat(summary.prescription()).containsExactly(new Screen.Line("운동 처방", "처방 준비 중"));
        assertThat(summary.results()).containsExactly(new Screen.Line("오늘", "아직 측정하지 않았어요"));
    }
}
