package kr.smartsenior.edge.ui.views;

import javafx.application.Platform;
import kr.smartsenior.edge.ui.voice.Prompt;
import kr.smartsenior.edge.ui.voice.Utterance;
import kr.smartsenior.edge.ui.voice.Voice;

/** Hands the controller's screens and prompts to the FX thread: the view model and the voice. */
public final class FxScreenSink implements ScreenSink {

    private final KioskViewModel model;
    private final Voice voice;

    public FxScreenSink(KioskViewModel model, Voice voice) {
        this.model = model;
        this.voice = voice;
    }

    @Override
    public void show(Screen screen) {
        Platform.runLater(() -> {
            voice.stop(); // a new screen never talks over with the old one's sentence
            model.show(screen);
        });
    }

    @Override
    public void live(Live live) {
        Platform.runLater(() -> model.live(live));
    }

    @Override
    public void exercise(ExerciseLive live) {
        Platform.runLater(() -> model.exercise(live));
    }

    @Override
    public void say(Prompt prompt) {
        Platform.runLater(() -> {
            model.spoke(prompt);
            voice.say(prompt);
        });
    }

    @Override
    public void say(Utterance utterance) {
        Platform.runLater(() -> {
            model.spoke(utterance.text());
            voice.say(utterance);
        });
    }

    @Override
    public void validation(boolean on) {
        Platform.runLater(() -> model.validation(on));
    }
}
