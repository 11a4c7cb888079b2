package kr.smartsenior.edge.sensor;

import java.time.Duration;

/**
 * The one thread on which sensor events are delivered and test protocols run, with its own
 * monotonic clock. Drivers stamp events with {@link #nanos()} and hand them over with
 * {@link #execute}; protocols schedule their timers here. Because everything runs in order on one
 * thread, listeners need no locks.
 *
 * <p>The clock may run faster than real time ({@link ScaledSensorLoop} with a speed above 1, for
 * simulations) or on virtual time ({@link VirtualSensorLoop}, for tests): consumers only ever see
 * loop time, so they behave the same either way.
 */
public interface SensorLoop extends AutoCloseable {

    /** Monotonic loop time in nanoseconds; only differences mean anything. Safe from any thread. */
    long nanos();

    /** Runs the task on the loop thread, after the tasks already handed over. Safe from any thread. */
    void execute(Runnable task);

    /** Runs the task on the loop thread once {@code delay} of loop time has passed. */
    Scheduled schedule(Duration delay, Runnable task);

    /**
     * Runs the task on the loop thread at a loop time (at once if it has passed). Tasks run in the
     * order of the times they were meant for, even when the loop falls behind.
     */
    Scheduled at(long loopNanos, Runnable task);

    /** Runs the task on the loop thread every {@code period} of loop time, first after one period. */
    Scheduled every(Duration period, Runnable task);

    /** How many loop seconds pass per real second (1 on real hardware). */
    double speed();

    /** Stops the loop; pending tasks are dropped. Safe to call twice. */
    @Override
    void close();

    /** A task waiting on the loop. */
    interface Scheduled {
        /** The task will not run (again). Safe to call twice, and after it ran. */
        void cancel();
    }
}
