package kr.smartsenior.edge.ui;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;
import kr.smartsenior.edge.ui.ports.CardEvents;
import kr.smartsenior.edge.ui.ports.ExercisePrograms;
import kr.smartsenior.edge.ui.ports.FitnessTests;
import kr.smartsenior.edge.ui.ports.MemberInfo;
import kr.smartsenior.edge.ui.ports.PadEvents;
import kr.smartsenior.edge.ui.ports.PresenceEvents;
import kr.smartsenior.edge.ui.ports.StaffNotice;
import kr.smartsenior.edge.ui.ports.UnwellDays;
import kr.smartsenior.edge.ui.views.FxScreenSink;
import kr.smartsenior.edge.ui.views.KioskView;
import kr.smartsenior.edge.ui.views.KioskViewModel;
import kr.smartsenior.edge.ui.voice.MediaVoice;
import kr.smartsenior.edge.ui.voice.Voice;
import kr.smartsenior.protocol.MeasurementRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The kiosk's window. {@link #open} starts JavaFX (this class does not extend {@code Application}, so
 * the kiosk jar runs with JavaFX on the classpath), shows the idle screen full-screen and wires the
 * ports to the screens; results go only to the given recorder ({@code Kiosk::record}).
 *
 * <pre>{@code
 * try (KioskUi ui = KioskUi.open(ports, kiosk::record, UiSettings.fromEnvironment(System.getenv()), Optional.empty())) {
 *     ui.awaitClosed();
 * }
 * }</pre>
 */
public final class KioskUi implements AutoCloseable {

    /** Where the Seoul offset for results comes from. */
    public static final java.time.ZoneId SEOUL = java.time.ZoneId.of("Asia/Seoul");
    static final double WINDOW_WIDTH = 1280;
    static final double WINDOW_HEIGHT = 720;
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private static final Logger log = LoggerFactory.getLogger(KioskUi.class);

    /**
     * Everything that drives the screens.
     *
     * @param cards    identified and refused cards
     * @param presence someone in front of the kiosk
     * @param pads     step-mat presses (hands-free "yes")
     * @param tests    the guided fitness tests
     * @param members  prescriptions to show
     * @param exercises the exercise programs
     * @param unwellDays who said today they were unwell (no test, no exercise for them today)
     * @param notice   a line for staff on the idle (and greeting) screen: a device out, example data
     */
    public record Ports(CardEvents cards, PresenceEvents presence, PadEvents pads, FitnessTests tests, MemberInfo members,
            ExercisePrograms exercises, UnwellDays unwellDays, StaffNotice notice) {

        /** The ports with no staff notice. */
        public Ports(CardEvents cards, PresenceEvents presence, PadEvents pads, FitnessTests tests, MemberInfo members,
                ExercisePrograms exercises, UnwellDays unwellDays) {
            this(cards, presence, pads, tests, members, exercises, unwellDays, StaffNotice.NONE);
        }

        /** The ports with unwell days kept only while the program runs (simulations, tests). */
        public Ports(CardEvents cards, PresenceEvents presence, PadEvents pads, FitnessTests tests, MemberInfo members,
                ExercisePrograms exercises) {
            this(cards, presence, pads, tests, members, exercises, UnwellDays.inMemory());
        }

        /** The same ports remembering unwell days in {@code days} (the kiosk's local store). */
        public Ports withUnwellDays(UnwellDays days) {
            return new Ports(cards, presence, pads, tests, members, exercises, days, notice);
        }

        /** The same ports with this staff notice. */
        public Ports withNotice(StaffNotice staffNotice) {
            return new Ports(cards, presence, pads, tests, members, exercises, unwellDays, staffNotice);
        }

        public Ports {
            Objects.requireNonNull(unwellDays, "unwellDays");
            Objects.requireNonNull(exercises, "exercises");
            Objects.requireNonNull(cards, "cards");
            Objects.requireNonNull(presence, "presence");
            Objects.requireNonNull(pads, "pads");
            Objects.requireNonNull(tests, "tests");
            Objects.requireNonNull(members, "members");
            Objects.requireNonNull(notice, "notice");
        }
    }

    /**
     * Key input for the kiosk. In simulation ({@link #simulation()}), keys stand in for sensors on a
     * desktop: every key pressed goes to {@code keyTyped} (its text, e.g. "1", "a"), the help line is
     * shown at the bottom and Ctrl+Q closes. On real hardware ({@link #scanner}) the keyboard is a
     * USB 2D scanner typing a card's text: every character typed goes to {@code keyTyped}, Enter and
     * Tab as {@code "\n"}; no help line, and no key closes the kiosk.
     */
    public record Keyboard(String help, Consumer<String> keyTyped, boolean simulation) {

        /** Simulation keys with this help line. */
        public Keyboard(String help, Consumer<String> keyTyped) {
            this(help, keyTyped, true);
        }

        /** A keyboard-mode card scanner: characters as typed, {@code "\n"} when a scan ends. */
        public static Keyboard scanner(Consumer<String> keyTyped) {
            return new Keyboard("", keyTyped, false);
        }
    }

    private final Stage stage;
    private final KioskController controller;
    private final ScheduledExecutorService executor;
    private final Voice voice;
    private final KioskViewModel model;
    private final UiSettings settings;
    private final CountDownLatch closed = new CountDownLatch(1);
    private volatile Duration firstFrame;

    private KioskUi(Stage stage, KioskController controller, ScheduledExecutorService executor, Voice voice,
            KioskViewModel model, UiSettings settings) {
        this.settings = settings;
        this.stage = stage;
        this.controller = controller;
        this.executor = executor;
        this.voice = voice;
        this.model = model;
    }

    /**
     * Starts JavaFX, opens the window (full screen unless {@link UiSettings#windowed()}) with the idle
     * screen and starts listening to the ports. Returns when the window is shown.
     *
     * @throws IllegalStateException when JavaFX cannot start (no display) or the window does not open in time
     */
    public static KioskUi open(Ports ports, Consumer<MeasurementRecord> recorder, UiSettings settings,
            Optional<Keyboard> keyboard) {
        AtomicReference<KioskUi> opened = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        CountDownLatch ready = new CountDownLatch(1);
        Runnable build = () -> {
            try {
                opened.set(build(ports, recorder, settings, keyboard));
            } catch (Throwable e) {
                failure.set(e);
            } finally {
                ready.countDown();
            }
        };
        try {
            Platform.startup(build);
        } catch (IllegalStateException alreadyRunning) {
            Platform.runLater(build);
        }
        Platform.setImplicitExit(false);
        try {
            if (!ready.await(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("the kiosk window did not open within " + START_TIMEOUT.toSeconds() + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while opening the kiosk window", e);
        }
        if (failure.get() != null) {
            throw new IllegalStateException("the kiosk window could not open: " + failure.get().getMessage(), failure.get());
        }
        return opened.get();
    }

    private static KioskUi build(Ports ports, Consumer<MeasurementRecord> recorder, UiSettings settings,
            Optional<Keyboard> keyboard) {
        Stage stage = new Stage();
        KioskUi ui = attach(stage, ports, recorder, settings, keyboard);
        if (!settings.windowed()) {
            stage.setFullScreenExitHint("");
            stage.setFullScreenExitKeyCombination(javafx.scene.input.KeyCombination.NO_MATCH);
            stage.setFullScreen(true);
        }
        stage.setOnCloseRequest(event -> ui.close());
        ui.logFirstFrame(stage.getScene());
        stage.show();
        ui.controller.start();
        return ui;
    }

    /**
     * Puts the kiosk's scene into {@code stage} (on the FX thread) without showing it or starting the
     * controller; {@link #open} and the UI tests use it.
     */
    static KioskUi attach(Stage stage, Ports ports, Consumer<MeasurementRecord> recorder, UiSettings settings,
            Optional<Keyboard> keyboard) {
        KioskViewModel model = new KioskViewModel();
        Voice voice = MediaVoice.open(settings.voiceDir(), settings.voiceVolume(), settings.voiceRate(), model::voiceWorking);
        ScheduledExecutorService executor = controllerExecutor();
        KioskController controller = new KioskController(ports, recorder, new FxScreenSink(model, voice), settings,
                Clock.system(SEOUL), executor);
        // one handler for whatever escapes an event handler on the FX thread: logged once, calm screen
        Thread.currentThread().setUncaughtExceptionHandler((thread, e) -> controller.unexpected(e));
        KioskView view = new KioskView(model, controller::act,
                keyboard.filter(Keyboard::simulation).map(Keyboard::help));
        Scene scene = settings.windowed() ? new Scene(view, WINDOW_WIDTH, WINDOW_HEIGHT)
                : new Scene(view, KioskView.WIDTH, KioskView.HEIGHT);
        stage.setTitle("스마트 경로당");
        stage.setScene(scene);
        KioskUi ui = new KioskUi(stage, controller, executor, voice, model, settings);
        keyboard.filter(Keyboard::simulation).ifPresent(keys -> scene.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (event.isShortcutDown() && event.getCode() == KeyCode.Q) {
                ui.close();
            } else if (!event.getText().isEmpty()) {
                keys.keyTyped().accept(event.getText());
            }
            event.consume();
        }));
        keyboard.filter(keys -> !keys.simulation()).ifPresent(keys -> {
            // a scan ends with Enter (or Tab): taken from the key press, since platforms differ in what they type for it
            scene.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
                if (event.getCode() == KeyCode.ENTER || event.getCode() == KeyCode.TAB) {
                    keys.keyTyped().accept("\n");
                    event.consume();
                }
            });
            scene.addEventFilter(KeyEvent.KEY_TYPED, event -> {
                String typed = event.getCharacter();
                if (!typed.isEmpty() && typed.codePoints().noneMatch(Character::isISOControl)) {
                    keys.keyTyped().accept(typed);
                }
                event.consume();
            });
        });
        return ui;
    }

    /** The controller's one ordered thread. */
    public static ScheduledExecutorService controllerExecutor() {
        return Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "ssc-ui-controller");
            thread.setDaemon(true);
            return thread;
        });
    }

    private void logFirstFrame(Scene scene) {
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            Optional<Instant> jvmStart = ProcessHandle.current().info().startInstant();
            jvmStart.ifPresent(start -> firstFrame = Duration.between(start, Instant.now()));
            log.info("kiosk screen ready{}", jvmStart.map(start -> " " + firstFrame.toMillis()
                    + " ms after the JVM started").orElse(""));
        };
        scene.addPostLayoutPulseListener(once[0]);
    }

    /**
     * How long after the JVM started the first screen was laid out to be drawn, once it has been (for
     * the log and the UI benchmark); empty before that or when the process start time is unknown.
     */
    public Optional<Duration> firstFrame() {
        return Optional.ofNullable(firstFrame);
    }

    /**
     * Calls {@code listener} on the FX thread with the simple name of each screen shown (e.g. "Home")
     * once it is laid out and about to be drawn. For monitoring and the UI benchmark.
     */
    public void onScreenDrawn(Consumer<String> listener) {
        Platform.runLater(() -> model.screen().addListener((obs, before, now) -> {
            Scene scene = stage.getScene();
            Runnable[] once = new Runnable[1];
            once[0] = () -> {
                scene.removePostLayoutPulseListener(once[0]);
                listener.accept(now.getClass().getSimpleName());
            };
            scene.addPostLayoutPulseListener(once[0]);
        }));
    }

    /**
     * Runs with the admin's remote settings ({@code DeviceConfig.settings()}, checked against the catalogue
     * by the kiosk's {@code RemoteConfig}), live: the voice's volume from the next sound (the phrase playing
     * too), the text size at once (the screen shown is drawn again), the idle timeout from the next timeout.
     * A setting left out falls back to the kiosk's own ({@link UiSettings}); see {@link RemoteSettings} for
     * the volume's floor and the text's cap (decision 0042). Callable from any thread.
     */
    public void applyRemote(java.util.Map<String, Object> remote) {
        RemoteSettings applied = RemoteSettings.of(remote, settings);
        log.info("remote settings applied: volume {}%, text {}x, idle timeout {} s", Math.round(applied.voiceVolume() * 100),
                applied.textScale(), applied.idleTimeout().toSeconds());
        controller.idleTimeout(applied.idleTimeout());
        Runnable onFx = () -> {
            voice.volume(applied.voiceVolume());
            model.textScale(applied.textScale());
        };
        if (Platform.isFxApplicationThread()) {
            onFx.run();
        } else {
            Platform.runLater(onFx);
        }
    }

    /** Blocks until the window is closed ({@link #close()}, Ctrl+Q in simulation). */
    public void awaitClosed() throws InterruptedException {
        closed.await();
    }

    /** Closes the window and stops the controller. Safe to call twice and from any thread. */
    @Override
    public void close() {
        if (closed.getCount() == 0) {
            return;
        }
        executor.shutdownNow();
        Runnable hide = () -> {
            voice.close();
            stage.hide();
            closed.countDown();
        };
        if (Platform.isFxApplicationThread()) {
            hide.run();
        } else {
            Platform.runLater(hide);
            try {
                closed.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    KioskController controller() {
        return controller;
    }

    KioskViewModel model() {
        return model;
    }

    Stage stage() {
        return stage;
    }

    Voice voice() {
        return voice;
    }
}
