package kr.smartsenior.edge.ui.views;

import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import kr.smartsenior.edge.ui.voice.Prompt;

/**
 * What the views bind to: the current screen, the live number of a countdown or measurement, the
 * live exercise screen, and whether the voice works. Changed only on the FX thread (by {@link FxScreenSink}); views only read.
 */
public final class KioskViewModel {

    private final ReadOnlyObjectWrapper<Screen> screen = new ReadOnlyObjectWrapper<>(new Screen.Idle(false));
    private final ReadOnlyStringWrapper liveBig = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper liveCaption = new ReadOnlyStringWrapper("");
    private final ReadOnlyDoubleWrapper liveProgress = new ReadOnlyDoubleWrapper(-1);
    private final ReadOnlyBooleanWrapper voiceWorking = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyBooleanWrapper validation = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper spoken = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<ExerciseLive> exercise = new ReadOnlyObjectWrapper<>(ExerciseLive.NONE);
    private final ReadOnlyDoubleWrapper textScale = new ReadOnlyDoubleWrapper(TextScale.DEFAULT);

    public ReadOnlyObjectProperty<Screen> screen() {
        return screen.getReadOnlyProperty();
    }

    ReadOnlyStringProperty liveBig() {
        return liveBig.getReadOnlyProperty();
    }

    ReadOnlyStringProperty liveCaption() {
        return liveCaption.getReadOnlyProperty();
    }

    ReadOnlyDoubleProperty liveProgress() {
        return liveProgress.getReadOnlyProperty();
    }

    /** The live part of an exercise screen: lit pads, cue, answer, score, time. */
    ReadOnlyObjectProperty<ExerciseLive> exercise() {
        return exercise.getReadOnlyProperty();
    }

    /** False after the sound device or a recording failed: the screens show the text anyway. */
    ReadOnlyBooleanProperty voiceWorking() {
        return voiceWorking.getReadOnlyProperty();
    }

    /** 검증 측정 is on: the test screens say so. */
    ReadOnlyBooleanProperty validation() {
        return validation.getReadOnlyProperty();
    }

    /** The sentence spoken last (for captions and tests). */
    ReadOnlyStringProperty spoken() {
        return spoken.getReadOnlyProperty();
    }

    void show(Screen next) {
        requireFxThread();
        screen.set(next);
    }

    void live(Live live) {
        requireFxThread();
        liveBig.set(live.big());
        liveCaption.set(live.caption());
        liveProgress.set(live.progress());
    }

    void exercise(ExerciseLive live) {
        requireFxThread();
        exercise.set(live);
    }

    void spoke(Prompt prompt) {
        spoke(prompt.text());
    }

    void spoke(String sentence) {
        requireFxThread();
        spoken.set(sentence);
    }

    void validation(boolean on) {
        requireFxThread();
        validation.set(on);
    }

    /** The text size relative to the design, as applied ({@link TextScale#applied}: capped). */
    public ReadOnlyDoubleProperty textScale() {
        return textScale.getReadOnlyProperty();
    }

    /** Sets the text size (the admin's remote {@code textScale}); the current screen is drawn again with it. */
    public void textScale(double requested) {
        requireFxThread();
        textScale.set(TextScale.applied(requested));
    }

    public void voiceWorking(boolean working) {
        requireFxThread();
        voiceWorking.set(working);
    }

    private static void requireFxThread() {
        if (!Platform.isFxApplicationThread()) {
            throw new IllegalStateException("the view model changes only on the FX thread");
        }
    }
}
