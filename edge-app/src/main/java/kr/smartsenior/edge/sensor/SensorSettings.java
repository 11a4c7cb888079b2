package kr.smartsenior.edge.sensor;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * How the kiosk's sensors are set up, from {@code SSC_*} environment variables.
 *
 * @param simSpeed    how much faster than real time a simulation runs ({@code SSC_SIM_SPEED}, default 1)
 * @param calibration the site's calibration ({@code SSC_CAL_SEATED_MM}, {@code SSC_CAL_STANDING_MM},
 *                    {@code SSC_CAL_EMPTY_MM}; default the reference layout)
 * @param pinMap      a pin map file overriding the shipped ones ({@code SSC_PIN_MAP})
 * @param pinMapRevision the hardware revision the device was provisioned for ({@code SSC_PIN_MAP_REVISION},
 *                    written from the bundle at first boot); empty: the reference
 * @param absenceToPause nobody in the distance sensor's beam this long is someone who left
 *                    ({@code SSC_ABSENCE_PAUSE_S}, default {@link #DEFAULT_ABSENCE_TO_PAUSE}): a running test pauses
 *                    and asks "계속하시겠어요?", an awake idle screen goes back to sleep
 */
public record SensorSettings(double simSpeed, SiteCalibration calibration, Optional<Path> pinMap,
        Optional<String> pinMapRevision, Duration absenceToPause) {

    public static final String ENV_SIM_SPEED = "SSC_SIM_SPEED";
    public static final String ENV_CAL_SEATED_MM = "SSC_CAL_SEATED_MM";
    public static final String ENV_CAL_STANDING_MM = "SSC_CAL_STANDING_MM";
    public static final String ENV_CAL_EMPTY_MM = "SSC_CAL_EMPTY_MM";
    public static final String ENV_PIN_MAP = "SSC_PIN_MAP";
    public static final String ENV_PIN_MAP_REVISION = "SSC_PIN_MAP_REVISION";
    public static final String ENV_ABSENCE_PAUSE_S = "SSC_ABSENCE_PAUSE_S";
    public static final double DEFAULT_SIM_SPEED = 1;
    /**
     * 3 s: longer than a moment out of the narrow beam (a lean, someone passing between), short enough that a
     * senior who walked off is asked at once and the visit can end within 15 s.
     */
    public static final Duration DEFAULT_ABSENCE_TO_PAUSE = Duration.ofSeconds(3);

    /** Settings without a provisioned revision (the reference pin map unless a file is named). */
    public SensorSettings(double simSpeed, SiteCalibration calibration, Optional<Path> pinMap) {
        this(simSpeed, calibration, pinMap, Optional.empty());
    }

    /** Settings with the default {@link #absenceToPause}. */
    public SensorSettings(double simSpeed, SiteCalibration calibration, Optional<Path> pinMap,
            Optional<String> pinMapRevision) {
        this(simSpeed, calibration, pinMap, pinMapRevision, DEFAULT_ABSENCE_TO_PAUSE);
    }

    public SensorSettings {
        pinMapRevision = pinMapRevision == null ? Optional.empty() : pinMapRevision;
        if (absenceToPause == null || absenceToPause.isNegative() || absenceToPause.isZero()) {
            throw new IllegalArgumentException(ENV_ABSENCE_PAUSE_S + " must be more than 0 seconds, got " + absenceToPause);
        }
        if (!(simSpeed > 0) || simSpeed > ScaledSensorLoop.MAX_SPEED) {
            throw new IllegalArgumentException(ENV_SIM_SPEED + " must be more than 0 and at most " + (int) ScaledSensorLoop.MAX_SPEED
                    + ", got " + simSpeed);
        }
    }

    /** The pin map these settings name ({@link PinMap#select}). */
    public PinMap selectPinMap() {
        return PinMap.select(pinMap, pinMapRevision);
    }

    /** Reads the variables; unset or blank ones take their defaults. Fails naming the variable. */
    public static SensorSettings fromEnvironment(Map<String, String> env) {
        double speed = DEFAULT_SIM_SPEED;
        String text = value(env, ENV_SIM_SPEED);
        if (text != null) {
            try {
                speed = Double.parseDouble(text);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(ENV_SIM_SPEED + " must be a number such as 20, got '" + text + "'");
            }
        }
        SiteCalibration reference = SiteCalibration.REFERENCE;
        SiteCalibration calibration;
        try {
            calibration = new SiteCalibration(millimetres(env, ENV_CAL_SEATED_MM, reference.seatedMm()),
                    millimetres(env, ENV_CAL_STANDING_MM, reference.standingMm()),
                    millimetres(env, ENV_CAL_EMPTY_MM, reference.emptyMm()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("SSC_CAL_*: " + e.getMessage(), e);
        }
        String pinMap = value(env, ENV_PIN_MAP);
        return new SensorSettings(speed, calibration, Optional.ofNullable(pinMap).map(Path::of),
                Optional.ofNullable(value(env, ENV_PIN_MAP_REVISION)), seconds(env, ENV_ABSENCE_PAUSE_S,
                        DEFAULT_ABSENCE_TO_PAUSE));
    }

    private static Duration seconds(Map<String, String> env, String name, Duration fallback) {
        String text = value(env, name);
        if (text == null) {
            return fallback;
        }
        try {
            long s = Long.parseLong(text);
            if (s <= 0) {
                throw new IllegalArgumentException(name + " must be more than 0 seconds, got " + s);
            }
            return Duration.ofSeconds(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number of seconds, got '" + text + "'");
        }
    }

    private static int millimetres(Map<String, String> env, String name, int fallback) {
        String text = value(env, name);
        if (text == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be whole millimetres, got '" + text + "'");
        }
    }

    private static String value(Map<String, String> env, String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? null : value.strip();
    }
}
