package kr.smartsenior.edge.sensor;

import com.pi4j.io.i2c.I2C;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Driver for the Benewake TF-Luna LiDAR in I2C mode (its pin 5 tied to ground at power-up; address
 * 0x10). Why this sensor: docs/decisions/0008-distance-sensor-tf-luna.md.
 *
 * <p>Set-up: read the firmware version (the device must answer), enable ranging, switch to trigger
 * mode and read it back. Each period the driver reads the frame it triggered in the previous
 * period (distance, signal strength, temperature and the device's tick in one 8-byte block read),
 * then triggers the next one; so a reading never waits on the sensor, and the tick tells a fresh
 * frame from a stale one (the "data ready" check Benewake asks for when pin 6 is not wired).
 *
 * <p>Errors: a frame with too little signal (amplitude under 100), a saturated one (amplitude
 * 0xFFFF or ambient flood), an out-of-range distance or a stale tick become unusable readings; an
 * I/O failure becomes a {@code NO_DATA} reading and, while failing, the set-up is retried every
 * {@link #REINIT_EVERY}. Nothing here throws once started: the kiosk keeps running without the
 * sensor, and the status says "not responding".
 *
 * <p>Threads: I2C is read on its own thread ({@code ssc-distance}), readings are delivered on the
 * {@link SensorLoop}.
 */
public final class TfLunaSensor implements DistanceSensor {

    public static final int DEFAULT_ADDRESS = 0x10;
    /** 50 Hz: twice the 0.1 s resolution of the timed tests, five readings per median. */
    public static final Duration DEFAULT_PERIOD = Duration.ofMillis(20);
    static final Duration REINIT_EVERY = Duration.ofSeconds(2);

    static final int REG_DATA = 0x00;      // dist cm (LE), amp (LE), temp 0.01 °C (LE), tick ms (LE)
    static final int DATA_LENGTH = 8;
    static final int REG_VERSION = 0x0A;   // revision, minor, major
    static final int REG_MODE = 0x23;      // 0 continuous, 1 trigger
    static final int REG_TRIGGER = 0x24;   // write 1: range once
    static final int REG_DISABLE = 0x25;   // 0 enabled, 1 disabled
    static final int MODE_TRIGGER = 1;
    static final int ENABLED = 0;
    static final int TRIGGER = 1;
    /** Benewake: below this amplitude the distance is unreliable. */
    static final int MIN_AMPLITUDE = 100;
    /** Amplitude at or above this means ambient light floods the receiver. */
    static final int FLOOD_AMPLITUDE = 0x8000;
    static final int MIN_CM = 20;
    static final int MAX_CM = 800;

    private static final Logger log = LoggerFactory.getLogger(TfLunaSensor.class);

    private final I2C device;
    private final SensorLoop loop;
    private final Duration period;
    private final DistanceHealth health;
    private final List<DistanceListener> listeners = new CopyOnWriteArrayList<>();
    private final ScheduledThreadPoolExecutor poller;

    // only on the poller thread
    private boolean ready;
    private int lastTick = -1;
    private long lastInitAt;
    private int failuresInARow;

    /**
     * @param device the I2C device at the sensor's address (from {@link Pi4jContexts})
     * @param loop   where readings are delivered
     * @param period time between readings
     */
    public TfLunaSensor(I2C device, SensorLoop loop, Duration period) {
        this.device = device;
        this.loop = loop;
        this.period = period;
        this.health = new DistanceHealth();
        this.lastInitAt = System.nanoTime() - REINIT_EVERY.toNanos(); // the first poll sets up at once
        this.poller = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "ssc-distance");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public void addListener(DistanceListener listener) {
        listeners.add(listener);
    }

    @Override
    public void start() {
        health.started();
        long nanos = period.toNanos();
        poller.scheduleAtFixedRate(this::pollGuarded, 0, nanos, TimeUnit.NANOSECONDS);
    }

    /** Runs the set-up sequence; true when the device answered and took the settings. */
    boolean initialise() {
        lastInitAt = System.nanoTime();
        try {
            byte[] version = new byte[3];
            if (device.readRegister(REG_VERSION, version, 0, version.length) != version.length) {
                return notReady("no answer to the version read");
            }
            device.writeRegister(REG_DISABLE, (byte) ENABLED);
            device.writeRegister(REG_MODE, (byte) MODE_TRIGGER);
            int mode = device.readRegister(REG_MODE);
            if (mode != MODE_TRIGGER) {
                return notReady("trigger mode did not stick (mode register reads " + mode + ")");
            }
            device.writeRegister(REG_TRIGGER, (byte) TRIGGER);
            ready = true;
            lastTick = -1;
            log.info("TF-Luna firmware {}.{}.{} ready: trigger mode, one reading every {} ms", version[2] & 0xFF,
                    version[1] & 0xFF, version[0] & 0xFF, period.toMillis());
            return true;
        } catch (RuntimeException e) {
            return notReady(e.getMessage());
        }
    }

    private boolean notReady(String why) {
        if (ready || failuresInARow == 0) {
            log.warn("distance sensor not responding: {}", why);
        }
        ready = false;
        return false;
    }

    private void pollGuarded() {
        try {
            DistanceSample sample = poll();
            health.note(sample);
            loop.execute(() -> {
                for (DistanceListener listener : listeners) {
                    listener.onDistance(sample);
                }
            });
        } catch (RuntimeException e) {
            log.error("distance sensor poll failed", e); // never let the schedule die
        }
    }

    /** One period: read the frame triggered last time, trigger the next. */
    DistanceSample poll() {
        if (!ready) {
            if (System.nanoTime() - lastInitAt < REINIT_EVERY.toNanos() || !initialise()) {
                failuresInARow++;
                return DistanceSample.unusable(loop.nanos(), DistanceSample.Quality.NO_DATA);
            }
            return DistanceSample.unusable(loop.nanos(), DistanceSample.Quality.NO_DATA); // first frame not yet read
        }
        byte[] frame = new byte[DATA_LENGTH];
        int read;
        try {
            read = device.readRegister(REG_DATA, frame, 0, frame.length);
            device.writeRegister(REG_TRIGGER, (byte) TRIGGER);
        } catch (RuntimeException e) {
            read = -1;
            log.debug("TF-Luna read failed: {}", e.getMessage());
        }
        long at = loop.nanos();
        if (read != DATA_LENGTH) {
            failuresInARow++;
            if (failuresInARow * period.toNanos() >= DistanceHealth.SILENT_AFTER.toNanos()) {
                notReady("no frame for " + failuresInARow + " readings in a row");
            }
            return DistanceSample.unusable(at, DistanceSample.Quality.NO_DATA);
        }
        failuresInARow = 0;
        return decode(frame, at);
    }

    /** A frame's meaning; package-private for tests. */
    DistanceSample decode(byte[] frame, long at) {
        int cm = word(frame, 0);
        int amplitude = word(frame, 2);
        int tick = word(frame, 6);
        if (tick == lastTick) {
            return DistanceSample.unusable(at, DistanceSample.Quality.NO_DATA);
        }
        lastTick = tick;
        if (amplitude >= FLOOD_AMPLITUDE) {
            return DistanceSample.unusable(at, DistanceSample.Quality.SATURATED);
        }
        if (amplitude < MIN_AMPLITUDE || cm < MIN_CM || cm > MAX_CM) {
            return DistanceSample.unusable(at, DistanceSample.Quality.WEAK);
        }
        return DistanceSample.good(at, cm * 10);
    }

    private static int word(byte[] frame, int offset) {
        return (frame[offset] & 0xFF) | (frame[offset + 1] & 0xFF) << 8;
    }

    @Override
    public String health() {
        return health.health();
    }

    @Override
    public void close() {
        poller.shutdownNow();
        try {
            poller.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
