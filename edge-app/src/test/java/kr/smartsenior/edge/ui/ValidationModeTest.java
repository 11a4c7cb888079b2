package kr.smartsenior.edge.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import kr.smartsenior.edge.ui.views.Action;
import kr.smartsenior.edge.ui.views.Screen;
import kr.smartsenior.edge.ui.voice.Prompt;
import kr.smartsenior.protocol.MeasurementCode;
import kr.smartsenior.protocol.MeasurementRecord;
import kr.smartsenior.protocol.RecordDetail;
import org.junit.jupiter.api.Test;

/**
 * 검증 측정: staff switch it on in their menu; after each sensor test a staff keypad takes the hand value of
 * the same trial, and the one record carries both (the kiosk's value, the hand's in detail.handReference).
 */
class ValidationModeTest extends JourneyFixture {

    private void switchOn() {
        Screen idle = awaitScreen(Screen.Idle.class);
        controller.act(idle, Action.STAFF_MENU);
        assertThat(awaitScreen(Screen.StaffMenu.class).validationOn()).isFalse();
        assertThat(sink.prompts.getLast()).isEqualTo(Prompt.STAFF_MENU);
        tap(Action.VALIDATION_ON);
        await().until(() -> sink.current() instanceof Screen.StaffMenu menu && menu.validationOn());
        assertThat(sink.validation).isTrue();
        tap(Action.START_OVER);
        awaitScreen(Screen.Idle.class);
    }

    /** Through the first test's steps until the kiosk has its result and asks staff for theirs. */
    private Screen.HandReference firstTestMeasured() {
        greetedAtHome();
        measure();
        while (true) {
            Screen now = await().atMost(Duration.ofSeconds(10)).until(sink::current,
                    screen -> screen instanceof Screen.TestStep || screen instanceof Screen.HandReference);
            if (now instanceof Screen.HandReference) {
                break;
            }
            tap(Action.READY);
            await().atMost(Duration.ofSeconds(5)).until(() -> sink.current() != now);
        }
        return awaitScreen(Screen.HandReference.class);
    }

    private void press(Action... keys) {
        for (Action key : keys) {
            Screen before = sink.current();
            tap(key);
            await().until(() -> sink.current() != before);
        }
    }

    @Test
    void theStaffsHandValueTravelsWithTheKiosksOwnResultInOneRecord() {
        switchOn();
        Screen.HandReference keypad = firstTestMeasured();
        assertThat(keypad.test()).isEqualTo(MeasurementCode.CHAIR_STAND_30S);
        assertThat(keypad.padAction()).isEmpty(); // a senior's foot on the mat enters nothing
        assertThat(keypad.choices()).extracting(Screen.Choice::action).doesNotContain(Action.DECIMAL_POINT);
        assertThat(sink.prompts.getLast()).isEqualTo(Prompt.HAND_REFERENCE);
        assertThat(recorded).as("nothing is recorded before the hand value").isEmpty();

        press(Action.digit(9), Action.digit(9), Action.SAVE_HAND_VALUE); // 99 stands in 30 s: impossible
        Screen.HandReference refused = (Screen.HandReference) sink.current();
        assertThat(refused.problem()).isEqualTo("0부터 60까지의 횟수를 넣어 주세요.");
        assertThat(refused.typed()).isEqualTo("99");
        assertThat(recorded).isEmpty();

        press(Action.ERASE, Action.ERASE, Action.digit(1), Action.digit(5), Action.SAVE_HAND_VALUE);
        Screen.Result result = awaitScreen(Screen.Result.class);
        assertThat(recorded).singleElement().satisfies(r -> {
            assertThat(r.code()).isEqualTo("CHAIR_STAND_30S");
            assertThat(result.valueText()).isEqualTo(r.value().toPlainString() + "번"); // the kiosk's own value
            assertThat(keypad.measured()).isEqualTo(result.valueText());
            assertThat(r.detail().get(RecordDetail.HAND_REFERENCE)).isEqualTo(new java.math.BigDecimal("15"));
            assertThat(r.detail()).containsEntry("simulated", true);
        });
    }

    @Test
    void withoutAHandValueTheKiosksResultIsRecordedAlone() {
        switchOn();
        firstTestMeasured();
        tap(Action.NO_HAND_VALUE);
        awaitScreen(Screen.Result.class);
        assertThat(recorded).singleElement()
                .satisfies(r -> assertThat(r.detail()).doesNotContainKey(RecordDetail.HAND_REFERENCE));
    }

    @Test
    void whenTheVisitEndsOnTheKeypadTheResultIsStillRecorded() {
        start(UiSettings.defaults().withTimeouts(Duration.ofMillis(400), Duration.ofMillis(400), LONG, LONG, LONG));
        switchOn();
        firstTestMeasured();
        await().until(() -> sink.current() instanceof Screen.Idle);
        assertThat(sink.screens).map(screen -> screen.getClass().getSimpleName())
                .containsSubsequence("HandReference", "StillThere", "Idle");
        assertThat(recorded).singleElement().satisfies(r -> {
            assertThat(r.code()).isEqualTo("CHAIR_STAND_30S");
            assertThat(r.detail()).doesNotContainKey(RecordDetail.HAND_REFERENCE);
        });
    }

    @Test
    void offByDefaultAndSwitchedOffAgainTheResultComesStraightAway() {
        greetedAtHome();
        measure();
        walkOneTest(false);
        assertThat(recorded).hasSize(1);
        assertThat(sink.screens).noneMatch(Screen.HandReference.class::isInstance);
        assertThat(sink.validation).isFalse();
        tap(Action.NEXT); // on to the next test
        awaitScreen(Screen.TestStep.class);
        controller.act(sink.current(), Action.STAFF_MENU); // not during a visit
        await().during(Duration.ofMillis(150)).until(() -> sink.current() instanceof Screen.TestStep);
    }

    @Test
    void theStaffMenuClosesByItselfAndLeavesTheModeAsSet() {
        start(UiSettings.defaults().withTimeouts(LONG, Duration.ofMillis(200), LONG, LONG, LONG));
        Screen idle = awaitScreen(Screen.Idle.class);
        controller.act(idle, Action.STAFF_MENU);
        awaitScreen(Screen.StaffMenu.class);
        tap(Action.VALIDATION_ON);
        await().until(() -> sink.current() instanceof Screen.Idle);
        controller.act(sink.current(), Action.STAFF_MENU);
        assertThat(awaitScreen(Screen.StaffMenu.class).validationOn()).isTrue();
        tap(Action.VALIDATION_OFF);
        await().until(() -> !sink.validation);
    }

    @Test
    void theKeypadTypesNumbersTheTestCanGive() {
        Screen.HandReference seconds = new Screen.HandReference(3, 4, MeasurementCode.TIMED_UP_AND_GO, "8.4초", "", "");
        Screen.HandReference typed = seconds.typing(Action.DECIMAL_POINT).typing(Action.digit(5));
        assertThat(typed.typed()).isEqualTo("0.5");
        assertThat(typed.value()).isEmpty(); // under the 1 s a TUG can take
        Screen.HandReference stopwatch = seconds.typing(Action.digit(8)).typing(Action.DECIMAL_POINT).typing(Action.digit(4))
                .typing(Action.digit(7)).typing(Action.digit(9)).typing(Action.DECIMAL_POINT);
        assertThat(stopwatch.typed()).isEqualTo("8.47"); // hundredths at most, one point
        assertThat(stopwatch.value()).contains(new java.math.BigDecimal("8.47"));
        assertThat(stopwatch.typing(Action.ERASE).typing(Action.ERASE).typing(Action.ERASE).typed()).isEqualTo("8");
        Screen.HandReference count = new Screen.HandReference(1, 4, MeasurementCode.CHAIR_STAND_30S, "14번", "", "");
        assertThat(count.typing(Action.DECIMAL_POINT).typed()).isEmpty();
        assertThat(count.typing(Action.digit(0)).typing(Action.digit(7)).typed()).isEqualTo("7");
        assertThat(count.typing(Action.digit(6)).typing(Action.digit(1)).value()).isEmpty(); // over 60
    }
}
