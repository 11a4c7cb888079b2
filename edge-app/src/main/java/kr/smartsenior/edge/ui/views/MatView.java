package kr.smartsenior.edge.ui.views;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Line;
import javafx.scene.shape.Polygon;
import javafx.scene.shape.Rectangle;
import javafx.scene.shape.Shape;

/**
 * The step mat as the senior sees it from the screen, the same layout as on the floor
 * (docs/hardware.md): pad 4 in front, pads 1 (left foot) and 2 (right foot) side by side, pad 3
 * behind. A lit pad shows its number, a shape and a word, so the cue never rests on colour alone:
 * a circle for "밟기", two triangles for "점프", a cross for "멈춤", a square for "딛기" (stand here).
 */
public final class MatView extends VBox {

    /** What a lit pad asks for. */
    public enum Sign {
        STEP("밟기"), JUMP("점프"), STAY("멈춤"), STAND("딛기");

        final String word;

        Sign(String word) {
            this.word = word;
        }
    }

    static final double PAD_SIZE = 156;
    static final double GAP = 16;
    private static final Map<Integer, String> PLACE = Map.of(1, "왼발", 2, "오른발", 3, "뒤", 4, "앞");

    private final Map<Integer, Pad> pads = new TreeMap<>();

    MatView() {
        getStyleClass().add("mat");
        setSpacing(GAP);
        setAlignment(Pos.CENTER);
        for (int pad = 1; pad <= 4; pad++) {
            pads.put(pad, new Pad(pad));
        }
        HBox front = row(pads.get(4));
        HBox feet = row(pads.get(1), pads.get(2));
        HBox back = row(pads.get(3));
        getChildren().addAll(front, feet, back);
        show(Set.of(), Sign.STEP);
    }

    private static HBox row(Node... nodes) {
        HBox row = new HBox(GAP, nodes);
        row.setAlignment(Pos.CENTER);
        return row;
    }

    /** Lights these pads with this sign; the others show their number and place. */
    void show(Set<Integer> lit, Sign sign) {
        pads.forEach((number, pad) -> pad.show(lit.contains(number) ? sign : null));
    }

    /** One pad: its number, and when lit a shape and a word. */
    private static final class Pad extends StackPane {
        private final int number;
        private final Label numberLabel;
        private final Label word;
        private final StackPane symbol = new StackPane();

        Pad(int number) {
            this.number = number;
            getStyleClass().add("pad");
            setMinSize(PAD_SIZE, PAD_SIZE);
            setPrefSize(PAD_SIZE, PAD_SIZE);
            setMaxSize(PAD_SIZE, PAD_SIZE);
            numberLabel = ViewParts.label(Integer.toString(number), "pad-number");
            word = ViewParts.label(PLACE.get(number), "pad-word");
            symbol.setMinSize(36, 36);
            HBox line = new HBox(8, symbol, word);
            line.setAlignment(Pos.CENTER);
            VBox content = new VBox(0, numberLabel, line);
            content.setAlignment(Pos.CENTER);
            getChildren().add(content);
        }

        void show(Sign sign) {
            getStyleClass().removeAll("pad-lit", "pad-stay");
            symbol.getChildren().clear();
            if (sign == null) {
                word.setText(PLACE.get(number));
                symbol.setVisible(false);
                symbol.setManaged(false);
                return;
            }
            getStyleClass().add(sign == Sign.STAY ? "pad-stay" : "pad-lit");
            word.setText(sign.word);
            symbol.setVisible(true);
            symbol.setManaged(true);
            symbol.getChildren().add(shape(sign));
        }

        private static Node shape(Sign sign) {
            return switch (sign) {
                case STEP -> white(new Circle(16));
                case JUMP -> {
                    HBox two = new HBox(2, white(new Polygon(0, 28, 14, 0, 28, 28)), white(new Polygon(0, 28, 14, 0, 28, 28)));
                    two.setAlignment(Pos.CENTER);
                    yield two;
                }
                case STAY -> {
                    Line a = new Line(0, 0, 28, 28);
                    Line b = new Line(0, 28, 28, 0);
                    for (Line l : new Line[] {a, b}) {
                        l.setStroke(javafx.scene.paint.Color.WHITE);
                        l.setStrokeWidth(6);
                    }
                    yield new StackPane(a, b);
                }
                case STAND -> white(new Rectangle(28, 28));
            };
        }

        private static Shape white(Shape shape) {
            shape.setFill(javafx.scene.paint.Color.WHITE);
            return shape;
        }
    }
}
