package kr.smartsenior.edge.ui.views;

import kr.smartsenior.edge.ui.voice.Prompt;
import kr.smartsenior.edge.ui.voice.Utterance;

/**
 * Where the controller sends what the senior should see and hear. The JavaFX implementation
 * ({@link FxScreenSink}) hands everything to the FX thread; tests may record instead.
 */
public interface ScreenSink {

    void show(Screen screen);

    void live(Live live);

    void exercise(ExerciseLive live);

    void say(Prompt prompt);

    /**
     * Says a sentence composed of recorded phrases (a result with its numbers, the summary's lines). A sink
     * that only records prompts gets the whole prompts in it.
     */
    default void say(Utterance utterance) {
        utterance.prompts().forEach(this::say);
    }

    /**
     * 검증 측정 switched on or off: every test screen says so while it is on. A sink without a screen (a
     * benchmark) may ignore it.
     */
    default void validation(boolean on) {
    }
}
