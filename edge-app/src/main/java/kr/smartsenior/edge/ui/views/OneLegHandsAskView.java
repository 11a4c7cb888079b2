package kr.smartsenior.edge.ui.views;

import java.util.function.Consumer;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import kr.smartsenior.edge.ui.voice.Prompt;

/**
 * Before the one-leg stance, "의자를 잡지 않고 한 발로 서 보시겠어요?": the test's place in the battery, the
 * question, that holding the chair is always fine, and two equally big answers side by side. Neither is
 * the main choice (a pad press answers nothing here).
 */
final class OneLegHandsAskView extends VBox {

    OneLegHandsAskView(Screen.OneLegHandsAsk ask, Consumer<Action> act) {
        getStyleClass().add("screen");
        Region top = new Region();
        Region bottom = new Region();
        VBox.setVgrow(top, Priority.ALWAYS);
        VBox.setVgrow(bottom, Priority.ALWAYS);
        HBox answers = ViewParts.answersSideBySide(ask.choices(), act);
        getChildren().addAll(ViewParts.step(ask.number(), ask.total()), top,
                ViewParts.heading(Screen.OneLegHandsAsk.QUESTION),
                ViewParts.body(oneSentenceALine(ViewParts.afterHeading(Screen.OneLegHandsAsk.QUESTION,
                        Prompt.ONE_LEG_HANDS_ASK.text()))),
                bottom, answers);
    }

    /** Each sentence on its own line: short lines are easier to read for weak eyes. */
    static String oneSentenceALine(String text) {
        return text.replace(". ", ".\n");
    }
}
