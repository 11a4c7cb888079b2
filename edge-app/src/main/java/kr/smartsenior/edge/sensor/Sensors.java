package kr.smartsenior.edge.sensor;

import com.pi4j.context.Context;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One kiosk's sensors: the loop they deliver on, the step mat, the distance sensor and the motion
 * signals derived from it; on the simulator also the {@link TracePlayer} that drives them. Owns
 * all of it: {@link #close()} stops the readings, releases the pins and stops the loop.
 */
public final class Sensors implements AutoCloseable {

    /** The health of a sensor with nothing to report. */
    public static final String OK = "ok";
    /** Keys of {@link #health()}, as published in the device status. */
    public static final String STEP_MAT = "stepMat";
    public static final String DISTANCE = "distance";
    /** Pads on the reference mat and in the simulator. */
    public static final int REFERENCE_PADS = 4;

    private static final Logger log = LoggerFactory.getLogger(Sensors.class);

    private final SensorLoop loop;
    private final StepMat mat;
    private final DistanceSensor distance;
    private final MotionSignals motion;
    private final TracePlayer player;
    private final Context pi4j;

    private Sensors(SensorLoop loop, StepMat mat, DistanceSensor distance, MotionSignals motion, TracePlayer player,
            Context pi4j) {
        this.loop = loop;
        this.mat = mat;
        this.distance = distance;
        this.motion = motion;
        this.player = player;
        this.pi4j = pi4j;
        distance.addListener(motion);
        motion.addListener(mat::presence); // a pad pressed while nobody is there is stuck
    }

    /** Simulated mat and distance sensor on this loop, driven by {@link #player()}. Started. */
    public static Sensors simulated(SensorLoop loop, SiteCalibration calibration) {
        SimulatedStepMat mat = new SimulatedStepMat(loop, REFERENCE_PADS, PadDebouncer.DEFAULT_WINDOW);
        SimulatedDistanceSensor distance = new SimulatedDistanceSensor(loop, TfLunaSensor.DEFAULT_PERIOD,
                calibration.emptyMm());
        Sensors sensors = new Sensors(loop, mat, distance, new MotionSignals(calibration),
                new TracePlayer(loop, mat, distance), null);
        distance.start();
        return sensors;
    }

    /**
     * The real drivers on a Pi4J context (from {@link Pi4jContexts}), wired as the pin map says.
     * Started. A device that cannot be set up does not stop the others or the kiosk: a step mat whose
     * pins cannot be claimed or an I2C bus that cannot be opened is kept as an unavailable device that
     * reports why in {@link #health()} (and so in the device status); a distance sensor that does not
     * answer is reported by its driver and retried.
     */
    public static Sensors onHardware(Context pi4j, PinMap pins, SensorLoop loop, SiteCalibration calibration) {
        StepMat mat;
        try {
            mat = new GpioStepMat(pi4j, pins.padPins(), loop, PadDebouncer.DEFAULT_WINDOW);
        } catch (RuntimeException e) {
            log.error("step mat unavailable: {}", e.getMessage());
            mat = new UnavailableStepMat(pins.padPins().size(), unavailable(e.getMessage()));
        }
        DistanceSensor distance;
        try {
            distance = new TfLunaSensor(Pi4jContexts.i2c(pi4j, pins.distanceBus(), pins.distanceAddress()), loop,
                    TfLunaSensor.DEFAULT_PERIOD);
        } catch (RuntimeException e) {
            String why = "cannot open I2C bus " + pins.distanceBus() + ": " + e.getMessage();
            log.error("distance sensor unavailable: {}", why);
            distance = new UnavailableDistanceSensor(unavailable(why));
        }
        Sensors sensors = new Sensors(loop, mat, distance, new MotionSignals(calibration), null, pi4j);
        distance.start();
        return sensors;
    }

    /**
     * No sensors at all, each reporting {@code problem} (no pin map for this hardware, no GPIO chip or
     * I2C support on this machine): the kiosk still identifies cards and syncs, and the screens refuse
     * the tests and exercises calmly.
     */
    public static Sensors unavailable(SensorLoop loop, SiteCalibration calibration, String problem) {
        log.error("sensors unavailable: {}", problem);
        return new Sensors(loop, new UnavailableStepMat(REFERENCE_PADS, unavailable(problem)),
                new UnavailableDistanceSensor(unavailable(problem)), new MotionSignals(calibration), null, null);
    }

    /** The status text of a device that could not be set up. */
    static String unavailable(String why) {
        String text = why == null || why.isBlank() ? "unknown reason" : why.strip();
        return "not available: " + (text.length() > 200 ? text.substring(0, 200) + "…" : text);
    }

    public SensorLoop loop() {
        return loop;
    }

    public StepMat mat() {
        return mat;
    }

    public MotionSignals motion() {
        return motion;
    }

    /** The trace player, when these sensors are simulated. */
    public Optional<TracePlayer> player() {
        return Optional.ofNullable(player);
    }

    /** Each sensor's state for the device status: {"stepMat": "ok", "distance": "not responding"}. */
    public Map<String, String> health() {
        Map<String, String> health = new LinkedHashMap<>();
        health.put(STEP_MAT, mat.health());
        health.put(DISTANCE, distance.health());
        return health;
    }

    /** Logs the sensors' health after {@code settle} (readings need a moment to start). */
    public void logSelfTest(Duration settle) {
        loop.schedule(settle, () -> {
            Map<String, String> health = health();
            if (health.values().stream().allMatch(OK::equals)) {
                log.info("sensor self-test: {}", health);
            } else {
                log.warn("sensor self-test found problems: {}", health);
            }
        });
    }

    @Override
    public void close() {
        try {
            distance.close();
            mat.close();
            if (pi4j != null) {
                pi4j.shutdown();
            }
        } catch (RuntimeException e) {
            log.warn("closing the sensors: {}", e.getMessage());
        } finally {
            loop.close();
        }
    }
}
