package kr.smartsenior.edge.ui.views;

import javafx.geometry.Pos;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import kr.smartsenior.edge.ui.ports.FitnessTests.Grade;

/** Three steps growing left to right; the result's step is filled, with its word under it. */
final class GradePicture extends HBox {

    private static final Color FILLED = Color.web("#1e5e3a");
    private static final Color EMPTY = Color.web("#d9d4c7");
    private static final Grade[] STEPS = {Grade.LOW, Grade.FAIR, Grade.GOOD};

    GradePicture(Grade grade) {
        super(28);
        setAlignment(Pos.BOTTOM_CENTER);
        int reached = switch (grade) {
            case LOW -> 0;
            case FAIR -> 1;
            case GOOD, UNRATED -> 2;
        };
        for (int i = 0; i < STEPS.length; i++) {
            Rectangle block = new Rectangle(130, 110 + i * 90);
            block.setArcWidth(24);
            block.setArcHeight(24);
            block.setFill(grade != Grade.UNRATED && i <= reached ? FILLED : EMPTY);
            VBox column = new VBox(16, block);
            column.setAlignment(Pos.BOTTOM_CENTER);
            if (i == reached) {
                column.getChildren().add(ViewParts.label(TestGuide.gradeWord(grade), "line-label"));
            } else {
                column.getChildren().add(ViewParts.label(" ", "line-label"));
            }
            getChildren().add(column);
        }
    }
}
