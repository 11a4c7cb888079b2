package kr.smartsenior.edge.ui.views;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import kr.smartsenior.edge.ui.FxTesting;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The staff notice as drawn (issue #14): a device out on the idle screen, the simulation's example
 * data on the idle and greeting screens; within the rules for seniors' screens (size, contrast), and
 * absent when there is nothing to say.
 */
class StaffNoticeViewTest {

    @BeforeAll
    static void toolkit() {
        FxTesting.startOrSkip();
    }

    @Test
    void theIdleScreenNamesTheDeviceOutWithinTheScreenRules() {
        Scene scene = FxTesting.onFx(() -> render(new Screen.Idle(false, "기기 점검 중: 발판")));
        assertThat(FxTesting.onFx(() -> texts(scene.getRoot()))).contains("기기 점검 중: 발판", "카드를 보여 주세요");
        assertThat(FxTesting.onFx(() -> ScreenRules.check(scene.getRoot()))).isEmpty();
    }

    @Test
    void theGreetingSaysTheNameIsAnExampleWithinTheScreenRules() {
        Scene scene = FxTesting.onFx(() -> render(new Screen.Greeting("김순자", "연습용 예시 데이터")));
        assertThat(FxTesting.onFx(() -> texts(scene.getRoot()))).contains("연습용 예시 데이터", "김순자님, 반갑습니다!");
        assertThat(FxTesting.onFx(() -> ScreenRules.check(scene.getRoot()))).isEmpty();
    }

    @Test
    void withoutANoticeNothingIsAdded() {
        Scene plain = FxTesting.onFx(() -> render(new Screen.Idle(true)));
        assertThat(FxTesting.onFx(() -> plain.getRoot().lookup("#staff-notice"))).isNull();
        Scene greeting = FxTesting.onFx(() -> render(new Screen.Greeting("김순자")));
        assertThat(FxTesting.onFx(() -> greeting.getRoot().lookup("#staff-notice"))).isNull();
    }

    private static Scene render(Screen screen) {
        return EveryScreenTest.render(new ScreenGallery.Example("x", screen, Live.NONE, true, Optional.empty(),
                ExerciseLive.NONE, false));
    }

    private static List<String> texts(Node node) {
        List<String> texts = new ArrayList<>();
        if (!node.isVisible()) {
            return texts;
        }
        if (node instanceof Labeled labeled && !labeled.getText().isEmpty()) {
            texts.add(labeled.getText());
        }
        if (node instanceof Parent parent) {
            parent.getChildrenUnmodifiable().forEach(child -> texts.addAll(texts(child)));
        }
        return texts;
    }
}
