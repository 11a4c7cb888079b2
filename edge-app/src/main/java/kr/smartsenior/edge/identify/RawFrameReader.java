package kr.smartsenior.edge.identify;

import java.io.IOException;
import java.io.InputStream;

/** Cuts a raw video byte stream into whole frames of one {@link FrameLayout}; not thread-safe. */
final class RawFrameReader {

    private final InputStream in;
    private final FrameLayout layout;

    RawFrameReader(InputStream in, FrameLayout layout) {
        this.in = in;
        this.layout = layout;
    }

    /** The next whole frame, or {@code null} at the end of the stream (a cut-off last frame is dropped). */
    LumaFrame next() throws IOException {
        byte[] frame = in.readNBytes(layout.frameBytes());
        if (frame.length < layout.frameBytes()) {
            return null;
        }
        return new LumaFrame(frame, layout.width(), layout.height(), layout.stride(), System.nanoTime());
    }
}
