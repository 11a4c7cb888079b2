package kr.smartsenior.edge.ui.views;

import java.util.function.Consumer;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** 3, 2, 1: the big number is bound to the view model. */
final class CountdownView extends VBox {

    CountdownView(Screen.Countdown countdown, KioskViewModel model, Consumer<Action> act) {
        getStyleClass().add("screen");
        Label number = ViewParts.label("", "big-number");
        number.textProperty().bind(model.liveBig());
        getChildren().addAll(ViewParts.step(countdown.number(), countdown.total()),
                ViewParts.heading(TestGuide.of(countdown.test()).name() + ", 곧 시작합니다"), number,
                ViewParts.choices(countdown, act));
    }
}
