package kr.smartsenior.edge.ui;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import kr.smartsenior.edge.ui.views.ExerciseLive;
import kr.smartsenior.edge.ui.views.Live;
import kr.smartsenior.edge.ui.views.Screen;
import kr.smartsenior.edge.ui.views.ScreenSink;
import kr.smartsenior.edge.ui.voice.Prompt;
import kr.smartsenior.edge.ui.voice.Utterance;

/** Keeps what the controller showed and said, for tests without a screen. */
final class RecordingSink implements ScreenSink {

    final List<Screen> screens = new CopyOnWriteArrayList<>();
    final List<Live> lives = new CopyOnWriteArrayList<>();
    final List<Prompt> prompts = new CopyOnWriteArrayList<>();
    final List<ExerciseLive> exercise = new CopyOnWriteArrayList<>();
    /** Everything said, prompts alone included, in order. */
    final List<Utterance> utterances = new CopyOnWriteArrayList<>();

    /** Waits (up to 20 s) until the screen shown is of this type, and returns that screen. */
    <T extends Screen> T awaitCurrent(Class<T> type) {
        Screen shown = org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20))
                .pollInterval(java.time.Duration.ofMillis(10)).until(this::current, type::isInstance);
        return type.cast(shown);
    }

    @Override
    public void show(Screen screen) {
        screens.add(screen);
    }

    @Override
    public void live(Live live) {
        lives.add(live);
    }

    @Override
    public void exercise(ExerciseLive live) {
        exercise.add(live);
    }

    @Override
    public void say(Prompt prompt) {
        prompts.add(prompt);
        utterances.add(Utterance.of(prompt));
    }

    @Override
    public void say(Utterance utterance) {
        prompts.addAll(utterance.prompts());
        utterances.add(utterance);
    }

    /** 검증 측정 as the controller last said. */
    volatile boolean validation;

    @Override
    public void validation(boolean on) {
        validation = on;
    }

    Screen current() {
        return screens.isEmpty() ? null : screens.getLast();
    }
}
