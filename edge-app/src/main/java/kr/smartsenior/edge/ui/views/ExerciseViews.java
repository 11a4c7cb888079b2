package kr.smartsenior.edge.ui.views;

import java.util.function.Consumer;
import javafx.beans.value.ChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import kr.smartsenior.edge.ui.ports.ExercisePrograms.Offer;
import kr.smartsenior.edge.ui.ports.ExercisePrograms;
import kr.smartsenior.edge.ui.voice.Prompt;
import kr.smartsenior.protocol.MeasurementCode;

/** The exercise screens: choosing a program, its briefing, playing, pausing, stopping, the result. */
final class ExerciseViews {

    static final double SENTENCE_WIDTH = 1000;

    private ExerciseViews() {
    }

    static Label step(Offer offer) {
        return ViewParts.label("운동하기  ·  " + ExerciseGuide.of(offer.program()).name() + " " + ExerciseGuide.levelText(offer),
                "step");
    }

    /** Which program: one tile each (the first the pad's choice), then the way back. */
    static VBox choice(Screen.ExerciseChoice choice, Consumer<Action> act) {
        VBox view = screen();
        HBox tiles = new HBox(48);
        tiles.setAlignment(Pos.CENTER);
        HBox others = new HBox(ViewParts.CHOICE_SPACING);
        others.setAlignment(Pos.CENTER);
        for (Screen.Choice c : choice.choices()) {
            if (c.action() == Action.HOME) {
                others.getChildren().add(ViewParts.button(c, act));
                continue;
            }
            Offer offer = choice.offers().stream().filter(o -> ExerciseGuide.of(o.program()).choose() == c.action())
                    .findFirst().orElseThrow();
            Button tile = new Button(c.label() + "\n" + ExerciseGuide.levelText(offer));
            tile.getStyleClass().add("program-tile");
            tile.setWrapText(true);
            tile.setFocusTraversable(false);
            tile.setOnAction(e -> act.accept(c.action()));
            tiles.getChildren().add(tile);
        }
        view.getChildren().addAll(ViewParts.heading("어떤 운동을 할까요?"),
                ViewParts.body(ViewParts.afterHeading("어떤 운동을 할까요?", Prompt.EXERCISE_CHOOSE.text())), tiles);
        // a prescription that makes the senior hold on for every program says so before the choice too
        if (!choice.offers().isEmpty() && choice.offers().stream().allMatch(ExercisePrograms.Offer::holdOn)) {
            ExerciseGuide.holdOn(choice.offers().getFirst())
                    .ifPresent(line -> view.getChildren().add(ViewParts.label(line, "pad-hint")));
        }
        view.getChildren().add(others);
        return view;
    }

    /** What the program is, where to stand (the mat), holding on, and the safety sentence. */
    static VBox briefing(Screen.ExerciseBriefing briefing, Consumer<Action> act) {
        VBox view = screen();
        Offer offer = briefing.offer();
        ExerciseGuide guide = ExerciseGuide.of(offer.program());
        MatView mat = new MatView();
        mat.show(java.util.Set.of(1, 2), MatView.Sign.STAND);
        VBox words = new VBox(24);
        words.setAlignment(Pos.CENTER_LEFT);
        words.setMaxWidth(SENTENCE_WIDTH);
        words.getChildren().add(left(ViewParts.body(guide.how())));
        words.getChildren().add(left(ViewParts.body("두 발을 1번과 2번 발판에 올리고 시작하기를 누르세요.")));
        ExerciseGuide.holdOn(offer).ifPresent(line -> words.getChildren().add(left(ViewParts.label(line, "pad-hint"))));
        words.getChildren().add(left(ViewParts.label(Prompt.EXERCISE_SAFETY.text(), "safety"))); // beside the mat: room
        HBox middle = new HBox(72, mat, words);
        middle.setAlignment(Pos.CENTER);
        view.getChildren().addAll(step(offer), ViewParts.heading(guide.name()), middle, ViewParts.choices(briefing, act));
        return view;
    }

    /** Exercising: the stage, the cue, the lit mat, the answer, the score and the time, all live. */
    static VBox play(Screen.ExercisePlay play, KioskViewModel model, Consumer<Action> act) {
        VBox view = screen();
        view.getStyleClass().add("exercise");
        Offer offer = play.offer();
        Label stage = ViewParts.label(ExerciseGuide.of(offer.program()).name() + "  ·  " + ExerciseGuide.stageWord(play.stage()),
                "step");
        Label cue = ViewParts.label("", "heading");
        cue.getStyleClass().add("cue");
        MatView mat = new MatView();
        Label answer = ViewParts.label("", "answer");
        answer.setMinWidth(420);
        VBox side = new VBox(28, answer);
        side.setAlignment(Pos.CENTER_LEFT);
        side.setMinWidth(480);
        ExerciseGuide.holdOn(offer).ifPresent(line -> side.getChildren().add(left(ViewParts.label(line, "pad-hint"))));
        if (offer.program() == MeasurementCode.INTERVAL) {
            side.getChildren().add(left(ViewParts.label(Prompt.EXERCISE_SAFETY.text(), "pad-hint")));
        }
        Region spacer = new Region();
        spacer.setMinWidth(480);
        HBox middle = new HBox(64, spacer, mat, side);
        middle.setAlignment(Pos.CENTER);
        Label score = ViewParts.label("", "body");
        Label time = ViewParts.label("", "body");
        HBox lines = new HBox(80, score, time);
        lines.setAlignment(Pos.CENTER);
        ProgressBar bar = new ProgressBar();
        ChangeListener<ExerciseLive> update = (obs, was, live) -> {
            String doing = ExerciseGuide.stageDoing(play.stage(), offer.program());
            boolean cueing = play.stage() == ExercisePrograms.Stage.PLAY && !live.cue().isEmpty();
            cue.setText(cueing ? live.cue() : doing);
            mat.show(cueing ? live.lit() : java.util.Set.of(), live.sign());
            boolean answered = play.stage() == ExercisePrograms.Stage.PLAY && !live.answer().isEmpty();
            answer.setText(live.answer());
            answer.setVisible(answered);
            answer.getStyleClass().removeAll("answer-hit", "answer-miss");
            answer.getStyleClass().add(live.hit() ? "answer-hit" : "answer-miss");
            answer.setGraphic(answered ? mark(live.hit()) : null);
            score.setText(live.score());
            score.setVisible(!live.score().isEmpty());
            time.setText(live.time());
            time.setVisible(!live.time().isEmpty());
            bar.setProgress(Math.max(0, live.progress()));
            bar.setVisible(live.progress() >= 0);
        };
        model.exercise().addListener(update);
        update.changed(model.exercise(), null, model.exercise().get());
        view.getChildren().addAll(stage, cue, middle, lines, bar, ViewParts.choices(play, act));
        view.sceneProperty().addListener((obs, was, now) -> {
            if (was != null && now == null) { // replaced: the view model must not keep it alive
                model.exercise().removeListener(update);
            }
        });
        return view;
    }

    /** Off the mat: the clock waits; the mat shows where to stand. */
    static VBox paused(Screen.ExercisePaused paused, Consumer<Action> act) {
        VBox view = screen();
        MatView mat = new MatView();
        mat.show(java.util.Set.of(1, 2), MatView.Sign.STAND);
        String heading = paused.feetBack() ? "곧 다시 시작해요" : "잠시 멈췄어요";
        Prompt said = paused.feetBack() ? Prompt.EXERCISE_RESUMING : Prompt.EXERCISE_PAUSED;
        view.getChildren().addAll(step(paused.offer()), ViewParts.heading(heading),
                ViewParts.body(ViewParts.afterHeading(heading + ".", said.text())), mat,
                ViewParts.choices(paused, act));
        return view;
    }

    /** Why did you stop: the answers one under the other, the symptom first. */
    static VBox stopAsk(Screen.ExerciseStopAsk ask, Consumer<Action> act) {
        VBox view = screen();
        VBox buttons = new VBox(40);
        buttons.setAlignment(Pos.CENTER);
        for (Screen.Choice c : ask.choices()) {
            Button button = ViewParts.button(c, act);
            button.setMinWidth(900);
            if (c.action() == Action.SYMPTOM) {
                button.getStyleClass().add("symptom");
            }
            buttons.getChildren().add(button);
        }
        view.getChildren().addAll(step(ask.offer()), ViewParts.heading("어디가 불편하세요?"),
                ViewParts.body(ViewParts.afterHeading("어디가 불편하세요?", Prompt.EXERCISE_STOP_ASK.text())), buttons);
        return view;
    }

    static VBox result(Screen.ExerciseResult result, Consumer<Action> act) {
        VBox view = screen();
        boolean early = result.summary().stopReason() != null;
        VBox panel = SummaryView.panel("오늘 한 운동", result.lines());
        panel.setMaxWidth(SummaryView.PANEL_WIDTH + 200);
        panel.setPrefWidth(SummaryView.PANEL_WIDTH + 200);
        String heading = early ? "운동을 마쳤어요" : "수고하셨어요!";
        view.getChildren().addAll(step(result.offer()), ViewParts.heading(heading),
                ViewParts.body(ViewParts.afterHeading(heading, (early ? Prompt.EXERCISE_STOPPED : Prompt.EXERCISE_DONE).text())
                        .replaceFirst("^\\.\\s*", "")), panel,
                ViewParts.choices(result, act));
        return view;
    }

    private static Region mark(boolean hit) {
        javafx.scene.Node shape;
        if (hit) {
            javafx.scene.shape.Circle ring = new javafx.scene.shape.Circle(20);
            ring.setFill(javafx.scene.paint.Color.TRANSPARENT);
            ring.setStroke(javafx.scene.paint.Color.WHITE);
            ring.setStrokeWidth(7);
            shape = ring;
        } else {
            javafx.scene.shape.Line a = new javafx.scene.shape.Line(0, 0, 36, 36);
            javafx.scene.shape.Line b = new javafx.scene.shape.Line(0, 36, 36, 0);
            for (javafx.scene.shape.Line l : new javafx.scene.shape.Line[] {a, b}) {
                l.setStroke(javafx.scene.paint.Color.WHITE);
                l.setStrokeWidth(7);
            }
            shape = new javafx.scene.layout.StackPane(a, b);
        }
        javafx.scene.layout.StackPane box = new javafx.scene.layout.StackPane(shape);
        box.setMinSize(48, 48);
        return box;
    }

    private static Label left(Label label) {
        label.setAlignment(Pos.CENTER_LEFT);
        label.setTextAlignment(javafx.scene.text.TextAlignment.LEFT);
        return label;
    }

    private static VBox screen() {
        VBox view = new VBox();
        view.getStyleClass().addAll("screen", "compact");
        return view;
    }
}
