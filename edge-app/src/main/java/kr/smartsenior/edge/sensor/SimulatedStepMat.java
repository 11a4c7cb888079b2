package kr.smartsenior.edge.sensor;

import java.time.Duration;

/**
 * A step mat driven by a {@link TracePlayer}: raw edges from a trace (bounces and all) go through
 * the same {@link PadDebouncer} as the GPIO driver's.
 */
public final class SimulatedStepMat extends DebouncedStepMat {

    public SimulatedStepMat(SensorLoop loop, int pads, Duration debounce) {
        super(new PadDebouncer(loop, pads, debounce));
        long now = loop.nanos();
        loop.execute(() -> {
            for (int pad = 1; pad <= pads; pad++) {
                debouncer.initial(pad, false, now);
            }
        });
    }

    /** A raw edge at a loop time, as a pin would report it. On the loop thread. */
    void edge(int pad, boolean pressed, long at) {
        debouncer.edge(pad, pressed, at);
    }

    @Override
    public void close() {
        // nothing held
    }
}
