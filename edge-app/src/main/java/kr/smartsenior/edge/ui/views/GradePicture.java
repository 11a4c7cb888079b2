package kr.smartsenior.edge.ui.views;

import javafx.geometry.Pos;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import kr.smartsenior.edge.ui.ports.FitnessTests.Grade;

/**
 * Three steps growing left to right, filled up to the result's, and the band's word in large letters
 * under them (decision 0027): how many steps are filled says the band without colour.
 */
final class GradePicture extends VBox {

    private static final Color FILLED = Color.web("#1e5e3a");
    private static final Color EMPTY = Color.web("#d9d4c7");
    private static final int STEPS = 3;

    GradePicture(Grade grade) {
        super(24);
        setAlignment(Pos.BOTTOM_CENTER);
        int reached = switch (grade) {
            case LOW -> 0;
            case FAIR -> 1;
            case GOOD, UNRATED -> 2;
        };
        HBox steps = new HBox(28);
        steps.setAlignment(Pos.BOTTOM_CENTER);
        for (int i = 0; i < STEPS; i++) {
            Rectangle block = new Rectangle(130, 110 + i * 90);
            block.setArcWidth(24);
            block.setArcHeight(24);
            block.setFill(grade != Grade.UNRATED && i <= reached ? FILLED : EMPTY);
            block.setStroke(i == reached ? Color.web("#1b1b1b") : Color.TRANSPARENT);
            block.setStrokeWidth(6);
            steps.getChildren().add(block);
        }
        getChildren().addAll(steps, ViewParts.label(TestGuide.gradeWord(grade), "band-word"));
    }
}
