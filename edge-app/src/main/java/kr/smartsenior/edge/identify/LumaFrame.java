package kr.smartsenior.edge.identify;

import java.util.Objects;

/**
 * One camera frame's luminance (Y) plane, 8 bits per pixel, rows {@code stride} bytes apart (a camera
 * may pad each row beyond its width). Anything after the plane (chroma) is ignored.
 *
 * @param data           the bytes, at least {@code stride * height}
 * @param width          visible pixels per row
 * @param height         rows
 * @param stride         bytes from one row to the next, at least {@code width}
 * @param capturedNanos  {@link System#nanoTime()} when the frame was read
 */
public record LumaFrame(byte[] data, int width, int height, int stride, long capturedNanos) {

    public LumaFrame {
        Objects.requireNonNull(data, "data");
        if (width <= 0 || height <= 0 || stride < width) {
            throw new IllegalArgumentException("bad frame geometry " + width + "x" + height + " stride " + stride);
        }
        if ((long) stride * height > data.length) {
            throw new IllegalArgumentException("frame of " + data.length + " bytes is smaller than stride " + stride
                    + " x height " + height);
        }
    }

    /** The luminance at a pixel, 0 (black) to 255 (white). */
    public int at(int x, int y) {
        return data[y * stride + x] & 0xFF;
    }
}
