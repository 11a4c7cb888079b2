package kr.smartsenior.edge.ui.views;

import java.util.Optional;
import java.util.function.BiConsumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.DoubleBinding;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.animation.PauseTransition;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.transform.Scale;
import kr.smartsenior.edge.ui.voice.Prompt;

/**
 * The scene's root: the current screen's view, drawn at 1920×1080 and scaled to the real display
 * (so the sizes in kiosk.css are the sizes on the 27" touch monitor), with a status line for a silent
 * voice and, in simulation, the keyboard help.
 */
public final class KioskView extends Pane {

    public static final double WIDTH = 1920;
    public static final double HEIGHT = 1080;
    static final String STYLESHEET = "/kr/smartsenior/edge/ui/kiosk.css";
    static final String VOICE_OFF = "소리 안내가 나오지 않아요. 화면의 글을 읽어 주세요.";
    /** Shown in a corner of every test screen while 검증 측정 is on. */
    static final String VALIDATION_BADGE = "검증 측정 중";
    /** How long staff hold the idle screen's top-left corner to open their menu. */
    static final javafx.util.Duration STAFF_HOLD = javafx.util.Duration.seconds(5);
    static final double STAFF_CORNER = 200;

    private final KioskViewModel model;
    private final BiConsumer<Screen, Action> act;
    private final BorderPane design = new BorderPane();

    public KioskView(KioskViewModel model, BiConsumer<Screen, Action> act, Optional<String> simulationHelp) {
        this.model = model;
        this.act = act;
        getStylesheets().add(TextScale.stylesheet(model.textScale().get()));
        model.textScale().addListener((obs, before, now) -> getStylesheets().setAll(TextScale.stylesheet(now.doubleValue())));
        design.getStyleClass().add("kiosk");
        design.setPrefSize(WIDTH, HEIGHT);
        design.setMinSize(WIDTH, HEIGHT);
        design.setMaxSize(WIDTH, HEIGHT);
        design.resize(WIDTH, HEIGHT);

        Label voiceOff = ViewParts.label(VOICE_OFF, "status");
        voiceOff.setMaxWidth(Double.MAX_VALUE);
        voiceOff.visibleProperty().bind(model.voiceWorking().not());
        voiceOff.managedProperty().bind(voiceOff.visibleProperty());
        VBox status = new VBox(voiceOff);
        simulationHelp.ifPresent(help -> {
            Label line = ViewParts.label(help, "status");
            line.setMaxWidth(Double.MAX_VALUE);
            status.getChildren().add(line);
        });
        design.setBottom(status);

        Scale scale = new Scale();
        DoubleBinding factor = Bindings.createDoubleBinding(() -> Math.min(getWidth() / WIDTH, getHeight() / HEIGHT),
                widthProperty(), heightProperty());
        scale.xProperty().bind(factor);
        scale.yProperty().bind(factor);
        design.getTransforms().add(scale);
        design.layoutXProperty().bind(widthProperty().subtract(factor.multiply(WIDTH)).divide(2));
        design.layoutYProperty().bind(heightProperty().subtract(factor.multiply(HEIGHT)).divide(2));
        setStyle("-fx-background-color: #fbf8f1;");
        getChildren().add(design);

        model.screen().addListener((obs, before, now) -> design.setCenter(framed(now)));
        model.validation().addListener((obs, before, now) -> design.setCenter(framed(model.screen().get())));
        design.setCenter(framed(model.screen().get()));
    }

    /**
     * The screen's view with what lies over it: on a test screen while 검증 측정 is on, the badge in the
     * top-right corner; on the idle and greeting screens a staff notice there, if any; on the idle
     * screen, the top-left corner staff hold for their menu.
     */
    private Node framed(Screen screen) {
        StackPane frame = new StackPane(viewOf(screen));
        if (model.validation().get() && testScreen(screen)) {
            Label badge = ViewParts.label(VALIDATION_BADGE, "validation-badge");
            StackPane.setAlignment(badge, Pos.TOP_RIGHT);
            StackPane.setMargin(badge, new Insets(24, 32, 0, 0));
            frame.getChildren().add(badge);
        }
        String notice = switch (screen) {
            case Screen.Idle idle -> idle.notice();
            case Screen.Greeting greeting -> greeting.notice();
            default -> "";
        };
        if (!notice.isEmpty()) { // for staff: calm, in a corner, away from what the senior reads
            Label line = ViewParts.label(notice, "staff-notice");
            line.setId("staff-notice");
            line.setMouseTransparent(true);
            StackPane.setAlignment(line, Pos.TOP_RIGHT);
            StackPane.setMargin(line, new Insets(24, 32, 0, 0));
            frame.getChildren().add(line);
        }
        if (screen instanceof Screen.Idle) {
            Region corner = new Region();
            corner.setId("staff-corner");
            corner.setMinSize(STAFF_CORNER, STAFF_CORNER);
            corner.setMaxSize(STAFF_CORNER, STAFF_CORNER);
            StackPane.setAlignment(corner, Pos.TOP_LEFT);
            PauseTransition hold = new PauseTransition(STAFF_HOLD);
            hold.setOnFinished(e -> act.accept(shown(screen), Action.STAFF_MENU));
            corner.setOnMousePressed(e -> hold.playFromStart());
            corner.setOnMouseReleased(e -> hold.stop());
            corner.setOnMouseExited(e -> hold.stop());
            frame.getChildren().add(corner);
        }
        return frame;
    }

    /**
     * The screen a view's tap is for. The controller may show a screen equal to the one drawn (the idle
     * screen at start, a keypad key that changes nothing); the model then keeps the newer instance
     * without redrawing, and the tap must name that instance or the controller takes it for a screen
     * that is gone.
     */
    private Screen shown(Screen drawn) {
        Screen current = model.screen().get();
        return drawn.equals(current) ? current : drawn;
    }

    /** The screens of the test battery, where 검증 측정 shows. */
    static boolean testScreen(Screen screen) {
        return screen instanceof Screen.TestStep || screen instanceof Screen.OneLegHandsAsk || screen instanceof Screen.Countdown || screen instanceof Screen.Measuring
                || screen instanceof Screen.Result || screen instanceof Screen.Retry || screen instanceof Screen.HandReference;
    }

    /** The view for a screen. Each is built fresh, so nothing of an earlier screen (or person) stays. */
    Node viewOf(Screen screen) {
        java.util.function.Consumer<Action> tap = action -> act.accept(shown(screen), action);
        return switch (screen) {
            case Screen.Idle idle -> new IdleView(idle);
            case Screen.Greeting greeting -> new MessageView(greeting, greeting.name() + "님, 반갑습니다!",
                    Prompt.GREETING.text(), tap);
            case Screen.Home home -> new HomeView(home, tap);
            case Screen.SafetyAsk ask -> new SafetyAskView(ask, tap);
            case Screen.OneLegHandsAsk ask -> new OneLegHandsAskView(ask, tap);
            case Screen.RestToday rest when rest.exerciseToo() -> new MessageView(rest, "오늘은 체력 측정도 운동도 쉬어요",
                    ViewParts.afterHeading("오늘은 체력 측정도 운동도 쉬어요.", Prompt.REST_TODAY_UNWELL.text()), tap);
            case Screen.RestToday rest -> new MessageView(rest, "오늘은 체력 측정을 쉬어요",
                    ViewParts.afterHeading("오늘은 체력 측정을 쉬어요.", Prompt.REST_TODAY.text()), tap);
            case Screen.ExerciseRestToday rest -> new MessageView(rest, "운동은 오늘 쉬세요",
                    ViewParts.afterHeading("운동은 오늘 쉬세요.", Prompt.EXERCISE_REST_TODAY.text()), tap);
            case Screen.EffortAsk ask -> new EffortAskView(ask, tap);
            case Screen.HandReference keypad -> new HandReferenceView(keypad, tap);
            case Screen.StaffMenu menu -> new MessageView(menu, "직원 메뉴", menu.validationOn()
                    ? "검증 측정이 켜져 있어요. 측정이 끝날 때마다 선생님이 손으로 잰 값을 넣는 화면이 나와요."
                    : "검증 측정이 꺼져 있어요. 켜면 측정이 끝날 때마다 선생님이 손으로 잰 값을 넣는 화면이 나와요.", tap);
            case Screen.TestStep step -> new TestStepView(step, tap);
            case Screen.Countdown countdown -> new CountdownView(countdown, model, tap);
            case Screen.Measuring measuring -> new MeasuringView(measuring, model, tap);
            case Screen.Result result -> new ResultView(result, tap);
            case Screen.Retry retry -> new MessageView(retry, "다시 해 볼까요?", retry.reason(), tap);
            case Screen.Summary summary -> new SummaryView(summary, tap);
            case Screen.ExerciseNone none -> new MessageView(none, "운동하기",
                    (none.matOut() ? Prompt.EXERCISE_MAT_OUT : Prompt.EXERCISE_NONE).text(), tap);
            case Screen.ExerciseChoice choice -> ExerciseViews.choice(choice, tap);
            case Screen.ExerciseBriefing briefing -> ExerciseViews.briefing(briefing, tap);
            case Screen.ExercisePlay play -> ExerciseViews.play(play, model, tap);
            case Screen.ExercisePaused paused -> ExerciseViews.paused(paused, tap);
            case Screen.ExerciseStopAsk ask -> ExerciseViews.stopAsk(ask, tap);
            case Screen.ExerciseSymptom symptom -> new MessageView(symptom, "운동을 멈췄어요",
                    ViewParts.afterHeading("운동을 멈췄어요.", Prompt.EXERCISE_SYMPTOM.text()), tap);
            case Screen.ExerciseResult result -> ExerciseViews.result(result, tap);
            case Screen.StillThere still -> new MessageView(still, "계속하시겠어요?",
                    ViewParts.afterHeading("계속하시겠어요?", Prompt.STILL_THERE.text()), tap);
            case Screen.Goodbye goodbye -> new MessageView(goodbye, goodbye.name() + "님, 안녕히 가세요",
                    Prompt.GOODBYE.text(), tap);
            case Screen.Problem problem -> new MessageView(problem, problem.kind().heading, problem.message(), tap);
        };
    }
}
