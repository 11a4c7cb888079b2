package kr.smartsenior.edge.ui.views;

import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
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

    private static final double ANSWER_WIDTH = 720;
    private static final double ANSWER_SPACING = 80;

    OneLegHandsAskView(Screen.OneLegHandsAsk ask, Consumer<Action> act) {
        getStyleClass().add("screen");
        Region top = new Region();
        Region bottom = new Region();
        VBox.setVgrow(top, Priority.ALWAYS);
        VBox.setVgrow(bottom, Priority.ALWAYS);
        HBox answers = new HBox(ANSWER_SPACING);
        answers.setAlignment(Pos.CENTER);
        for (Screen.Choice choice : ask.choices()) {
            Button answer = ViewParts.button(choice, act);
            answer.setMinWidth(ANSWER_WIDTH);
            answers.getChildren().add(answer);
        }
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
