package kr.smartsenior.edge.identify;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.SplittableRandom;
import java.util.concurrent.locks.LockSupport;

/**
 * A camera without hardware, behind the same {@link FrameSource} interface: it looks at a still scene
 * (a textured background) until told to {@link #show} a card, then that card, rendered with a
 * {@link Degradation} by {@link CardImages}, for some frames. Like a real sensor, every frame gets
 * fresh noise. Paced to a frame rate, or as fast as frames are asked for (rate 0).
 */
public final class SimulatedCamera implements FrameSource {

    /** Sensor noise of the empty scene, grey levels. */
    static final double SCENE_NOISE = 4;
    private static final int NOISE_TABLE = 1 << 20;

    private final int width;
    private final int height;
    private final long frameNanos;
    private final SplittableRandom random;
    private final LumaFrame scene;
    private final double phase;
    private final byte[] gaussian = new byte[NOISE_TABLE];
    private final Deque<Showing> queue = new ArrayDeque<>();
    private long frames;
    private volatile long cardFirstShownNanos;
    private long nextFrameAt;
    private volatile boolean closed;

    private record Showing(LumaFrame frame, double noise, int[] remaining, boolean[] first) {
    }

    public SimulatedCamera(int width, int height, double fps, long seed) {
        this.width = width;
        this.height = height;
        this.frameNanos = fps > 0 ? (long) (1e9 / fps) : 0;
        this.random = new SplittableRandom(seed);
        this.phase = random.nextDouble() * 6;
        this.scene = CardImages.empty(width, height, 0, random, phase);
        for (int i = 0; i < gaussian.length; i++) {
            gaussian[i] = (byte) Math.max(-127, Math.min(127, Math.round(random.nextGaussian() * 16)));
        }
    }

    /** From the next frame on (after what is queued), shows a card with this QR text for this many frames. */
    public synchronized void show(String text, Degradation degradation, int frameCount) {
        Degradation noiseless = new Degradation(degradation.symbolPx(), degradation.centreX(), degradation.centreY(),
                degradation.rotationDeg(), degradation.tilt(), degradation.tiltDeg(), degradation.blurPx(), 0,
                degradation.contrast(), degradation.brightness());
        queue.addLast(new Showing(CardImages.card(text, noiseless, width, height, random, phase), degradation.noise(),
                new int[] {frameCount}, new boolean[] {true}));
    }

    @Override
    public LumaFrame next() {
        if (closed) {
            return null;
        }
        pace();
        LumaFrame frame;
        double noise = SCENE_NOISE;
        synchronized (this) {
            Showing showing = queue.peekFirst();
            if (showing != null) {
                frame = showing.frame();
                noise = showing.noise();
                if (showing.first()[0]) {
                    showing.first()[0] = false;
                    cardFirstShownNanos = System.nanoTime();
                }
                if (--showing.remaining()[0] <= 0) {
                    queue.removeFirst();
                }
            } else {
                frame = scene;
            }
            frames++;
        }
        return new LumaFrame(withNoise(frame.data(), noise), frame.width(), frame.height(), frame.stride(),
                System.nanoTime());
    }

    /** Fresh sensor noise: a window of a table of Gaussian values (sigma 16), scaled, at a random place. */
    private byte[] withNoise(byte[] clean, double sigma) {
        byte[] out = new byte[clean.length];
        int offset = random.nextInt(NOISE_TABLE);
        double scale = sigma / 16;
        for (int i = 0; i < clean.length; i++) {
            int value = (clean[i] & 0xFF) + (int) (gaussian[(offset + i * 7) & (NOISE_TABLE - 1)] * scale);
            out[i] = (byte) Math.max(0, Math.min(255, value));
        }
        return out;
    }

    /** When the last card shown was first delivered in a frame ({@link System#nanoTime()}), for latency figures. */
    public long cardFirstShownNanos() {
        return cardFirstShownNanos;
    }

    private void pace() {
        if (frameNanos == 0) {
            return;
        }
        long now = System.nanoTime();
        if (nextFrameAt > now) {
            LockSupport.parkNanos(nextFrameAt - now);
        }
        nextFrameAt = Math.max(now, nextFrameAt) + frameNanos;
    }

    @Override
    public String describe() {
        return "simulated camera " + width + "x" + height;
    }

    @Override
    public void close() {
        closed = true;
    }
}
