package kr.smartsenior.edge.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.List;
import kr.smartsenior.edge.simulate.SimulatedFitnessTests;
import kr.smartsenior.edge.ui.views.Screen;
import kr.smartsenior.edge.ui.views.TestGuide;
import kr.smartsenior.edge.ui.voice.Prompt;
import kr.smartsenior.edge.ui.voice.Utterance;
import org.junit.jupiter.api.Test;

/** What the screens show with numbers in it is said too (decision 0026); the name never is. */
class SpokenScreensTest extends JourneyFixture {

    @Test
    void eachResultIsSaidWithItsNumberThenItsGradeAndTheSummaryWithoutTheName() {
        greetedAtHome();
        measure();
        for (int i = 0; i < SimulatedFitnessTests.BATTERY.size(); i++) {
            walkOneTest(true);
            Screen.Result result = (Screen.Result) sink.current();
            Utterance said = sink.utterances.getLast();
            Prompt grade = TestGuide.resultPrompt(result.grade());
            assertThat(said.text()).isEqualTo(result.sentence() + " " + grade.text());
            assertThat(said.ids().getLast()).isEqualTo(grade.name().toLowerCase(java.util.Locale.ROOT));
            assertThat(said.ids()).as("the number is said, as segments").anyMatch(id -> id.startsWith("sino_")
                    || id.startsWith("native_")).anyMatch(id -> id.startsWith("unit_"));
            pads.press(1);
        }
        awaitScreen(Screen.Summary.class);
        Utterance summary = sink.utterances.getLast();
        assertThat(summary.ids().getFirst()).isEqualTo("summary");
        assertThat(summary.ids()).contains("t_chair_stand", "t_step_in_place", "t_up_and_go", "t_one_leg");
        assertThat(sink.utterances).extracting(Utterance::text).noneMatch(text -> text.contains(NAME));
        pads.press(1); // 「다음」: the prescription's page, said as shown
        await().until(() -> sink.current() instanceof Screen.Summary s && s.page() == 1);
        await().until(() -> sink.utterances.getLast().ids().contains("s_prescription"));
        pads.press(1); // the last page: the pad chooses 끝내기
        awaitScreen(Screen.Goodbye.class);
        assertThat(sink.utterances.getLast()).isEqualTo(Utterance.of(Prompt.GOODBYE));
        assertThat(sink.utterances).extracting(Utterance::text).noneMatch(text -> text.contains(NAME));
    }

    @Test
    void theSummarySaysThePrescriptionLinesItCanAndShowsThemAll() {
        cards.show(3); // the exerciser: "스텝 & 점프 2단계를 10분, 일주일에 3번 해요."
        awaitScreen(Screen.Greeting.class);
        tap(kr.smartsenior.edge.ui.views.Action.NEXT);
        awaitScreen(Screen.Home.class);
        tap(kr.smartsenior.edge.ui.views.Action.RECORDS);
        Screen.Summary summary = awaitScreen(Screen.Summary.class);
        assertThat(summary.prescription()).extracting(Screen.Line::text).contains("스텝 & 점프 2단계를 10분, 일주일에 3번 해요.");
        assertThat(sink.utterances.getLast().ids()).containsSubsequence(List.of("records", "s_today", "s_nothing_measured",
                "s_prescription", "x_step_jump", "sino_2", "unit_dangye", "p_reul", "sino_10", "unit_bun", "rx_per_week",
                "native_3", "unit_beon", "p_haeyo"));
    }
}
