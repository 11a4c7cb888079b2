package kr.smartsenior.edge.ui.views;

import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** One waiting step of a test: what it is (with the demonstration), a safety question or a practice. */
final class TestStepView extends VBox {

    static final double SENTENCE_WIDTH = 1040;

    TestStepView(Screen.TestStep step, Consumer<Action> act) {
        getStyleClass().add("screen");
        TestGuide guide = step.guide();
        String heading = switch (step.step()) {
            case SAFETY_CHECK -> "안전 확인";
            case INSTRUCTIONS -> guide.name();
            case PRACTICE -> "연습해 볼까요?";
        };
        Label sentence = ViewParts.body(ViewParts.afterHeading(heading, step.prompt().text()));
        sentence.setMaxWidth(SENTENCE_WIDTH);
        sentence.setAlignment(Pos.CENTER_LEFT);
        sentence.setTextAlignment(javafx.scene.text.TextAlignment.LEFT);
        HBox middle = new HBox(72, new DemoFigure(guide.demo()), sentence);
        middle.setAlignment(Pos.CENTER);
        getChildren().addAll(ViewParts.step(step.number(), step.total()), ViewParts.heading(heading), middle,
                ViewParts.choices(step, act));
    }
}
