package kr.smartsenior.edge.ui.views;

import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import kr.smartsenior.edge.ui.voice.Prompt;

/**
 * 검증 측정's staff keypad: the test and the kiosk's own value on the left, the number typed so far (and
 * why it was not taken), the keypad on the right; 저장 keeps the number with the result, 손 측정 없음
 * records the kiosk's value alone.
 */
final class HandReferenceView extends VBox {

    static final double KEY_WIDTH = 168;
    static final double KEY_HEIGHT = 104;
    static final double KEY_GAP = 24;
    static final double INFO_WIDTH = 980;

    HandReferenceView(Screen.HandReference keypad, Consumer<Action> act) {
        getStyleClass().add("screen");
        var guide = TestGuide.of(keypad.test());
        Label typed = ViewParts.label(keypad.typed().isEmpty() ? "—" : keypad.typed() + unit(keypad), "typed-value");
        typed.setMinWidth(560);
        VBox info = new VBox(20, line("측정", guide.name()), line("키오스크 값", keypad.measured()),
                left(ViewParts.body(Prompt.HAND_REFERENCE.text())), typed);
        if (!keypad.problem().isEmpty()) {
            info.getChildren().add(left(ViewParts.label(keypad.problem(), "keypad-problem")));
        }
        info.setAlignment(Pos.CENTER_LEFT);
        info.setMinWidth(INFO_WIDTH);
        info.setMaxWidth(INFO_WIDTH);

        GridPane keys = new GridPane();
        keys.setHgap(KEY_GAP);
        keys.setVgap(KEY_GAP);
        keys.setAlignment(Pos.CENTER);
        int i = 0;
        HBox finish = new HBox(KEY_GAP);
        finish.setAlignment(Pos.CENTER);
        for (Screen.Choice choice : keypad.choices()) {
            Button key = new Button(choice.label());
            key.setFocusTraversable(false);
            key.setOnAction(e -> act.accept(choice.action()));
            if (choice.action() == Action.SAVE_HAND_VALUE || choice.action() == Action.NO_HAND_VALUE) {
                key.getStyleClass().addAll("choice", choice.action() == Action.SAVE_HAND_VALUE ? "main" : "other", "keypad-end");
                finish.getChildren().add(key);
                continue;
            }
            key.getStyleClass().add("key");
            if (choice.label().length() > 1) {
                key.getStyleClass().add("key-word");
            }
            key.setMinSize(KEY_WIDTH, KEY_HEIGHT);
            key.setPrefSize(KEY_WIDTH, KEY_HEIGHT);
            keys.add(key, i % 3, i / 3);
            i++;
        }
        VBox pad = new VBox(KEY_GAP, keys);
        pad.setAlignment(Pos.CENTER);
        HBox middle = new HBox(72, info, pad);
        middle.setAlignment(Pos.CENTER);
        getChildren().addAll(ViewParts.step(keypad.number(), keypad.total()), ViewParts.heading("검증 측정: 손으로 잰 값"), middle,
                finish);
    }

    private static HBox line(String label, String text) {
        HBox line = new HBox(24, ViewParts.label(label, "line-label"), ViewParts.label(text, "line-text"));
        line.setAlignment(Pos.CENTER_LEFT);
        return line;
    }

    private static Label left(Label label) {
        label.setAlignment(Pos.CENTER_LEFT);
        label.setTextAlignment(javafx.scene.text.TextAlignment.LEFT);
        return label;
    }

    private static String unit(Screen.HandReference keypad) {
        return keypad.decimals() ? "초" : "번";
    }
}
