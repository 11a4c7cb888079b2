package kr.smartsenior.edge.identify;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** The real cameras, each as a {@link FrameSource}. */
public final class FrameSources {

    /** 640×480 is plenty for a 30 mm QR code held 20–40 cm away, and keeps decoding fast. */
    public static final int DEFAULT_WIDTH = 640;
    public static final int DEFAULT_HEIGHT = 480;
    public static final int DEFAULT_FPS = 15;

    private FrameSources() {
    }

    /**
     * The Raspberry Pi camera: {@code rpicam-vid -t 0 -n --codec yuv420 --width W --height H
     * --framerate F -o -}. Rows are padded to {@link FrameLayout#RPICAM_STRIDE_ALIGNMENT} bytes.
     */
    public static FrameSource rpicam(int width, int height, int fps) {
        return command(List.of("rpicam-vid", "-t", "0", "-n", "--codec", "yuv420", "--width", String.valueOf(width),
                "--height", String.valueOf(height), "--framerate", String.valueOf(fps), "-o", "-"),
                FrameLayout.yuv420(width, height, FrameLayout.RPICAM_STRIDE_ALIGNMENT),
                "rpicam-vid " + width + "x" + height);
    }

    /**
     * A USB webcam through ffmpeg: {@code ffmpeg -f v4l2 -framerate F -video_size WxH -i DEVICE
     * -pix_fmt gray -f rawvideo -}.
     */
    public static FrameSource ffmpeg(String device, int width, int height, int fps) {
        return command(List.of("ffmpeg", "-hide_banner", "-loglevel", "error", "-f", "v4l2", "-framerate",
                String.valueOf(fps), "-video_size", width + "x" + height, "-i", device, "-pix_fmt", "gray", "-f",
                "rawvideo", "-"), FrameLayout.gray(width, height), "ffmpeg " + device + " " + width + "x" + height);
    }

    /** Any program that writes raw frames of this layout to its standard output. */
    public static FrameSource command(List<String> command, FrameLayout layout, String description) {
        try {
            return new ProcessFrameSource(command, layout, description);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command.getFirst() + " (is it installed?)", e);
        }
    }
}
