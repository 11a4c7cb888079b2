package kr.smartsenior.edge.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import kr.smartsenior.edge.ui.views.Action;
import kr.smartsenior.edge.ui.views.Screen;
import kr.smartsenior.edge.ui.voice.Prompt;
import kr.smartsenior.protocol.MeasurementCode;
import org.junit.jupiter.api.Test;

/**
 * Issue #14: a senior who walks away during a visit. Leaving pauses a test and asks "계속하시겠어요?" (shown and
 * spoken); back, "네" starts the test again; gone for {@link UiSettings#absenceToEnd()}, the visit ends: idle,
 * no name or result left on the screen, the incomplete test never saved, the finished ones kept.
 */
class LeavingTheKioskTest extends JourneyFixture {

    private static final Duration AWAY = Duration.ofMillis(1500);

    private void startWithShortAbsence() {
        start(UiSettings.defaults().withTimeouts(LONG, LONG, LONG, LONG, LONG).withAbsenceToEnd(AWAY));
    }

    /** The first test taken and recorded, the second one waiting at its first step. */
    private void firstTestDoneSecondStarted() {
        greetedAtHome();
        presence.arrive();
        measure();
        walkOneTest(false);
        assertThat(recorded).singleElement().satisfies(r -> assertThat(r.code()).isEqualTo("CHAIR_STAND_30S"));
        tap(Action.NEXT);
        Screen.TestStep step = awaitScreen(Screen.TestStep.class);
        assertThat(step.test()).isEqualTo(MeasurementCode.STEP_IN_PLACE_2MIN);
    }

    @Test
    void leavingMidTestPausesAndAsksAndBackTheSameTestStartsAgain() {
        startWithShortAbsence();
        firstTestDoneSecondStarted();
        int promptsBefore = sink.prompts.size();

        presence.leave();
        awaitScreen(Screen.StillThere.class);
        assertThat(sink.prompts.subList(promptsBefore, sink.prompts.size())).contains(Prompt.STILL_THERE);
        presence.arrive(); // back before the visit ends: the question waits for the answer
        await().during(AWAY.multipliedBy(2)).atMost(AWAY.multipliedBy(4))
                .until(() -> sink.current() instanceof Screen.StillThere);

        tap(Action.KEEP_GOING);
        Screen.TestStep again = awaitScreen(Screen.TestStep.class);
        assertThat(again.test()).isEqualTo(MeasurementCode.STEP_IN_PLACE_2MIN);
        assertThat(again.step()).isEqualTo(kr.smartsenior.edge.ui.ports.FitnessTests.Step.INSTRUCTIONS);
        walkOneTest(true);
        assertThat(recorded).extracting(r -> r.code()).containsExactly("CHAIR_STAND_30S", "STEP_IN_PLACE_2MIN");
    }

    @Test
    void walkingAwayForGoodEndsTheVisitSoonWithTheIncompleteTestUnsavedAndTheFinishedOneKept() {
        startWithShortAbsence();
        firstTestDoneSecondStarted();
        tap(Action.READY); // the step test's countdown and measuring begin
        long left = System.nanoTime();
        presence.leave();

        await().atMost(AWAY.plusSeconds(10)).until(() -> sink.current() instanceof Screen.Idle idle && !idle.awake());
        assertThat(Duration.ofNanos(System.nanoTime() - left)).isGreaterThanOrEqualTo(AWAY);
        assertThat(sink.screens).anyMatch(Screen.StillThere.class::isInstance);
        await().during(Duration.ofMillis(300)).until(() -> sink.current() instanceof Screen.Idle);
        assertThat(recorded).singleElement().satisfies(r -> assertThat(r.code()).isEqualTo("CHAIR_STAND_30S"));
        assertThat(sink.prompts).contains(Prompt.STILL_THERE);
    }

    @Test
    void leavingTheHomeScreenAsksAndThenForgetsThePersonLongBeforeTheIdleTimeout() {
        startWithShortAbsence();
        greetedAtHome();
        presence.arrive();
        presence.leave();
        awaitScreen(Screen.StillThere.class);
        await().atMost(AWAY.plusSeconds(10)).until(() -> sink.current() instanceof Screen.Idle);
        assertThat(recorded).isEmpty();
    }

    @Test
    void comingBackToTheHomeScreenAndSayingYesGoesOnWhereTheyWere() {
        startWithShortAbsence();
        greetedAtHome();
        presence.leave();
        awaitScreen(Screen.StillThere.class);
        presence.arrive();
        tap(Action.KEEP_GOING);
        awaitScreen(Screen.Home.class);
        await().during(AWAY.multipliedBy(2)).atMost(AWAY.multipliedBy(4)).until(() -> sink.current() instanceof Screen.Home);
    }
}
