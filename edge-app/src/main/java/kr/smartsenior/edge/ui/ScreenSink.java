package kr.smartsenior.edge.ui;

/**
 * Where the controller sends what the senior should see and hear. The JavaFX implementation
 * ({@link FxScreenSink}) hands everything to the FX thread; tests may record instead.
 */
public interface ScreenSink {

    void show(Screen screen);

    void live(Live live);

    void exercise(ExerciseLive live);

    void say(Prompt prompt);
}
