package kr.smartsenior.edge.hardware;

import com.pi4j.context.Context;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import kr.smartsenior.edge.identify.CardReaderSettings;
import kr.smartsenior.edge.identify.FrameSource;
import kr.smartsenior.edge.identify.Identifier;
import kr.smartsenior.edge.identify.RestartingCamera;
import kr.smartsenior.edge.identify.RestartingScanner;
import kr.smartsenior.edge.identify.RosterBook;
import kr.smartsenior.edge.sensor.PinMap;
import kr.smartsenior.edge.sensor.Pi4jContexts;
import kr.smartsenior.edge.sensor.ScaledSensorLoop;
import kr.smartsenior.edge.sensor.SensorException;
import kr.smartsenior.edge.sensor.SensorLoop;
import kr.smartsenior.edge.sensor.SensorSettings;
import kr.smartsenior.edge.sensor.Sensors;
import kr.smartsenior.edge.ui.KioskUi;
import kr.smartsenior.edge.ui.adapters.IdentifiedCards;
import kr.smartsenior.edge.ui.adapters.RosterMemberInfo;
import kr.smartsenior.edge.ui.adapters.ScannerKeys;
import kr.smartsenior.edge.ui.adapters.SensorExercisePrograms;
import kr.smartsenior.edge.ui.adapters.SensorFitnessTests;
import kr.smartsenior.edge.ui.adapters.SensorPadEvents;
import kr.smartsenior.edge.ui.adapters.SensorPresenceEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The kiosk screen's ports on the real drivers ({@code KioskMain} without {@code --simulate}): the
 * step mat and distance sensor through Pi4J as the device's pin map says, cards read by the Pi camera
 * or a USB webcam and/or a USB 2D scanner and checked against the synced roster, prescriptions from
 * the roster, tests and exercises by the real protocols on the sensor loop in real time.
 *
 * <p>Nothing that fails at start-up stops the kiosk: a missing pin map, GPIO chip or I2C bus leaves
 * that sensor unavailable (the screens then refuse tests and exercises with their calm sentence); a
 * camera that cannot start or hangs is restarted in the background while the scanner keeps working; a
 * serial scanner that cannot be opened, or is unplugged later, is reported and opened again. {@link #health()} says all of it for the device status.
 * The screens say it too, calmly and for staff: the idle screen names what is out ("기기 점검 중: 발판",
 * {@link MissingDevices}) and the battery offers only the tests whose sensors work ({@link AvailableTests}), the
 * exercise choice only programs while the step mat works ({@link AvailablePrograms}).
 *
 * <p>Only the lowest-level I/O comes from {@link Devices}: the Pi4J context, the camera program and
 * the serial scanner's stream. {@link Devices#real()} opens the real ones; tests pass Pi4J's mock
 * providers and scripted frames, and everything above them is the code that runs on the Pi.
 */
public final class HardwareKiosk implements AutoCloseable {

    /** Keys of {@link #health()} beside the sensors'. */
    public static final String CAMERA = "camera";
    public static final String SCANNER = "scanner";
    /** Loop time before the sensors' first self-test is logged: readings need a moment to start. */
    static final Duration SELF_TEST_AFTER = Duration.ofSeconds(2);

    private static final Logger log = LoggerFactory.getLogger(HardwareKiosk.class);

    /** The lowest-level I/O the hardware kiosk opens. */
    public interface Devices {

        /** A Pi4J context with the real providers; may throw when this machine has no GPIO or I2C. */
        Context pi4j();

        /** Starts the camera the settings name (never {@code NONE}); may throw when it cannot start. */
        FrameSource camera(CardReaderSettings readers);

        /** Opens a serial scanner's stream. */
        InputStream scanner(Path device) throws IOException;

        /** The real ones: Pi4J's gpiod and linuxfs providers, rpicam-vid or ffmpeg, the tty itself. */
        static Devices real() {
            return new Devices() {
                @Override
                public Context pi4j() {
                    return Pi4jContexts.hardware();
                }

                @Override
                public FrameSource camera(CardReaderSettings readers) {
                    return readers.openCamera().orElseThrow(() -> new IllegalStateException("no camera configured"));
                }

                @Override
                public InputStream scanner(Path device) throws IOException {
                    return Files.newInputStream(device);
                }
            };
        }
    }

    private final Sensors sensors;
    private final Identifier identifier;
    private final KioskUi.Ports ports;
    private final Optional<KioskUi.Keyboard> keyboard;
    private final RestartingCamera camera;
    private final RestartingScanner scanner;

    private HardwareKiosk(Sensors sensors, Identifier identifier, KioskUi.Ports ports, Optional<KioskUi.Keyboard> keyboard,
            RestartingCamera camera, RestartingScanner scanner) {
        this.sensors = sensors;
        this.identifier = identifier;
        this.ports = ports;
        this.keyboard = keyboard;
        this.camera = camera;
        this.scanner = scanner;
    }

    /**
     * Opens the devices and wires them to the screens' ports. Never fails for a device: see the class
     * comment. Close it to release the pins, stop the camera and the loop.
     *
     * @param roster  the roster cards are checked against and prescriptions read from ({@code kiosk.roster()})
     * @param clock   wall clock for results (Seoul)
     */
    public static HardwareKiosk start(RosterBook roster, SensorSettings sensorSettings, CardReaderSettings readers,
            Devices devices, Clock clock) {
        Sensors sensors = sensors(sensorSettings, devices);
        IdentifiedCards cards = new IdentifiedCards();
        Identifier identifier = new Identifier(roster, cards);
        RestartingCamera camera = null;
        if (readers.camera() != CardReaderSettings.Camera.NONE) {
            String description = readers.camera() == CardReaderSettings.Camera.RPICAM
                    ? "rpicam-vid " + readers.width() + "x" + readers.height()
                    : "ffmpeg " + readers.cameraDevice() + " " + readers.width() + "x" + readers.height();
            camera = new RestartingCamera(() -> devices.camera(readers), description);
            identifier.watch(camera);
        }
        Optional<KioskUi.Keyboard> keyboard = Optional.empty();
        RestartingScanner scanner = null;
        switch (readers.scanner()) {
            case KEYBOARD -> keyboard = Optional.of(new ScannerKeys(identifier).keyboard());
            case SERIAL -> {
                Path device = readers.scannerDevice().orElseThrow();
                scanner = new RestartingScanner(() -> devices.scanner(device), "card scanner " + device);
                identifier.watchScanner(scanner);
            }
            case NONE -> { }
        }
        RestartingCamera openedCamera = camera;
        RestartingScanner openedScanner = scanner;
        MissingDevices missing = new MissingDevices(() -> health(sensors, openedCamera, openedScanner),
                readers.scanner() == CardReaderSettings.Scanner.KEYBOARD);
        KioskUi.Ports ports = new KioskUi.Ports(cards, new SensorPresenceEvents(sensors.motion(),
                sensorSettings.absenceToPause()),
                new SensorPadEvents(sensors.mat()), new AvailableTests(new SensorFitnessTests(sensors, clock, test -> { }), missing),
                new RosterMemberInfo(roster), new AvailablePrograms(new SensorExercisePrograms(sensors, clock, session -> { }),
                        missing)).withNotice(missing);
        log.info("hardware kiosk: camera {}, scanner {}, sensors {}", readers.camera(), readers.scanner(), sensors.health());
        return new HardwareKiosk(sensors, identifier, ports, keyboard, camera, scanner);
    }

    /** The sensors on the device's pin map, or unavailable sensors saying why there are none. */
    private static Sensors sensors(SensorSettings settings, Devices devices) {
        SensorLoop loop = new ScaledSensorLoop(1);
        PinMap pins;
        try {
            pins = settings.selectPinMap();
        } catch (SensorException e) {
            return Sensors.unavailable(loop, settings.calibration(), e.getMessage());
        }
        Context pi4j;
        try {
            pi4j = devices.pi4j();
        } catch (RuntimeException | LinkageError e) {
            return Sensors.unavailable(loop, settings.calibration(), "no GPIO/I2C on this machine: " + e.getMessage());
        }
        Sensors sensors = Sensors.onHardware(pi4j, pins, loop, settings.calibration());
        log.info("sensors on pin map {}: pads on GPIO {}, distance sensor on I2C bus {} at 0x{}", pins.revision(),
                pins.padPins(), pins.distanceBus(), Integer.toHexString(pins.distanceAddress()));
        sensors.logSelfTest(SELF_TEST_AFTER);
        return sensors;
    }

    /** What drives the screens. */
    public KioskUi.Ports ports() {
        return ports;
    }

    /** The window's keyboard as the card scanner, when a keyboard-mode scanner is configured. */
    public Optional<KioskUi.Keyboard> keyboard() {
        return keyboard;
    }

    /** The sensors (for the self-test and the screens' adapters). */
    public Sensors sensors() {
        return sensors;
    }

    /**
     * Each device's self-test for the device status: the sensors', the camera's when there is one, a
     * serial scanner's when there is one; "ok" or what is wrong.
     */
    public Map<String, String> health() {
        return health(sensors, camera, scanner);
    }

    private static Map<String, String> health(Sensors sensors, RestartingCamera camera, RestartingScanner scanner) {
        Map<String, String> health = new LinkedHashMap<>(sensors.health());
        if (camera != null) {
            health.put(CAMERA, camera.health());
        }
        if (scanner != null) {
            health.put(SCANNER, scanner.health());
        }
        return health;
    }

    /** Stops reading cards, releases the pins and stops the sensor loop. */
    @Override
    public void close() {
        try {
            identifier.close();
        } finally {
            sensors.close();
        }
    }
}
