package kr.smartsenior.edge.ui.views;

import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** The live counter or timer, the time left and a bar; all bound to the view model. */
final class MeasuringView extends VBox {

    MeasuringView(Screen.Measuring measuring, KioskViewModel model, Consumer<Action> act) {
        getStyleClass().add("screen");
        Label value = ViewParts.label("", "big-number");
        value.textProperty().bind(model.liveBig());
        Label unit = ViewParts.label(TestGuide.of(measuring.test()).unitWord(), "heading");
        HBox number = new HBox(24, value, unit);
        number.setAlignment(Pos.BASELINE_CENTER);
        Label caption = ViewParts.label("", "body");
        caption.textProperty().bind(model.liveCaption());
        ProgressBar bar = new ProgressBar();
        bar.progressProperty().bind(model.liveProgress());
        bar.visibleProperty().bind(model.liveProgress().greaterThanOrEqualTo(0));
        bar.managedProperty().bind(bar.visibleProperty());
        getChildren().addAll(ViewParts.step(measuring.number(), measuring.total()),
                ViewParts.heading(TestGuide.of(measuring.test()).name()), number, caption, bar,
                ViewParts.choices(measuring, act));
    }
}
