package kr.smartsenior.edge.ui;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How the screens behave: timeouts, the voice, the window.
 *
 * @param idleTimeout   no input for this long asks "계속하시겠어요?"
 * @param answerTimeout no answer to that question for this long ends the session (back to idle)
 * @param greetingTime  the greeting stays this long before the home screen
 * @param goodbyeTime   the goodbye stays this long before idle
 * @param problemTime   a card or unexpected problem stays this long before idle
 * @param absenceToEnd  the senior left during a visit (the presence port's {@code LEFT}: on the kiosk, the
 *                      distance sensor saw nobody for {@code SSC_ABSENCE_PAUSE_S}, 3 s, when a test
 *                      pauses and asks "계속하시겠어요?") and is not back this long after: the visit ends, idle
 *                      again (an incomplete test is not kept; finished ones are already saved)
 * @param voiceDir      a folder of recordings ({@code <prompt>.wav}) that replace the default ones, if set
 * @param voiceVolume   0 (silent) to 1 (full)
 * @param voiceRate     playback speed of the prompts, 0.5 to 1.5 (1 = as recorded)
 * @param windowed      a 1280×720 window instead of full screen (for desktops)
 */
public record UiSettings(
        Duration idleTimeout,
        Duration answerTimeout,
        Duration greetingTime,
        Duration goodbyeTime,
        Duration problemTime,
        Duration absenceToEnd,
        Optional<Path> voiceDir,
        double voiceVolume,
        double voiceRate,
        boolean windowed) {

    public static final String ENV_IDLE_TIMEOUT_S = "SSC_UI_IDLE_TIMEOUT_S";
    public static final String ENV_ANSWER_TIMEOUT_S = "SSC_UI_ANSWER_TIMEOUT_S";
    public static final String ENV_ABSENCE_END_S = "SSC_UI_ABSENCE_END_S";
    public static final String ENV_VOICE_DIR = "SSC_VOICE_DIR";
    public static final String ENV_VOICE_VOLUME = "SSC_VOICE_VOLUME";
    public static final String ENV_VOICE_RATE = "SSC_VOICE_RATE";
    public static final String ENV_WINDOWED = "SSC_UI_WINDOWED";

    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(90);
    public static final Duration DEFAULT_ANSWER_TIMEOUT = Duration.ofSeconds(20);
    public static final Duration DEFAULT_GREETING_TIME = Duration.ofSeconds(4);
    public static final Duration DEFAULT_GOODBYE_TIME = Duration.ofSeconds(6);
    public static final Duration DEFAULT_PROBLEM_TIME = Duration.ofSeconds(20);
    /**
     * 10 s after the 3 s the sensor takes to say "left": idle again 13 s after the senior walked away, within
     * the 15 s that no name or result may stay on an unattended screen, and long enough for a senior who only
     * stepped aside (to fetch a cane, to sit down) to be seen back.
     */
    public static final Duration DEFAULT_ABSENCE_TO_END = Duration.ofSeconds(10);
    public static final double DEFAULT_VOICE_VOLUME = 1.0;
    public static final double DEFAULT_VOICE_RATE = 1.0;
    static final double MIN_VOICE_RATE = 0.5;
    static final double MAX_VOICE_RATE = 1.5;

    public UiSettings {
        for (Duration d : new Duration[] {idleTimeout, answerTimeout, greetingTime, goodbyeTime, problemTime, absenceToEnd}) {
            Objects.requireNonNull(d, "timeout");
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("timeouts must be positive, got " + d);
            }
        }
        Objects.requireNonNull(voiceDir, "voiceDir");
        if (!(voiceVolume >= 0 && voiceVolume <= 1)) {
            throw new IllegalArgumentException("voiceVolume must be 0 to 1, got " + voiceVolume);
        }
        if (!(voiceRate >= MIN_VOICE_RATE && voiceRate <= MAX_VOICE_RATE)) {
            throw new IllegalArgumentException("voiceRate must be " + MIN_VOICE_RATE + " to " + MAX_VOICE_RATE + ", got "
                    + voiceRate);
        }
    }

    public static UiSettings defaults() {
        return new UiSettings(DEFAULT_IDLE_TIMEOUT, DEFAULT_ANSWER_TIMEOUT, DEFAULT_GREETING_TIME, DEFAULT_GOODBYE_TIME,
                DEFAULT_PROBLEM_TIME, DEFAULT_ABSENCE_TO_END, Optional.empty(), DEFAULT_VOICE_VOLUME, DEFAULT_VOICE_RATE, false);
    }

    /** The same settings with other timeouts (tests want them short). */
    public UiSettings withTimeouts(Duration idle, Duration answer, Duration greeting, Duration goodbye, Duration problem) {
        return new UiSettings(idle, answer, greeting, goodbye, problem, absenceToEnd, voiceDir, voiceVolume, voiceRate,
                windowed);
    }

    /** The same settings with another {@link #absenceToEnd} (tests want it short). */
    public UiSettings withAbsenceToEnd(Duration absence) {
        return new UiSettings(idleTimeout, answerTimeout, greetingTime, goodbyeTime, problemTime, absence, voiceDir,
                voiceVolume, voiceRate, windowed);
    }

    /**
     * Reads the {@code SSC_UI_*} (the timeouts, {@code SSC_UI_ABSENCE_END_S}) and {@code SSC_VOICE_*} variables;
     * unset or blank ones keep their defaults.
     */
    public static UiSettings fromEnvironment(Map<String, String> env) {
        UiSettings d = defaults();
        String dir = text(env, ENV_VOICE_DIR);
        double volume = number(env, ENV_VOICE_VOLUME, d.voiceVolume);
        if (!(volume >= 0 && volume <= 1)) {
            throw new IllegalArgumentException(ENV_VOICE_VOLUME + " must be 0 (silent) to 1 (full), got " + volume);
        }
        double rate = number(env, ENV_VOICE_RATE, d.voiceRate);
        if (!(rate >= MIN_VOICE_RATE && rate <= MAX_VOICE_RATE)) {
            throw new IllegalArgumentException(ENV_VOICE_RATE + " must be " + MIN_VOICE_RATE + " to " + MAX_VOICE_RATE
                    + ", got " + rate);
        }
        return new UiSettings(
                seconds(env, ENV_IDLE_TIMEOUT_S, d.idleTimeout),
                seconds(env, ENV_ANSWER_TIMEOUT_S, d.answerTimeout),
                d.greetingTime, d.goodbyeTime, d.problemTime,
                seconds(env, ENV_ABSENCE_END_S, d.absenceToEnd),
                dir == null ? Optional.empty() : Optional.of(Path.of(dir)),
                volume, rate, flag(env, ENV_WINDOWED));
    }

    private static String text(Map<String, String> env, String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static Duration seconds(Map<String, String> env, String name, Duration fallback) {
        String value = text(env, name);
        if (value == null) {
            return fallback;
        }
        try {
            long s = Long.parseLong(value);
            if (s <= 0) {
                throw new IllegalArgumentException(name + " must be more than 0 seconds, got " + s);
            }
            return Duration.ofSeconds(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number of seconds, got '" + value + "'");
        }
    }

    private static double number(Map<String, String> env, String name, double fallback) {
        String value = text(env, name);
        if (value == null) {
            return fallback;
        }
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number like 0.8, got '" + value + "'");
        }
    }

    private static boolean flag(Map<String, String> env, String name) {
        String value = text(env, name);
        return value != null && (value.equals("1") || value.equalsIgnoreCase("true") || value.equalsIgnoreCase("yes"));
    }
}
