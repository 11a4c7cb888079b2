package kr.smartsenior.edge.hardware;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import kr.smartsenior.edge.sensor.Sensors;
import kr.smartsenior.edge.ui.ports.StaffNotice;

/**
 * What is out of order on this kiosk, read from the devices' self-test ({@link HardwareKiosk#health()})
 * each time it is asked, in the words staff see on the idle screen: "기기 점검 중: 발판". A device is out
 * when it reports anything but "ok" once it has started (a step mat whose pins could not be claimed, a
 * distance sensor not responding, a camera that cannot start). The card reading is out only when no
 * reader can work: the camera is out (or none is configured) and so is the serial scanner (or none is
 * configured); a keyboard-mode scanner cannot be checked, so with one the cards are taken to work.
 */
final class MissingDevices implements StaffNotice {

    static final String NOTICE = "기기 점검 중: ";
    static final String MAT = "발판";
    static final String DISTANCE = "거리 센서";
    static final String CARDS = "카드 읽기";
    /** What a device says before its first reading or frame: not a problem yet. */
    private static final Set<String> STARTING = Set.of("starting", "not started");

    private final Supplier<Map<String, String>> health;
    private final boolean keyboardScanner;

    /**
     * @param health          each device's self-test, as the device status publishes it
     * @param keyboardScanner a keyboard-mode USB scanner is configured (its state cannot be known)
     */
    MissingDevices(Supplier<Map<String, String>> health, boolean keyboardScanner) {
        this.health = health;
        this.keyboardScanner = keyboardScanner;
    }

    /** Whether a device reporting this is out of order (an absent device counts as out). */
    static boolean out(String health) {
        return health == null || !(Sensors.OK.equals(health) || STARTING.contains(health));
    }

    /** Whether the sensor with this {@link Sensors#health()} key works, as far as its self-test says. */
    boolean works(String sensor) {
        return !out(health.get().get(sensor));
    }

    /** The devices out of order now, in staff's words, in a fixed order. */
    List<String> out() {
        Map<String, String> now = health.get();
        List<String> out = new ArrayList<>();
        if (out(now.get(Sensors.STEP_MAT))) {
            out.add(MAT);
        }
        if (out(now.get(Sensors.DISTANCE))) {
            out.add(DISTANCE);
        }
        boolean camera = !out(now.get(HardwareKiosk.CAMERA));
        boolean scanner = keyboardScanner || !out(now.get(HardwareKiosk.SCANNER));
        if (!camera && !scanner) {
            out.add(CARDS);
        }
        return out;
    }

    @Override
    public Optional<String> idle() {
        List<String> out = out();
        return out.isEmpty() ? Optional.empty() : Optional.of(NOTICE + String.join(", ", out));
    }
}
