package kr.smartsenior.protocol;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The catalogue of remote settings a kiosk understands, with their types and ranges. The server
 * checks a configuration before it publishes one, and the kiosk checks it again before applying it:
 * a configuration with an unknown setting or a value out of range is refused whole, with a reason,
 * and the kiosk keeps the configuration it had. Adding a setting is additive within v1; a kiosk too
 * old to know it refuses the configuration and says which setting, so the admin sees why.
 */
public enum DeviceSettings {
    /**
     * Speaker volume in percent, 0 to 100. The kiosk plays no quieter than {@link #VOLUME_KIOSK_MIN}: a
     * senior who cannot read well must still hear the prompts (decision 0042).
     */
    VOLUME("volume", Kind.WHOLE, 0, 100, Set.of()),
    /**
     * Size of the text on the screen relative to the default, 1.0 to 2.0. The kiosk's screens fit the
     * longest real content up to {@link #TEXT_SCALE_KIOSK_MAX}; a larger value runs at that (decision 0042).
     */
    TEXT_SCALE("textScale", Kind.NUMBER, 1, 2, Set.of()),
    /**
     * The language of the screens and voice: {@code ko} only. The kiosk has no English screens or voice,
     * so {@code en} is refused rather than accepted and ignored (decision 0042); it returns here, additively,
     * when they exist.
     */
    LANGUAGE("language", Kind.CHOICE, 0, 0, Set.of("ko")),
    /** Seconds without a touch before the kiosk returns to its welcome screen, 15 to 600. */
    IDLE_TIMEOUT_SECONDS("idleTimeoutSeconds", Kind.WHOLE, 15, 600, Set.of()),
    /**
     * {@code true}: keep every result on the kiosk and send nothing (the server is being moved, say);
     * the outbox grows and the fleet page shows it. {@code false} or absent: send as usual.
     */
    UPLOADS_PAUSED("uploadsPaused", Kind.BOOLEAN, 0, 0, Set.of());

    /** The quietest the kiosk plays, in percent, whatever {@link #VOLUME} says (decision 0042). */
    public static final int VOLUME_KIOSK_MIN = 30;

    /** The largest text scale the kiosk applies; a larger {@link #TEXT_SCALE} runs at this (decision 0042). */
    public static final double TEXT_SCALE_KIOSK_MAX = 1.15;

    private enum Kind { WHOLE, NUMBER, CHOICE, BOOLEAN }

    private final String key;
    private final Kind kind;
    private final long min;
    private final long max;
    private final Set<String> choices;

    DeviceSettings(String key, Kind kind, long min, long max, Set<String> choices) {
        this.key = key;
        this.kind = kind;
        this.min = min;
        this.max = max;
        this.choices = choices;
    }

    /** The name of the setting in {@link DeviceConfig#settings()}. */
    public String key() {
        return key;
    }

    /** The setting with this key, if the catalogue has one. */
    public static Optional<DeviceSettings> byKey(String key) {
        return Arrays.stream(values()).filter(setting -> setting.key.equals(key)).findFirst();
    }

    /** Why this configuration must not be applied, or empty when it may. */
    public static Optional<String> problem(DeviceConfig config) {
        if (config == null) {
            return Optional.of("no configuration");
        }
        if (config.version() < 1) {
            return Optional.of("version must be 1 or more, not " + config.version());
        }
        return problem(config.settings());
    }

    /** Why these settings are unusable (an unknown key, a wrong type, a value out of range), or empty. */
    public static Optional<String> problem(Map<String, Object> settings) {
        if (settings == null) {
            return Optional.of("settings missing");
        }
        for (Map.Entry<String, Object> entry : settings.entrySet()) {
            Optional<DeviceSettings> setting = byKey(entry.getKey());
            if (setting.isEmpty()) {
                return Optional.of("unknown setting '" + RecordValidator.clip(entry.getKey()) + "'");
            }
            Optional<String> wrong = setting.get().problemWith(entry.getValue());
            if (wrong.isPresent()) {
                return Optional.of(entry.getKey() + ": " + wrong.get());
            }
        }
        return Optional.empty();
    }

    private Optional<String> problemWith(Object value) {
        if (value == null) {
            return Optional.of("must not be null");
        }
        return switch (kind) {
            case BOOLEAN -> value instanceof Boolean ? Optional.empty() : Optional.of("must be true or false");
            case CHOICE -> value instanceof String text && choices.contains(text)
                    ? Optional.empty()
                    : Optional.of((this == LANGUAGE && "en".equals(value) ? "the kiosk has no English screens or voice; " : "")
                            + "must be one of " + choices.stream().sorted().toList());
            case WHOLE, NUMBER -> number(value);
        };
    }

    private Optional<String> number(Object value) {
        if (!(value instanceof Number number)) {
            return Optional.of("must be a number");
        }
        BigDecimal decimal;
        try {
            decimal = new BigDecimal(number.toString());
        } catch (NumberFormatException e) {
            return Optional.of("must be a finite number");
        }
        if (kind == Kind.WHOLE && decimal.stripTrailingZeros().scale() > 0) {
            return Optional.of("must be a whole number");
        }
        if (decimal.compareTo(BigDecimal.valueOf(min)) < 0 || decimal.compareTo(BigDecimal.valueOf(max)) > 0) {
            return Optional.of(decimal.toPlainString() + " outside " + min + ".." + max);
        }
        return Optional.empty();
    }
}
