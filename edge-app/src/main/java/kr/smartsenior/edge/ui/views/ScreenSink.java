package kr.smartsenior.edge.ui.views;

import kr.smartsenior.edge.ui.voice.Prompt;

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
     * 검증 측정 switched on or off: every test screen says so while it is on. A sink without a screen (a
     * benchmark) may ignore it.
     */
    default void validation(boolean on) {
    }
}
