package kr.smartsenior.edge.ui.views;

import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import kr.smartsenior.edge.ui.ports.FitnessTests.Grade;

/**
 * A test's result: the value, the same in plain words, and the server's band (decision 0027): its
 * sentence, and the grade picture with the band's word; without a band only "기록했어요", no picture.
 */
final class ResultView extends VBox {

    ResultView(Screen.Result result, Consumer<Action> act) {
        getStyleClass().add("screen");
        VBox words = new VBox(24, ViewParts.label(result.valueText(), "big-value"), ViewParts.body(result.sentence()),
                ViewParts.body(TestGuide.resultPrompt(result.grade()).text()));
        words.setAlignment(Pos.CENTER);
        HBox middle = new HBox(120, words);
        middle.setAlignment(Pos.CENTER);
        if (result.grade() != Grade.UNRATED) {
            middle.getChildren().add(new GradePicture(result.grade()));
        }
        getChildren().addAll(ViewParts.step(result.number(), result.total()),
                ViewParts.heading(TestGuide.of(result.test()).name() + " 결과"), middle, ViewParts.choices(result, act));
    }
}
