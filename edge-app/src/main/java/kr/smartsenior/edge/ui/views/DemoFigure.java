package kr.smartsenior.edge.ui.views;

import javafx.animation.Animation;
import javafx.animation.Interpolator;
import javafx.animation.KeyFrame;
import javafx.animation.KeyValue;
import javafx.animation.Timeline;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Line;
import javafx.scene.shape.Polygon;
import javafx.scene.shape.Rectangle;
import javafx.scene.shape.StrokeLineCap;
import javafx.util.Duration;
import kr.smartsenior.edge.ui.views.TestGuide.Demo;

/** A looping stick-figure demonstration of a test: sit-to-stand, stepping, walking, standing on one leg. */
final class DemoFigure extends Pane {

    static final double SIZE = 520;
    private static final double GROUND = 470;
    private static final Color INK = Color.web("#0b3f73");
    private static final Color PROP = Color.web("#8a6d3b");
    private static final Duration CYCLE = Duration.seconds(1.6);

    private final Demo demo;
    private final DoubleProperty phase = new SimpleDoubleProperty(0);
    private final Circle head = new Circle(36, Color.TRANSPARENT);
    private final Line torso = limb();
    private final Line thighL = limb();
    private final Line shinL = limb();
    private final Line thighR = limb();
    private final Line shinR = limb();
    private final Line armL = limb();
    private final Line armR = limb();

    DemoFigure(Demo demo) {
        this.demo = demo;
        setPrefSize(SIZE, SIZE);
        setMinSize(SIZE, SIZE);
        setMaxSize(SIZE, SIZE);
        getStyleClass().add("panel");
        setStyle("-fx-padding: 0;");
        head.setStroke(INK);
        head.setStrokeWidth(12);
        Line ground = new Line(40, GROUND + 8, SIZE - 40, GROUND + 8);
        ground.setStroke(Color.web("#b9b2a3"));
        ground.setStrokeWidth(6);
        getChildren().add(ground);
        addProps();
        getChildren().addAll(torso, thighL, shinL, thighR, shinR, armL, armR, head);
        phase.addListener((obs, was, now) -> pose(now.doubleValue()));
        pose(0);
        Timeline loop = new Timeline(new KeyFrame(Duration.ZERO, new KeyValue(phase, 0)),
                new KeyFrame(CYCLE, new KeyValue(phase, 1, Interpolator.EASE_BOTH)));
        loop.setCycleCount(Animation.INDEFINITE);
        loop.setAutoReverse(demo == Demo.CHAIR_STAND || demo == Demo.WALK || demo == Demo.ONE_LEG);
        ViewParts.animateWhileShown(this, loop);
    }

    private static Line limb() {
        Line line = new Line();
        line.setStroke(INK);
        line.setStrokeWidth(16);
        line.setStrokeLineCap(StrokeLineCap.ROUND);
        return line;
    }

    private void addProps() {
        if (demo == Demo.CHAIR_STAND) {
            Line seat = prop(120, 338, 250, 338);
            Line back = prop(126, 338, 126, 190);
            Line legFront = prop(244, 338, 244, GROUND + 4);
            Line legBack = prop(126, 338, 126, GROUND + 4);
            getChildren().addAll(seat, back, legFront, legBack);
        } else if (demo == Demo.WALK) {
            Polygon cone = new Polygon(440, GROUND, 480, GROUND, 460, GROUND - 80);
            cone.setFill(Color.web("#c25b12"));
            getChildren().add(cone);
        } else if (demo == Demo.ONE_LEG) {
            Rectangle wall = new Rectangle(40, 150, 22, GROUND - 150);
            wall.setFill(Color.web("#d9d4c7"));
            getChildren().add(wall);
        }
    }

    private static Line prop(double x1, double y1, double x2, double y2) {
        Line line = new Line(x1, y1, x2, y2);
        line.setStroke(PROP);
        line.setStrokeWidth(12);
        line.setStrokeLineCap(StrokeLineCap.ROUND);
        return line;
    }

    /** Places every joint for phase t (0 to 1). */
    private void pose(double t) {
        double x = 260;
        double shift = 0;
        // standing joints
        double headY = 108;
        double neckX = x, neckY = 150, hipX = x, hipY = 300;
        double kneeLX = x - 12, kneeLY = 385, footLX = x - 12, footLY = GROUND;
        double kneeRX = x + 12, kneeRY = 385, footRX = x + 12, footRY = GROUND;
        double handLX = x - 34, handLY = 215, handRX = x + 34, handRY = 215;
        switch (demo) {
            case CHAIR_STAND -> {
                double s = 1 - t; // 1 = seated
                hipX = mix(x, 205, s);
                hipY = mix(300, 318, s);
                neckX = mix(x, 232, s);
                neckY = mix(150, 178, s);
                headY = mix(108, 136, s);
                kneeLX = mix(x - 12, 300, s);
                kneeLY = mix(385, 318, s);
                kneeRX = mix(x + 12, 312, s);
                kneeRY = mix(385, 318, s);
                footLX = mix(x - 12, 300, s);
                footRX = mix(x + 12, 312, s);
                handLX = neckX - 30;
                handLY = neckY + 62;
                handRX = neckX + 30;
                handRY = neckY + 62;
                x = neckX;
            }
            case STEP_IN_PLACE, WALK -> {
                double swing = Math.sin(2 * Math.PI * t * (demo == Demo.WALK ? 2 : 1));
                double left = Math.max(0, swing);
                double right = Math.max(0, -swing);
                kneeLX += left * 46;
                kneeLY -= left * 66;
                footLY -= left * 50;
                footLX += left * 8;
                kneeRX += right * 46;
                kneeRY -= right * 66;
                footRY -= right * 50;
                footRX += right * 8;
                handLX = x - 60 + right * 30;
                handLY = 270;
                handRX = x + 60 - left * 30;
                handRY = 270;
                if (demo == Demo.WALK) {
                    shift = mix(-120, 120, t);
                }
            }
            case ONE_LEG -> {
                kneeRX = x + 58;
                kneeRY = 345;
                footRX = x + 40;
                footRY = 410;
                handLX = x - 110;
                handLY = 200;
                handRX = x + 110;
                handRY = 200;
                shift = mix(-6, 6, t);
            }
            case STAND -> {
                handLY = mix(215, 180, t);
                handRY = mix(215, 180, t);
            }
        }
        double shoulderY = neckY + 20;
        setLine(torso, neckX + shift, neckY, hipX + shift, hipY);
        setLine(thighL, hipX + shift, hipY, kneeLX + shift, kneeLY);
        setLine(shinL, kneeLX + shift, kneeLY, footLX + shift, footLY);
        setLine(thighR, hipX + shift, hipY, kneeRX + shift, kneeRY);
        setLine(shinR, kneeRX + shift, kneeRY, footRX + shift, footRY);
        setLine(armL, neckX + shift, shoulderY, handLX + shift, handLY);
        setLine(armR, neckX + shift, shoulderY, handRX + shift, handRY);
        head.setCenterX(x + shift);
        head.setCenterY(headY);
    }

    private static double mix(double a, double b, double t) {
        return a + (b - a) * t;
    }

    private static void setLine(Line line, double x1, double y1, double x2, double y2) {
        line.setStartX(x1);
        line.setStartY(y1);
        line.setEndX(x2);
        line.setEndY(y2);
    }
}
