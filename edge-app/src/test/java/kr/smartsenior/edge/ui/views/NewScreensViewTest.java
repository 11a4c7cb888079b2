package kr.smartsenior.edge.ui.views;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Labeled;
import kr.smartsenior.edge.ui.FxTesting;
import kr.smartsenior.edge.ui.ports.FitnessTests.Step;
import kr.smartsenior.edge.ui.voice.Prompt;
import kr.smartsenior.protocol.MeasurementCode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The drawn views of #13's screens: what a senior or staff member actually sees on them. */
class NewScreensViewTest {

    @BeforeAll
    static void toolkit() {
        FxTesting.startOrSkip();
    }

    @Test
    void onARestDayTheExerciseTileSaysSoQuietlyAndTheSentenceSaysWhy() {
        List<String> texts = FxTesting.onFx(() -> texts(render(new Screen.Home("김순자", true), false)));
        assertThat(texts).contains(Screen.Home.EXERCISE_RESTS, Prompt.HOME_REST_TODAY.text()).doesNotContain("운동하기");
        Button tile = FxTesting.onFx(() -> button(render(new Screen.Home("김순자", true), false), Screen.Home.EXERCISE_RESTS));
        assertThat(tile.getStyleClass()).contains("tile-rests");
        assertThat(FxTesting.onFx(() -> texts(render(new Screen.Home("김순자"), false)))).contains("운동하기", Prompt.HOME.text());
    }

    @Test
    void theValidationBadgeShowsOnTestScreensOnlyWhileOn() {
        Screen step = new Screen.TestStep(1, 4, MeasurementCode.CHAIR_STAND_30S, Step.INSTRUCTIONS);
        assertThat(FxTesting.onFx(() -> texts(render(step, true)))).contains(KioskView.VALIDATION_BADGE);
        assertThat(FxTesting.onFx(() -> texts(render(step, false)))).doesNotContain(KioskView.VALIDATION_BADGE);
        assertThat(FxTesting.onFx(() -> texts(render(new Screen.Home("김순자"), true)))).doesNotContain(KioskView.VALIDATION_BADGE);
        assertThat(FxTesting.onFx(() -> texts(render(new Screen.HandReference(1, 4, MeasurementCode.CHAIR_STAND_30S, "14번",
                "15", ""), true)))).contains(KioskView.VALIDATION_BADGE, "15번", "14번");
    }

    @Test
    void theEffortQuestionOffersElevenNumbersWithTheScalesWords() {
        List<String> texts = FxTesting.onFx(() -> texts(render(new Screen.EffortAsk(ScreenGallery.STEP_JUMP,
                ScreenGallery.SUMMARY), false)));
        for (int rating = 0; rating <= 10; rating++) {
            assertThat(texts).contains(Integer.toString(rating));
        }
        assertThat(texts).contains("전혀\n힘들지\n않음", "보통", "힘듦", "매우\n힘듦", "최대로\n힘듦", "답하지 않을래요");
    }

    private static Scene render(Screen screen, boolean validation) {
        return EveryScreenTest.render(new ScreenGallery.Example("x", screen, Live.NONE, true, java.util.Optional.empty(),
                ExerciseLive.NONE, validation));
    }

    private static List<String> texts(Scene scene) {
        List<String> texts = new ArrayList<>();
        collect(scene.getRoot(), texts);
        return texts;
    }

    private static void collect(Node node, List<String> texts) {
        if (!node.isVisible()) {
            return;
        }
        if (node instanceof Labeled labeled && !labeled.getText().isEmpty()) {
            texts.add(labeled.getText());
        }
        if (node instanceof Parent parent) {
            parent.getChildrenUnmodifiable().forEach(child -> collect(child, texts));
        }
    }

    private static Button button(Scene scene, String text) {
        List<Button> found = new ArrayList<>();
        find(scene.getRoot(), text, found);
        return found.getFirst();
    }

    private static void find(Node node, String text, List<Button> found) {
        if (node instanceof Button button && text.equals(button.getText())) {
            found.add(button);
        }
        if (node instanceof Parent parent) {
            parent.getChildrenUnmodifiable().forEach(child -> find(child, text, found));
        }
    }
}
