package kr.smartsenior.edge.ui.views;

import java.util.function.Consumer;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** A heading, a calm sentence and the screen's choices: greeting, goodbye, questions and problems. */
final class MessageView extends VBox {

    MessageView(Screen screen, String heading, String body, Consumer<Action> act) {
        getStyleClass().add("screen");
        Region top = new Region();
        Region bottom = new Region();
        VBox.setVgrow(top, javafx.scene.layout.Priority.ALWAYS);
        VBox.setVgrow(bottom, javafx.scene.layout.Priority.ALWAYS);
        getChildren().addAll(top, ViewParts.heading(heading), ViewParts.body(body), bottom, ViewParts.choices(screen, act));
    }
}
