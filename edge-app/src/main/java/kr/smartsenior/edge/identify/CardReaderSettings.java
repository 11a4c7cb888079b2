package kr.smartsenior.edge.identify;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Which card readers a kiosk on real hardware uses, from {@code SSC_*} environment variables
 * ({@code /etc/smartsenior/kiosk.env}). A camera and a scanner can both be on; a kiosk needs at least
 * one of them.
 *
 * @param camera        {@code SSC_CAMERA}: {@code rpicam} (the Pi camera through rpicam-vid, the
 *                      default), {@code usb} (a webcam through ffmpeg's v4l2 input) or {@code none}
 * @param cameraDevice  {@code SSC_CAMERA_DEVICE}: the webcam's device (default {@code /dev/video0}; usb only)
 * @param width         frame width (640: plenty for a 30 mm code held 10–20 cm away)
 * @param height        frame height (480)
 * @param fps           frames per second ({@code SSC_CAMERA_FPS}, default 15)
 * @param scanner       {@code SSC_SCANNER}: {@code keyboard} (a USB 2D scanner in keyboard mode typing
 *                      into the kiosk window, the default), {@code none}, or the path of a scanner in
 *                      serial mode (e.g. {@code /dev/ttyACM0}) read line by line
 * @param scannerDevice the serial scanner's path when {@code scanner} is {@link Scanner#SERIAL}
 */
public record CardReaderSettings(Camera camera, String cameraDevice, int width, int height, int fps, Scanner scanner,
        Optional<Path> scannerDevice) {

    public static final String ENV_CAMERA = "SSC_CAMERA";
    public static final String ENV_CAMERA_DEVICE = "SSC_CAMERA_DEVICE";
    public static final String ENV_CAMERA_FPS = "SSC_CAMERA_FPS";
    public static final String ENV_SCANNER = "SSC_SCANNER";
    public static final String DEFAULT_CAMERA_DEVICE = "/dev/video0";

    /** The camera that reads cards. */
    public enum Camera {
        /** The Raspberry Pi camera module, through {@code rpicam-vid}. */
        RPICAM,
        /** A USB webcam, through {@code ffmpeg -f v4l2}. */
        USB,
        NONE
    }

    /** The 2D scanner that reads cards. */
    public enum Scanner {
        /** A scanner that types like a keyboard into the kiosk window (the usual USB HID mode). */
        KEYBOARD,
        /** A scanner in USB serial (CDC) mode: one line per scan on a tty. */
        SERIAL,
        NONE
    }

    public CardReaderSettings {
        Objects.requireNonNull(camera, "camera");
        Objects.requireNonNull(scanner, "scanner");
        Objects.requireNonNull(cameraDevice, "cameraDevice");
        scannerDevice = scannerDevice == null ? Optional.empty() : scannerDevice;
        if (width < 160 || height < 120 || width > 1920 || height > 1080) {
            throw new IllegalArgumentException("camera frames must be 160x120 to 1920x1080, got " + width + "x" + height);
        }
        if (fps < 1 || fps > 60) {
            throw new IllegalArgumentException(ENV_CAMERA_FPS + " must be 1 to 60, got " + fps);
        }
        if ((scanner == Scanner.SERIAL) != scannerDevice.isPresent()) {
            throw new IllegalArgumentException("a serial scanner needs its device path, and only a serial scanner has one");
        }
    }

    /** The reference kiosk: the Pi camera and a keyboard-mode scanner. */
    public static CardReaderSettings defaults() {
        return new CardReaderSettings(Camera.RPICAM, DEFAULT_CAMERA_DEVICE, FrameSources.DEFAULT_WIDTH,
                FrameSources.DEFAULT_HEIGHT, FrameSources.DEFAULT_FPS, Scanner.KEYBOARD, Optional.empty());
    }

    /** Reads the variables; unset or blank ones take their defaults. Fails naming the variable. */
    public static CardReaderSettings fromEnvironment(Map<String, String> env) {
        Camera camera = switch (value(env, ENV_CAMERA, "rpicam").toLowerCase(Locale.ROOT)) {
            case "rpicam" -> Camera.RPICAM;
            case "usb" -> Camera.USB;
            case "none" -> Camera.NONE;
            default -> throw new IllegalArgumentException(ENV_CAMERA + " must be rpicam, usb or none, got '"
                    + env.get(ENV_CAMERA) + "'");
        };
        String device = value(env, ENV_CAMERA_DEVICE, DEFAULT_CAMERA_DEVICE);
        if (!device.startsWith("/dev/")) {
            throw new IllegalArgumentException(ENV_CAMERA_DEVICE + " must be a device such as /dev/video0, got '" + device + "'");
        }
        int fps;
        String fpsText = value(env, ENV_CAMERA_FPS, String.valueOf(FrameSources.DEFAULT_FPS));
        try {
            fps = Integer.parseInt(fpsText);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(ENV_CAMERA_FPS + " must be a whole number, got '" + fpsText + "'");
        }
        String scannerText = value(env, ENV_SCANNER, "keyboard");
        Scanner scanner;
        Optional<Path> scannerDevice = Optional.empty();
        switch (scannerText.toLowerCase(Locale.ROOT)) {
            case "keyboard" -> scanner = Scanner.KEYBOARD;
            case "none" -> scanner = Scanner.NONE;
            default -> {
                if (!scannerText.startsWith("/dev/")) {
                    throw new IllegalArgumentException(ENV_SCANNER + " must be keyboard, none or a device such as /dev/ttyACM0,"
                            + " got '" + scannerText + "'");
                }
                scanner = Scanner.SERIAL;
                scannerDevice = Optional.of(Path.of(scannerText));
            }
        }
        if (camera == Camera.NONE && scanner == Scanner.NONE) {
            throw new IllegalArgumentException(ENV_CAMERA + "=none and " + ENV_SCANNER
                    + "=none: the kiosk would have no way to read a card");
        }
        return new CardReaderSettings(camera, device, FrameSources.DEFAULT_WIDTH, FrameSources.DEFAULT_HEIGHT, fps, scanner,
                scannerDevice);
    }

    /** The real camera these settings name, started (throws when its program cannot start), or empty for none. */
    public Optional<FrameSource> openCamera() {
        return switch (camera) {
            case RPICAM -> Optional.of(FrameSources.rpicam(width, height, fps));
            case USB -> Optional.of(FrameSources.ffmpeg(cameraDevice, width, height, fps));
            case NONE -> Optional.empty();
        };
    }

    private static String value(Map<String, String> env, String name, String fallback) {
        String value = env.get(name);
        return value == null || value.isBlank() ? fallback : value.strip();
    }
}
