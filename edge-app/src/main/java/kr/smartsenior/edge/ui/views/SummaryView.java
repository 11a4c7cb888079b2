package kr.smartsenior.edge.ui.views;

import java.util.List;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.TextAlignment;
import kr.smartsenior.edge.ui.voice.Prompt;

/**
 * Today's results, then the current exercise prescription ("처방 준비 중" until the server sends one),
 * one page at a time (decision 0025): the page's title with 「이전」, "1 / 3" and 「다음」 in its top
 * row, the page's lines across the whole width, and the screen's own way out (끝내기, 처음 화면으로)
 * at the bottom on every page.
 */
final class SummaryView extends VBox {

    static final double PANEL_WIDTH = 820;
    static final double PAGE_WIDTH = 1728;
    static final double PAGE_TURN_WIDTH = 260;

    SummaryView(Screen.Summary summary, Consumer<Action> act) {
        getStyleClass().addAll("screen", "compact", "summary");
        Screen.Page page = summary.allPages().get(summary.page());
        String sentence = (summary.afterBattery() ? Prompt.SUMMARY : Prompt.RECORDS).text();
        VBox panel = page.table() ? panel(page.title(), page.lines()) : sentences(page.title(), page.lines());
        panel.setPrefWidth(PAGE_WIDTH);
        panel.setMaxWidth(PAGE_WIDTH);
        if (summary.pages() > 1) {
            Label title = (Label) panel.getChildren().removeFirst();
            panel.getChildren().addFirst(pageTop(title, summary, act));
        }
        HBox actions = new HBox(ViewParts.CHOICE_SPACING);
        actions.setAlignment(Pos.CENTER);
        for (Screen.Choice choice : summary.choices()) {
            if (!turnsPage(choice)) {
                actions.getChildren().add(ViewParts.button(choice, act));
            }
        }
        getChildren().add(ViewParts.heading(summary.name() + "님의 " + (summary.afterBattery() ? "오늘 결과" : "기록")));
        if (summary.page() == 0) { // the sentence spoken when the screen came; later pages give its room to the page
            getChildren().add(ViewParts.body(sentence));
        }
        getChildren().addAll(panel, actions);
    }

    private static boolean turnsPage(Screen.Choice choice) {
        return choice.action() == Action.NEXT_PAGE || choice.action() == Action.PREVIOUS_PAGE;
    }

    /** The page's top row: its title, then 「이전」, "2 / 3" and 「다음」, each in its own place on every page. */
    private static HBox pageTop(Label title, Screen.Summary summary, Consumer<Action> act) {
        StackPane previous = slot();
        StackPane next = slot();
        for (Screen.Choice choice : summary.choices()) {
            if (turnsPage(choice)) {
                Button button = ViewParts.button(choice, act);
                button.getStyleClass().add("page-turn");
                (choice.action() == Action.NEXT_PAGE ? next : previous).getChildren().add(button);
            }
        }
        Label where = ViewParts.label((summary.page() + 1) + " / " + summary.pages(), "page-number");
        where.setMinWidth(Region.USE_PREF_SIZE);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox top = new HBox(32, title, gap, previous, where, next);
        top.setAlignment(Pos.CENTER_LEFT);
        return top;
    }

    private static StackPane slot() {
        StackPane slot = new StackPane();
        slot.setMinWidth(PAGE_TURN_WIDTH);
        return slot;
    }

    /** Lines of a label and its text (today's results, an exercise's result). */
    static VBox panel(String title, List<Screen.Line> lines) {
        GridPane grid = new GridPane();
        grid.setHgap(48);
        grid.setVgap(16);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE); // a label never squeezed to a letter a line
        ColumnConstraints texts = new ColumnConstraints();
        texts.setHgrow(Priority.ALWAYS);
        texts.setFillWidth(true);
        grid.getColumnConstraints().addAll(labels, texts);
        int row = 0;
        for (Screen.Line line : lines) {
            Label label = ViewParts.label(line.label(), "line-label");
            label.setAlignment(Pos.TOP_LEFT);
            label.setTextAlignment(TextAlignment.LEFT);
            label.setMinWidth(Region.USE_PREF_SIZE);
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

    /** Sentences one under the other across the page (the prescription: the title already says what they are). */
    static VBox sentences(String title, List<Screen.Line> lines) {
        VBox panel = new VBox(ViewParts.label(title, "panel-title"));
        VBox list = new VBox(16);
        for (Screen.Line line : lines) {
            Label dot = ViewParts.label("·", "line-text");
            dot.setMinWidth(Region.USE_PREF_SIZE);
            Label text = ViewParts.label(line.text(), "line-text");
            text.setAlignment(Pos.TOP_LEFT);
            text.setTextAlignment(TextAlignment.LEFT);
            text.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(text, Priority.ALWAYS);
            HBox sentence = new HBox(20, dot, text); // a hanging indent: a wrapped sentence stays right of its dot
            sentence.setAlignment(Pos.TOP_LEFT);
            list.getChildren().add(sentence);
        }
        panel.getChildren().add(list);
        panel.getStyleClass().add("panel");
        return panel;
    }
}
