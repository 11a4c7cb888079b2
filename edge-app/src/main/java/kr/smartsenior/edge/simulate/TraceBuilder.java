package kr.smartsenior.edge.simulate;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import java.util.random.RandomGenerator;
import kr.smartsenior.edge.sensor.DistanceSample;
import kr.smartsenior.edge.sensor.Trace;

/**
 * Builds a {@link Trace} from a body's movement: a distance curve sampled at the sensor's rate with
 * measurement noise, occasional spikes and unusable readings, and pad edges with contact bounce.
 * Times are seconds from the start of the trace.
 */
final class TraceBuilder {

    /** TF-Luna at 50 Hz. */
    static final double SAMPLE_EVERY_S = 0.020;

    private final RandomGenerator random;
    private final List<Trace.Event> events = new ArrayList<>();
    private double noiseMm = 8;
    private double spikeShare;
    private double weakShare;
    private int bounces;
    private double dropoutFrom = -1;
    private double dropoutTo = -1;

    TraceBuilder(RandomGenerator random) {
        this.random = random;
    }

    /** Sensor noise: Gaussian spread, share of wild readings, share of weak ones. */
    TraceBuilder noise(double sigmaMm, double spikes, double weak) {
        this.noiseMm = sigmaMm;
        this.spikeShare = spikes;
        this.weakShare = weak;
        return this;
    }

    /** Extra edges at each pad change (a worn switch). */
    TraceBuilder bounce(int extraEdges) {
        this.bounces = extraEdges;
        return this;
    }

    /** No answer from the distance sensor in this span. */
    TraceBuilder dropout(double fromS, double toS) {
        this.dropoutFrom = fromS;
        this.dropoutTo = toS;
        return this;
    }

    /** Samples the distance curve (millimetres; NaN means nothing in range) from 0 to {@code untilS}. */
    TraceBuilder distance(double untilS, DoubleUnaryOperator curve) {
        int samples = (int) Math.round(untilS / SAMPLE_EVERY_S);
        for (int i = 0; i <= samples; i++) {
            double t = i * SAMPLE_EVERY_S;
            long at = nanos(t);
            if (t >= dropoutFrom && t < dropoutTo) {
                events.add(new Trace.Distance(at, -1, DistanceSample.Quality.NO_DATA));
                continue;
            }
            double mm = curve.applyAsDouble(t);
            if (Double.isNaN(mm) || random.nextDouble() < weakShare) {
                events.add(new Trace.Distance(at, -1, DistanceSample.Quality.WEAK));
                continue;
            }
            double reading = mm + random.nextGaussian() * noiseMm;
            if (random.nextDouble() < spikeShare) {
                reading += (random.nextBoolean() ? 1 : -1) * (400 + random.nextDouble() * 800);
            }
            events.add(new Trace.Distance(at, (int) Math.max(200, Math.round(reading / 10.0) * 10), DistanceSample.Quality.GOOD));
        }
        return this;
    }

    /** A pad changes at {@code atS}, bouncing first if the builder says so. */
    TraceBuilder pad(int pad, boolean pressed, double atS) {
        double t = atS;
        for (int i = 0; i < bounces; i++) {
            events.add(new Trace.Pad(nanos(t), pad, i % 2 == 0 ? pressed : !pressed));
            t += 0.0005 + random.nextDouble() * 0.002;
        }
        events.add(new Trace.Pad(nanos(t), pad, pressed));
        return this;
    }

    Trace build() {
        return new Trace(events);
    }

    private static long nanos(double seconds) {
        return Math.round(seconds * 1e9);
    }

    /** Smooth move from {@code from} to {@code to} as {@code u} goes 0..1 (cosine ease). */
    static double ease(double from, double to, double u) {
        double clamped = Math.max(0, Math.min(1, u));
        return from + (to - from) * (1 - Math.cos(Math.PI * clamped)) / 2;
    }

    /** Where the ease reaches {@code share} of the way (0..1), as a share of the move's duration. */
    static double easeAt(double share) {
        return Math.acos(1 - 2 * share) / Math.PI;
    }
}
