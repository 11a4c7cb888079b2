package kr.smartsenior.edge.ui.views;

import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import kr.smartsenior.edge.ui.voice.Prompt;

/**
 * "방금 운동, 얼마나 힘드셨어요?": the question, then Borg's CR10 as one row of eleven tall buttons from 0
 * to 10, left to right, each with its number and, where the scale has one, its words; below, the way
 * out without an answer. No button is the main choice (a pad press answers nothing).
 */
final class EffortAskView extends VBox {

    static final double RATING_WIDTH = 132;
    static final double RATING_HEIGHT = 300;
    static final double RATING_SPACING = 24;

    EffortAskView(Screen.EffortAsk ask, Consumer<Action> act) {
        getStyleClass().add("screen");
        Region top = new Region();
        Region bottom = new Region();
        VBox.setVgrow(top, Priority.ALWAYS);
        VBox.setVgrow(bottom, Priority.ALWAYS);
        HBox scale = new HBox(RATING_SPACING);
        scale.setAlignment(Pos.CENTER);
        HBox others = new HBox(ViewParts.CHOICE_SPACING);
        others.setAlignment(Pos.CENTER);
        for (Screen.Choice choice : ask.choices()) {
            int rating = choice.action().effortRating();
            if (rating < 0) {
                others.getChildren().add(ViewParts.button(choice, act));
                continue;
            }
            scale.getChildren().add(ratingButton(rating, choice, act));
        }
        getChildren().addAll(top, ViewParts.heading(Screen.EffortAsk.QUESTION),
                ViewParts.body(ViewParts.afterHeading(Screen.EffortAsk.QUESTION, Prompt.EFFORT_ASK.text())), scale, bottom,
                others);
    }

    private static Button ratingButton(int rating, Screen.Choice choice, Consumer<Action> act) {
        String words = Screen.EffortAsk.ANCHORS.get(rating);
        Label number = ViewParts.label(choice.label(), "rating-number");
        VBox face = new VBox(8, number);
        face.setAlignment(Pos.TOP_CENTER);
        if (!words.isEmpty()) {
            Label anchor = ViewParts.label(words.replace(' ', '\n'), "rating-words");
            face.getChildren().add(anchor);
        }
        Button button = new Button(choice.label());
        button.setGraphic(face);
        button.setContentDisplay(javafx.scene.control.ContentDisplay.GRAPHIC_ONLY);
        button.setAccessibleText(words.isEmpty() ? choice.label() : choice.label() + " " + words);
        button.getStyleClass().addAll("rating", "rating-" + rating);
        button.setMinSize(RATING_WIDTH, RATING_HEIGHT);
        button.setPrefSize(RATING_WIDTH, RATING_HEIGHT);
        button.setMaxSize(RATING_WIDTH, RATING_HEIGHT);
        button.setFocusTraversable(false);
        button.setOnAction(e -> act.accept(choice.action()));
        return button;
    }
}
