package kr.smartsenior.edge.ui.views;

import javafx.animation.Animation;
import javafx.animation.Interpolator;
import javafx.animation.TranslateTransition;
import javafx.scene.Group;
import javafx.scene.layout.Pane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Polygon;
import javafx.scene.shape.Rectangle;
import javafx.util.Duration;
import kr.smartsenior.edge.ui.voice.Prompt;

/** The invitation to show the card: a card gliding down towards the camera below the screen, looping. */
final class IdleView extends VBox {

    private static final Color INK = Color.web("#0b3f73");
    /** The QR pattern drawn on the card: 1 = dark module (a picture, not a real code). */
    private static final String[] PATTERN = {
        "1110101", "1010011", "1110110", "0001010", "1101011", "0110100", "1011101"};

    IdleView(Screen.Idle idle) {
        getStyleClass().add("screen");
        Pane stage = new Pane();
        stage.setPrefSize(900, 430);
        stage.setMaxSize(900, 430);
        Group card = card();
        card.setLayoutX(300);
        card.setLayoutY(10);
        Polygon arrow = new Polygon(390, 350, 510, 350, 450, 420);
        arrow.setFill(INK);
        Rectangle camera = new Rectangle(330, 422, 240, 8);
        camera.setFill(INK);
        stage.getChildren().addAll(card, arrow, camera);
        TranslateTransition glide = new TranslateTransition(Duration.seconds(idle.awake() ? 1.2 : 2.4), card);
        glide.setFromY(0);
        glide.setToY(110);
        glide.setInterpolator(Interpolator.EASE_BOTH);
        glide.setAutoReverse(true);
        glide.setCycleCount(Animation.INDEFINITE);
        ViewParts.animateWhileShown(card, glide);
        getChildren().addAll(ViewParts.note("스마트 경로당 체력 측정"),
                ViewParts.heading(idle.awake() ? "어서 오세요! 카드를 보여 주세요" : "카드를 보여 주세요"),
                stage, ViewParts.body(Prompt.IDLE_INVITE.text()));
    }

    private static Group card() {
        Rectangle body = new Rectangle(300, 210);
        body.setArcWidth(36);
        body.setArcHeight(36);
        body.setFill(Color.WHITE);
        body.setStroke(INK);
        body.setStrokeWidth(6);
        Group card = new Group(body);
        double module = 22;
        for (int row = 0; row < PATTERN.length; row++) {
            for (int col = 0; col < PATTERN[row].length(); col++) {
                if (PATTERN[row].charAt(col) == '1') {
                    Rectangle dot = new Rectangle(28 + col * module, 28 + row * module, module, module);
                    dot.setFill(Color.web("#1b1b1b"));
                    card.getChildren().add(dot);
                }
            }
        }
        Rectangle stripe = new Rectangle(200, 40, 76, 24);
        stripe.setFill(INK);
        Rectangle stripe2 = new Rectangle(200, 84, 60, 16);
        stripe2.setFill(Color.web("#8a8478"));
        card.getChildren().addAll(stripe, stripe2);
        return card;
    }
}
