package kr.smartsenior.edge.sensor;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plays a {@link Trace} into a simulated step mat and distance sensor, each event at its own loop
 * time from now. At {@code SSC_SIM_SPEED} 20 a two-minute trace plays in six seconds, and the
 * listeners see exactly the events and timestamps they would see in real time.
 */
public final class TracePlayer {

    private static final Logger log = LoggerFactory.getLogger(TracePlayer.class);

    private final SensorLoop loop;
    private final SimulatedStepMat mat;
    private final SimulatedDistanceSensor distance;
    private SensorLoop.Scheduled pending;
    private long playing;

    public TracePlayer(SensorLoop loop, SimulatedStepMat mat, SimulatedDistanceSensor distance) {
        this.loop = loop;
        this.mat = mat;
        this.distance = distance;
    }

    /**
     * Starts playing; returns at once. Call on the loop thread. A trace started while another plays
     * replaces it. Pad numbers beyond the mat are skipped with a warning.
     *
     * @param whenDone runs on the loop after the last event
     */
    public void play(Trace trace, Runnable whenDone) {
        stop();
        distance.playing();
        long start = loop.nanos();
        List<Trace.Event> events = trace.events();
        long first = events.isEmpty() ? 0 : events.getFirst().atNanos();
        long generation = ++playing;
        step(events, 0, start - first, generation, whenDone);
    }

    /** Delivers event {@code index} at its time and schedules the next: one task waiting per trace. */
    private void step(List<Trace.Event> events, int index, long shift, long generation, Runnable whenDone) {
        if (generation != playing) {
            return;
        }
        if (index >= events.size()) {
            distance.stopped();
            pending = null;
            whenDone.run();
            return;
        }
        Trace.Event event = events.get(index);
        long at = event.atNanos() + shift;
        pending = loop.at(at, () -> {
            deliver(event, at);
            step(events, index + 1, shift, generation, whenDone);
        });
    }

    /**
     * A foot pressing a pad briefly (a key standing in for a pad in the simulation): pressed now and
     * released after {@code hold}, through the debouncer like any edge; a trace playing goes on. Safe
     * from any thread. Pads beyond the mat are ignored.
     */
    public void tap(int pad, java.time.Duration hold) {
        loop.execute(() -> {
            if (pad < 1 || pad > mat.padCount()) {
                return;
            }
            mat.edge(pad, true, loop.nanos());
            loop.schedule(hold, () -> mat.edge(pad, false, loop.nanos()));
        });
    }

    /** Stops the trace playing now, if any. On the loop thread. */
    public void stop() {
        playing++;
        if (pending != null) {
            pending.cancel();
            pending = null;
        }
        distance.stopped();
    }

    private void deliver(Trace.Event event, long at) {
        switch (event) {
            case Trace.Distance d -> distance.deliver(new DistanceSample(at, d.millimetres(), d.quality()));
            case Trace.Pad p -> {
                if (p.pad() > mat.padCount()) {
                    log.warn("trace has pad {}; the mat has {}", p.pad(), mat.padCount());
                } else {
                    mat.edge(p.pad(), p.pressed(), at);
                }
            }
        }
    }
}
