package kr.smartsenior.edge.sensor;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A distance sensor driven by a {@link TracePlayer}. Between traces it reads the empty room
 * ({@code idleMillimetres}) at the driver's rate, as the real sensor would, so presence and health
 * behave as on the kiosk.
 */
public final class SimulatedDistanceSensor implements DistanceSensor {

    private final SensorLoop loop;
    private final Duration period;
    private final int idleMillimetres;
    private final DistanceHealth health;
    private final List<DistanceListener> listeners = new CopyOnWriteArrayList<>();
    private SensorLoop.Scheduled idle;
    private boolean playing;

    public SimulatedDistanceSensor(SensorLoop loop, Duration period, int idleMillimetres) {
        this.loop = loop;
        this.period = period;
        this.idleMillimetres = idleMillimetres;
        this.health = new DistanceHealth();
    }

    @Override
    public void addListener(DistanceListener listener) {
        listeners.add(listener);
    }

    @Override
    public void start() {
        health.started();
        idle = loop.every(period, () -> {
            if (!playing) {
                deliver(DistanceSample.good(loop.nanos(), idleMillimetres));
            }
        });
    }

    /** A trace is playing: it supplies every reading until {@link #stopped()}. On the loop thread. */
    void playing() {
        playing = true;
    }

    void stopped() {
        playing = false;
    }

    /** A reading from a trace. On the loop thread. */
    void deliver(DistanceSample sample) {
        health.note(sample);
        for (DistanceListener listener : listeners) {
            listener.onDistance(sample);
        }
    }

    @Override
    public String health() {
        return health.health();
    }

    @Override
    public void close() {
        if (idle != null) {
            idle.cancel();
        }
    }
}
