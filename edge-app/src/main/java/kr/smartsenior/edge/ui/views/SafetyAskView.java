package kr.smartsenior.edge.ui.views;

import java.util.function.Consumer;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import kr.smartsenior.edge.ui.voice.Prompt;

/**
 * "오늘 몸이 아프거나 어지러우세요?": the question and two equally big answers side by side. Neither is the
 * main choice (a pad press answers nothing here); "네, 있어요" is marked like the exercise's symptom answer.
 */
final class SafetyAskView extends VBox {

    SafetyAskView(Screen.SafetyAsk ask, Consumer<Action> act) {
        getStyleClass().add("screen");
        Region top = new Region();
        Region bottom = new Region();
        VBox.setVgrow(top, Priority.ALWAYS);
        VBox.setVgrow(bottom, Priority.ALWAYS);
        HBox answers = ViewParts.answersSideBySide(ask.choices(), act);
        for (int i = 0; i < ask.choices().size(); i++) {
            if (ask.choices().get(i).action() == Action.UNWELL) {
                answers.getChildren().get(i).getStyleClass().add("symptom");
            }
        }
        getChildren().addAll(top, ViewParts.heading(Screen.SafetyAsk.QUESTION),
                ViewParts.body(ViewParts.afterHeading(Screen.SafetyAsk.QUESTION, Prompt.SAFETY_ASK.text())), bottom, answers);
    }
}
