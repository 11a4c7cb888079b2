package kr.smartsenior.edge.ui.views;

import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import kr.smartsenior.edge.ui.voice.Prompt;

/**
 * Four big choices, two by two, the pad's choice (체력 측정) first. On a day the senior said they were
 * unwell the exercise tile says "운동은 오늘 쉬어요" in a quiet style, and the sentence above says why.
 */
final class HomeView extends VBox {

    static final double TILE_GAP = 64;

    HomeView(Screen.Home home, Consumer<Action> act) {
        getStyleClass().add("screen");
        GridPane tiles = new GridPane();
        tiles.setHgap(TILE_GAP);
        tiles.setVgap(TILE_GAP);
        tiles.setAlignment(Pos.CENTER);
        int i = 0;
        for (Screen.Choice choice : home.choices()) {
            Button tile = new Button(choice.label());
            tile.getStyleClass().addAll("tile", "tile-" + choice.action().name().toLowerCase(java.util.Locale.ROOT));
            if (choice.action() == Action.EXERCISE && home.exerciseRestsToday()) {
                tile.getStyleClass().add("tile-rests");
            }
            tile.setFocusTraversable(false);
            tile.setOnAction(e -> act.accept(choice.action()));
            tiles.add(tile, i % 2, i / 2);
            i++;
        }
        Prompt sentence = home.exerciseRestsToday() ? Prompt.HOME_REST_TODAY : Prompt.HOME;
        getChildren().addAll(ViewParts.heading(home.name() + "님, 무엇을 할까요?"), ViewParts.body(sentence.text()), tiles);
    }
}
