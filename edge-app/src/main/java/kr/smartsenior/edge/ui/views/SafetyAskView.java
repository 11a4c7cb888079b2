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
 * "오늘 몸이 아프거나 어지러우세요?": the question and two equally big answers side by side. Neither is the
 * main choice (a pad press answers nothing here); "네, 있어요" is marked like the exercise's symptom answer.
 */
final class SafetyAskView extends VBox {

    private static final double ANSWER_WIDTH = 720;
    private static final double ANSWER_SPACING = 80;

    SafetyAskView(Screen.SafetyAsk ask, Consumer<Action> act) {
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
            if (choice.action() == Action.UNWELL) {
                answer.getStyleClass().add("symptom");
            }
            answers.getChildren().add(answer);
        }
        getChildren().addAll(top, ViewParts.heading(Screen.SafetyAsk.QUESTION),
                ViewParts.body(ViewParts.afterHeading(Screen.SafetyAsk.QUESTION, Prompt.SAFETY_ASK.text())), bottom, answers);
    }
}
