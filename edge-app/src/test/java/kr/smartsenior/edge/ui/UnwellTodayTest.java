package kr.smartsenior.edge.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import kr.smartsenior.edge.testing.MutableClock;
import kr.smartsenior.edge.ui.views.Action;
import kr.smartsenior.edge.ui.views.Screen;
import kr.smartsenior.edge.ui.voice.Prompt;
import kr.smartsenior.protocol.MeasurementCode;
import kr.smartsenior.protocol.MeasurementRecord;
import org.junit.jupiter.api.Test;

/**
 * "몸이 불편해요" rests the senior for the rest of the kiosk's day: no exercise either, on this visit and on
 * a later one the same day (the kiosk remembers it by member id and local date), and the screens say why
 * and to tell the staff; the next day everything is offered again.
 */
class UnwellTodayTest extends JourneyFixture {

    /** 10:00 in Seoul. */
    private final MutableClock day = new MutableClock(Instant.parse("2026-12-07T01:00:00Z"));

    {
        clock = day;
    }

    /** The exerciser (card 3, prescribed step &amp; jump and interval) at home. */
    private Screen.Home exerciserAtHome() {
        cards.show(3);
        awaitScreen(Screen.Greeting.class);
        tap(Action.NEXT);
        return awaitScreen(Screen.Home.class);
    }

    private void goodbye() {
        tap(Action.HOME);
        awaitScreen(Screen.Home.class);
        tap(Action.FINISH);
        awaitScreen(Screen.Goodbye.class);
    }

    @Test
    void afterSayingUnwellTheExerciseTileRestsForTheDayAlsoOnASecondScanAndIsBackTheNextDay() {
        Screen.Home fresh = exerciserAtHome();
        assertThat(fresh.exerciseRestsToday()).isFalse();
        assertThat(fresh.choices()).extracting(Screen.Choice::label).contains("운동하기");

        tap(Action.MEASURE);
        awaitScreen(Screen.SafetyAsk.class);
        tap(Action.UNWELL);
        Screen.RestToday rest = awaitScreen(Screen.RestToday.class);
        assertThat(rest.exerciseToo()).isTrue();
        assertThat(sink.prompts.getLast()).isEqualTo(Prompt.REST_TODAY_UNWELL);
        assertThat(Prompt.REST_TODAY_UNWELL.text()).contains("운동", "담당 선생님께 말씀해 주세요");
        assertThat(recorded).extracting(MeasurementRecord::code).containsExactly(MeasurementCode.UNWELL_TODAY.name());

        tap(Action.HOME);
        Screen.Home resting = awaitScreen(Screen.Home.class);
        assertThat(resting.exerciseRestsToday()).isTrue();
        assertThat(resting.choices()).extracting(Screen.Choice::label).contains(Screen.Home.EXERCISE_RESTS)
                .doesNotContain("운동하기");
        assertThat(sink.prompts.getLast()).isEqualTo(Prompt.HOME_REST_TODAY);
        tap(Action.EXERCISE);
        awaitScreen(Screen.ExerciseRestToday.class);
        assertThat(sink.prompts.getLast()).isEqualTo(Prompt.EXERCISE_REST_TODAY);
        assertThat(Prompt.EXERCISE_REST_TODAY.text()).contains("담당 선생님께 말씀해 주세요");
        assertThat(sink.screens).noneMatch(screen -> screen instanceof Screen.ExerciseChoice
                || screen instanceof Screen.ExerciseBriefing);
        goodbye();

        day.advance(Duration.ofHours(5)); // 15:00, the same day: a second card scan
        Screen.Home later = exerciserAtHome();
        assertThat(later.exerciseRestsToday()).isTrue();
        assertThat(sink.prompts.getLast()).isEqualTo(Prompt.HOME_REST_TODAY);
        tap(Action.EXERCISE);
        awaitScreen(Screen.ExerciseRestToday.class);
        tap(Action.HOME);
        awaitScreen(Screen.Home.class);
        tap(Action.MEASURE); // not asked again, not recorded twice: no test today either
        assertThat(awaitScreen(Screen.RestToday.class).exerciseToo()).isTrue();
        assertThat(sink.screens.stream().filter(Screen.SafetyAsk.class::isInstance).count()).isEqualTo(1);
        assertThat(recorded).hasSize(1);
        goodbye();

        day.advance(Duration.ofHours(14)); // 05:00 the next morning
        Screen.Home tomorrow = exerciserAtHome();
        assertThat(tomorrow.exerciseRestsToday()).isFalse();
        assertThat(sink.prompts.getLast()).isEqualTo(Prompt.HOME);
        tap(Action.EXERCISE);
        assertThat(awaitScreen(Screen.ExerciseChoice.class).offers()).isNotEmpty();
    }

    @Test
    void theDayIsRememberedByMemberSoTheNextPersonMayStillExercise() {
        exerciserAtHome();
        tap(Action.MEASURE);
        awaitScreen(Screen.SafetyAsk.class);
        tap(Action.UNWELL);
        awaitScreen(Screen.RestToday.class);
        goodbye();
        assertThat(unwellDays.unwellOn(EXERCISER, java.time.LocalDate.of(2026, 12, 7))).isTrue();
        assertThat(unwellDays.unwellOn(MEMBER, java.time.LocalDate.of(2026, 12, 7))).isFalse();
        cards.show(1);
        awaitScreen(Screen.Greeting.class);
        tap(Action.NEXT);
        assertThat(awaitScreen(Screen.Home.class).exerciseRestsToday()).isFalse();
    }

    @Test
    void stoppingAnExerciseForDizzinessOrChestPainAlsoRestsTheDay() {
        exerciserAtHome();
        tap(Action.EXERCISE);
        awaitScreen(Screen.ExerciseChoice.class);
        tap(Action.CHOOSE_STEP_JUMP);
        awaitScreen(Screen.ExerciseBriefing.class);
        tap(Action.READY);
        stopExercise();
        tap(Action.SYMPTOM);
        awaitScreen(Screen.ExerciseSymptom.class);
        tap(Action.HOME);
        assertThat(awaitScreen(Screen.Home.class).exerciseRestsToday()).isTrue();
        assertThat(sink.screens).noneMatch(Screen.EffortAsk.class::isInstance); // sit down first, no question
    }

    @Test
    void aStoreThatFailsStillRestsThisVisit() {
        unwellDays = new kr.smartsenior.edge.ui.ports.UnwellDays() {
            @Override
            public void remember(String memberId, java.time.LocalDate day) {
                throw new IllegalStateException("disk full");
            }

            @Override
            public boolean unwellOn(String memberId, java.time.LocalDate day) {
                throw new IllegalStateException("disk full");
            }
        };
        start(UiSettings.defaults().withTimeouts(LONG, LONG, LONG, LONG, LONG));
        assertThat(exerciserAtHome().exerciseRestsToday()).isFalse();
        tap(Action.MEASURE);
        awaitScreen(Screen.SafetyAsk.class);
        tap(Action.UNWELL);
        awaitScreen(Screen.RestToday.class);
        tap(Action.HOME);
        assertThat(awaitScreen(Screen.Home.class).exerciseRestsToday()).isTrue();
    }
}
