package kr.smartsenior.edge.ui.views;

import java.util.List;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.text.TextAlignment;
import kr.smartsenior.edge.ui.voice.Prompt;

/** Today's results beside the current exercise prescription ("처방 준비 중" until the server sends one). */
final class SummaryView extends VBox {

    static final double PANEL_WIDTH = 820;
    static final double LABEL_WIDTH = 330;

    SummaryView(Screen.Summary summary, Consumer<Action> act) {
        getStyleClass().add("screen");
        HBox panels = new HBox(64, panel("오늘 측정", summary.results()), panel("운동 처방", summary.prescription()));
        panels.setAlignment(Pos.CENTER);
        String sentence = (summary.afterBattery() ? Prompt.SUMMARY : Prompt.RECORDS).text();
        getChildren().addAll(ViewParts.heading(summary.name() + "님의 " + (summary.afterBattery() ? "오늘 결과" : "기록")),
                ViewParts.body(sentence), panels, ViewParts.choices(summary, act));
    }

    static VBox panel(String title, List<Screen.Line> lines) {
        GridPane grid = new GridPane();
        grid.setHgap(32);
        grid.setVgap(20);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMaxWidth(LABEL_WIDTH);
        ColumnConstraints texts = new ColumnConstraints();
        texts.setHgrow(Priority.ALWAYS);
        texts.setFillWidth(true);
        grid.getColumnConstraints().addAll(labels, texts);
        int row = 0;
        for (Screen.Line line : lines) {
            Label label = ViewParts.label(line.label(), "line-label");
            label.setAlignment(Pos.TOP_LEFT);
            label.setTextAlignment(TextAlignment.LEFT);
            Label text = ViewParts.label(line.text(), "line-text");
            text.setAlignment(Pos.TOP_LEFT);
            text.setTextAlignment(TextAlignment.LEFT);
            text.setMaxWidth(Double.MAX_VALUE);
            grid.addRow(row++, label, text);
        }
        VBox panel = new VBox(ViewParts.label(title, "panel-title"), grid);
        panel.getStyleClass().add("panel");
        panel.setPrefWidth(PANEL_WIDTH);
        panel.setMinWidth(PANEL_WIDTH);
        VBox.setVgrow(grid, Priority.ALWAYS);
        return panel;
    }
}
