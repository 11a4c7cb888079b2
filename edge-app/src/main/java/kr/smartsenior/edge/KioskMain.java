package kr.smartsenior.edge;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntConsumer;
import kr.smartsenior.edge.hardware.HardwareKiosk;
import kr.smartsenior.edge.identify.CardReaderSettings;
import kr.smartsenior.edge.identify.IdentifyCommand;
import kr.smartsenior.edge.sensor.ScaledSensorLoop;
import kr.smartsenior.edge.sensor.SensorSettings;
import kr.smartsenior.edge.sensor.Sensors;
import kr.smartsenior.edge.simulate.SimulatedBattery;
import kr.smartsenior.edge.simulate.SimulatedSensorKiosk;
import kr.smartsenior.edge.store.StoreException;
import kr.smartsenior.edge.ui.KioskUi;
import kr.smartsenior.edge.ui.UiSettings;
import kr.smartsenior.edge.ui.adapters.RosterMemberInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The kiosk's launcher (it does not extend {@code Application}, so JavaFX can stay on the classpath).
 * No option: the kiosk on its real devices (the Raspberry Pi: step mat and distance sensor through
 * Pi4J, cards through the camera and/or a USB scanner, see {@link HardwareKiosk}) with the full-screen
 * UI, syncing beside it. {@code --simulate}: the full-screen kiosk UI on simulated sensors, the real test protocols and
 * exercise programs measuring a simulated senior, keys standing in for the card reader, presence and pads; {@code --simulate --headless}: no window; simulated seniors take the fitness tests on simulated
 * sensors, measured by the real protocols, and do the exercise programs their roster prescription
 * offers (the real coach, effort rated as on the screen); the results are synced. Both simulations
 * take members, names and prescriptions from the kiosk's roster. Settings come from {@code SSC_*} environment variables (see
 * {@link KioskSettings#fromEnvironment} and {@link UiSettings#fromEnvironment}). Stops cleanly on
 * Ctrl-C or SIGTERM (and Ctrl+Q in the simulated UI).
 */
public final class KioskMain {

    static final int EXIT_USAGE = 2;
    static final int EXIT_CANNOT_START = 1;
    static final String SIMULATE = "--simulate";
    static final String HEADLESS = "--headless";
    static final String IDENTIFY = "identify";
    /** The kiosk's logging config, chosen explicitly so a library on the classpath cannot override it. */
    static final String LOGBACK_CONFIG = "kiosk-logback.xml";
    private static final String LOGBACK_CONFIG_PROPERTY = "logback.configurationFile";
    /** Loop time before the sensors' first health report: readings need a moment to start. */
    private static final Duration SELF_TEST_AFTER = Duration.ofSeconds(2);

    private KioskMain() {
    }

    public static void main(String[] args) {
        if (System.getProperty(LOGBACK_CONFIG_PROPERTY) == null) {
            System.setProperty(LOGBACK_CONFIG_PROPERTY, LOGBACK_CONFIG); // before the first logger is made
        }
        if (args.length > 0 && args[0].equals(IDENTIFY)) {
            identify(List.of(args).subList(1, args.length));
            return;
        }
        Optional<String> problem = usageProblem(List.of(args));
        if (problem.isPresent()) {
            System.err.println(problem.get());
            System.exit(EXIT_USAGE);
        }
        boolean headless = List.of(args).contains(HEADLESS);
        boolean simulate = List.of(args).contains(SIMULATE);
        KioskSettings settings;
        SensorSettings sensorSettings;
        UiSettings ui;
        CardReaderSettings readers;
        try {
            settings = KioskSettings.fromEnvironment(System.getenv());
            sensorSettings = SensorSettings.fromEnvironment(System.getenv());
            ui = headless ? null : UiSettings.fromEnvironment(System.getenv());
            readers = simulate ? null : CardReaderSettings.fromEnvironment(System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("kiosk configuration error: " + e.getMessage());
            System.exit(EXIT_USAGE);
            return;
        }
        Logger log = LoggerFactory.getLogger(KioskMain.class);
        Kiosk kiosk = startKiosk(settings, System.err, System::exit);
        if (kiosk == null) {
            return;
        }
        if (!simulate) {
            HardwareKiosk hardware = HardwareKiosk.start(kiosk.roster(), sensorSettings, readers, HardwareKiosk.Devices.real(),
                    Clock.system(KioskUi.SEOUL));
            kiosk.reportSensors(hardware::health);
            showScreen(kiosk, hardware.ports(), hardware.keyboard(), hardware, ui, log);
            return;
        }
        Sensors sensors = Sensors.simulated(new ScaledSensorLoop(sensorSettings.simSpeed()), sensorSettings.calibration());
        if (!headless) {
            runScreen(kiosk, settings, sensors, ui, log);
            return;
        }
        kiosk.reportSensors(sensors::health);
        sensors.logSelfTest(SELF_TEST_AFTER);
        // the prescriptions the server put in the roster, read at each visit: exercise starts once one arrives
        SimulatedBattery simulator = new SimulatedBattery(kiosk::record, settings.simulateMembers(), settings.simulateEvery(),
                sensors, new RosterMemberInfo(kiosk.roster())::prescription);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log.info("stopping");
            simulator.close();
            sensors.close();
            kiosk.close();
            stopped.countDown();
        }, "ssc-shutdown"));
        simulator.start();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The kiosk, or null after saying in one line why it cannot start and exiting: a local store it
     * cannot open ({@link #EXIT_CANNOT_START}), or a broker setting it cannot use, such as a missing or
     * malformed {@code SSC_MQTT_CA_FILE} ({@link #EXIT_USAGE}, as for every other malformed setting:
     * decision 0020 stops the start for a configuration that cannot work, with the variable named).
     */
    static Kiosk startKiosk(KioskSettings settings, PrintStream err, IntConsumer exit) {
        try {
            return Kiosk.start(settings);
        } catch (StoreException e) {
            LoggerFactory.getLogger(KioskMain.class).error("cannot open the local store in {}: {}",
                    settings.dataDir().toAbsolutePath(), e.getMessage());
            exit.accept(EXIT_CANNOT_START);
        } catch (IllegalArgumentException e) { // the broker's URL or CA file: the message names the variable
            err.println("kiosk configuration error: " + e.getMessage());
            exit.accept(EXIT_USAGE);
        }
        return null;
    }

    /**
     * The kiosk screen on simulated sensors, the real test protocols and exercise programs behind it;
     * results go through {@link Kiosk#record}.
     */
    private static void runScreen(Kiosk kiosk, KioskSettings settings, Sensors sensors, UiSettings ui, Logger log) {
        kiosk.reportSensors(sensors::health);
        sensors.logSelfTest(SELF_TEST_AFTER);
        SimulatedSensorKiosk simulated = SimulatedSensorKiosk.create(settings.simulateMembers(), sensors, kiosk.roster(),
                Clock.system(KioskUi.SEOUL), new SplittableRandom());
        showScreen(kiosk, simulated.ports(), Optional.of(simulated.keyboard()), sensors, ui, log);
    }

    /**
     * Opens the window on these ports and runs until it closes (Ctrl+Q in simulation) or the process is
     * stopped; then closes the window, the devices and the kiosk, each once.
     */
    private static void showScreen(Kiosk kiosk, KioskUi.Ports ports, Optional<KioskUi.Keyboard> keyboard,
            AutoCloseable devices, UiSettings ui, Logger log) {
        KioskUi screen;
        try {
            screen = KioskUi.open(ports.withUnwellDays(kiosk.unwellDays()), kiosk::record, ui, keyboard);
        } catch (RuntimeException e) { // no display, no GTK, ...: one clear line, no stack trace
            log.error("cannot open the kiosk screen (is there a display? DISPLAY / WAYLAND_DISPLAY): {}", e.getMessage());
            closeQuietly(devices, log);
            kiosk.close();
            System.exit(EXIT_CANNOT_START);
            return;
        }
        // the admin's remote settings: the saved ones at once, each newly applied one live (decision 0042)
        kiosk.remoteConfig().onApplied(config -> screen.applyRemote(config.settings()));
        kiosk.config().ifPresent(config -> screen.applyRemote(config.settings()));
        AtomicBoolean stopped = new AtomicBoolean();
        Runnable stop = () -> { // on SIGTERM the hook does it, on Ctrl+Q this thread; whichever comes first
            if (stopped.compareAndSet(false, true)) {
                screen.close();
                closeQuietly(devices, log);
                kiosk.close();
            }
        };
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log.info("stopping");
            stop.run();
        }, "ssc-shutdown"));
        try {
            screen.awaitClosed();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        stop.run();
        javafx.application.Platform.exit();
    }

    private static void closeQuietly(AutoCloseable devices, Logger log) {
        try {
            devices.close();
        } catch (Exception e) {
            log.warn("closing the devices: {}", e.getMessage());
        }
    }

    /** {@code identify --image FILE}: prints what this kiosk would decide for a photo of a card. */
    private static void identify(List<String> args) {
        KioskSettings settings;
        try {
            settings = KioskSettings.fromEnvironment(System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("kiosk configuration error: " + e.getMessage());
            System.exit(EXIT_USAGE);
            return;
        }
        System.exit(IdentifyCommand.run(args, settings.siteId(), settings.dataDir(), System.out));
    }

    /** Why these arguments cannot run, or empty when they can. */
    static Optional<String> usageProblem(List<String> args) {
        List<String> unknown = args.stream().filter(arg -> !arg.equals(SIMULATE) && !arg.equals(HEADLESS)).toList();
        if (!unknown.isEmpty()) {
            return Optional.of("unknown option(s): " + String.join(" ", unknown) + "\n" + usage());
        }
        if (args.contains(HEADLESS) && !args.contains(SIMULATE)) {
            return Optional.of("""
                    --headless runs only with --simulate: on real hardware the seniors need the screen.
                    """ + usage());
        }
        return Optional.empty();
    }

    private static String usage() {
        return """
                usage: java -jar smartsenior-kiosk.jar [--simulate [--headless]]
                  (no option)                   the kiosk screen on the real devices (Raspberry Pi: Pi4J sensors, camera/scanner)
                  --simulate                    the kiosk screen on simulated sensors, real protocols (keys: see the screen)
                  --simulate --headless         no window: simulated seniors take the tests and do their prescribed
                                                exercise (SimulatedBattery)
                       java -jar smartsenior-kiosk.jar identify --image FILE   (what the kiosk decides for a photo of a card)
                  SSC_SITE_ID, SSC_DEVICE_ID    where this kiosk is (default demo-01, kiosk-01)
                  SSC_MQTT_URL                  the broker (default tcp://127.0.0.1:1883)
                  SSC_MQTT_USER, SSC_MQTT_PASSWORD   this kiosk's broker account (from its bundle)
                  SSC_DATA_DIR                  where kiosk.db is kept (default ./data/kiosk)
                  SSC_SIM_MEMBERS               member ids to simulate, comma-separated (e.g. A1,B2); names and
                                                prescriptions come from the roster
                  SSC_SIM_INTERVAL_MS           simulated pause between two visits, ms (default 2000)
                  SSC_SIM_SPEED                 simulated time runs this many times faster (default 1; the demo uses 30)
                  SSC_PIN_MAP_REVISION          the hardware revision (from the bundle; default the reference pin map)
                  SSC_PIN_MAP                   a pin map file instead of the shipped one
                  SSC_CAMERA                    rpicam (default), usb or none: the camera reading cards
                  SSC_CAMERA_DEVICE             the USB webcam (default /dev/video0); SSC_CAMERA_FPS (default 15)
                  SSC_SCANNER                   keyboard (default: a USB scanner typing into the window), none,
                                                or a serial scanner's tty (e.g. /dev/ttyACM0)
                  SSC_CAL_SEATED_MM, SSC_CAL_STANDING_MM, SSC_CAL_EMPTY_MM
                                                the site's distance calibration (default 3700, 3400, 4500)
                  SSC_SYNC_BATCH_SIZE           records per batch (default 50)
                  SSC_RETRY_INITIAL_MS, SSC_RETRY_MAX_MS   retry backoff (default 2000, 120000)
                  SSC_STATUS_INTERVAL_MS        status refresh (default 60000)
                  SSC_UI_IDLE_TIMEOUT_S         screen: ask "계속하시겠어요?" after this much quiet (default 90)
                  SSC_UI_ANSWER_TIMEOUT_S       screen: back to idle if nobody answers (default 20)
                  SSC_UI_WINDOWED               screen: 1 = a window instead of full screen
                  SSC_VOICE_DIR                 folder of recorded prompts (<name>.wav) replacing the default voice
                  SSC_VOICE_VOLUME, SSC_VOICE_RATE   voice volume 0-1 (default 1), pace 0.5-1.5 (default 1)""";
    }
}
