package kr.smartsenior.edge.ui.views;

import java.util.List;
import java.util.function.Consumer;
import javafx.animation.Animation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;

/** The pieces every screen is made of, so all screens share one look and one set of sizes. */
final class ViewParts {

    private static final double ANSWER_WIDTH = 720;
    private static final double ANSWER_SPACING = 80;

    static final double CHOICE_SPACING = 64;
    static final double TEXT_WIDTH = 1600;

    private ViewParts() {
    }

    static Label heading(String text) {
        return label(text, "heading");
    }

    static Label body(String text) {
        Label label = label(text, "body");
        label.setMaxWidth(TEXT_WIDTH);
        return label;
    }

    static Label note(String text) {
        return label(text, "note");
    }

    static Label step(int number, int total) {
        return label("체력 측정  " + number + " / " + total, "step");
    }

    static Label label(String text, String styleClass) {
        Label label = new Label(text);
        label.getStyleClass().add(styleClass);
        label.setWrapText(true);
        label.setAlignment(Pos.CENTER);
        label.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
        label.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        return label;
    }

    /** The screen's buttons in one row, the main choice first and largest. */
    static HBox choices(Screen screen, Consumer<Action> act) {
        HBox row = new HBox(CHOICE_SPACING);
        row.setAlignment(Pos.CENTER);
        for (Screen.Choice choice : screen.choices()) {
            row.getChildren().add(button(choice, act));
        }
        return row;
    }

    /**
     * A yes/no-like question's answers: equally big, side by side, none the main choice (a pad press
     * answers nothing on such screens).
     */
    static HBox answersSideBySide(List<Screen.Choice> choices, Consumer<Action> act) {
        HBox answers = new HBox(ANSWER_SPACING);
        answers.setAlignment(Pos.CENTER);
        for (Screen.Choice choice : choices) {
            Button answer = button(choice, act);
            answer.setMinWidth(ANSWER_WIDTH);
            answers.getChildren().add(answer);
        }
        return answers;
    }

    static Button button(Screen.Choice choice, Consumer<Action> act) {
        Button button = new Button(choice.label());
        button.getStyleClass().addAll("choice", choice.main() ? "main" : "other");
        button.setFocusTraversable(false); // a touch kiosk: no focus ring, the keyboard is for simulation
        button.setOnAction(e -> act.accept(choice.action()));
        return button;
    }

    /** The sentence without the heading it starts with, so the screen does not say it twice. */
    static String afterHeading(String heading, String sentence) {
        return sentence.startsWith(heading) ? sentence.substring(heading.length()).strip() : sentence;
    }

    /**
     * Runs an animation only while the node is in a window that is showing, and stops it when the node
     * leaves the screen or the window hides: a replaced screen leaves no animation (or node) behind.
     */
    static void animateWhileShown(Node node, Animation animation) {
        new ShownAnimation(node, animation);
    }

    /** Follows node → scene → window → showing, keeping listeners only on the current ones. */
    private static final class ShownAnimation {
        private final Animation animation;
        private final javafx.beans.value.ChangeListener<Boolean> showing;
        private final javafx.beans.value.ChangeListener<javafx.stage.Window> window;
        private javafx.stage.Window watched;

        ShownAnimation(Node node, Animation animation) {
            this.animation = animation;
            this.showing = (obs, was, now) -> run(now);
            this.window = (obs, was, now) -> watch(now);
            node.sceneProperty().addListener((obs, was, now) -> {
                if (was != null) {
                    was.windowProperty().removeListener(window);
                }
                if (now != null) {
                    now.windowProperty().addListener(window);
                }
                watch(now == null ? null : now.getWindow());
            });
        }

        private void watch(javafx.stage.Window next) {
            if (watched != null) {
                watched.showingProperty().removeListener(showing);
            }
            watched = next;
            if (next != null) {
                next.showingProperty().addListener(showing);
            }
            run(next != null && next.isShowing());
        }

        private void run(boolean shown) {
            if (shown) {
                animation.play();
            } else {
                animation.stop();
            }
        }
    }
}
