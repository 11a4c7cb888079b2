package kr.smartsenior.edge.identify;

import java.io.IOException;

/**
 * Where camera frames come from: the Pi camera, a USB webcam or the simulated camera. One consumer
 * thread calls {@link #next()} in a loop.
 */
public interface FrameSource extends AutoCloseable {

    /**
     * Blocks until the next whole frame, or returns {@code null} when the source has ended (the camera
     * program exited).
     *
     * @throws IOException when the camera cannot be read
     */
    LumaFrame next() throws IOException;

    /** A short description for logs, e.g. {@code rpicam-vid 640x480}. */
    String describe();

    /** Stops the camera (and its program). Safe to call twice, and from another thread. */
    @Override
    void close();
}
