package kr.smartsenior.edge.sensor;

import java.time.Duration;
import java.util.PriorityQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link SensorLoop} on virtual time: nothing runs until {@link #advanceTo} or
 * {@link #runFor} moves the clock, and then every due task runs at once, in time order, on the
 * calling thread. A two-minute test replays in milliseconds and gives the same result every time.
 * For tests and for checking recorded traces; not thread-safe (call it from one thread).
 */
public final class VirtualSensorLoop implements SensorLoop {

    private static final Logger log = LoggerFactory.getLogger(VirtualSensorLoop.class);

    private final PriorityQueue<Task> queue = new PriorityQueue<>();
    private long now;
    private long sequence;
    private boolean closed;

    @Override
    public long nanos() {
        return now;
    }

    @Override
    public void execute(Runnable task) {
        add(now, 0, task);
    }

    @Override
    public Scheduled schedule(Duration delay, Runnable task) {
        return add(now + Math.max(0, delay.toNanos()), 0, task);
    }

    @Override
    public Scheduled at(long loopNanos, Runnable task) {
        return add(Math.max(now, loopNanos), 0, task);
    }

    @Override
    public Scheduled every(Duration period, Runnable task) {
        long nanos = Math.max(1, period.toNanos());
        return add(now + nanos, nanos, task);
    }

    @Override
    public double speed() {
        return 1;
    }

    /** Runs every task due up to and including {@code time}, then sets the clock to it. */
    public void advanceTo(long time) {
        while (!closed) {
            Task next = queue.peek();
            if (next == null || next.at > time) {
                break;
            }
            queue.poll();
            if (next.cancelled) {
                continue;
            }
            now = Math.max(now, next.at);
            if (next.period > 0) {
                next.at += next.period;
                next.order = sequence++;
                queue.add(next);
            }
            try {
                next.task.run();
            } catch (RuntimeException e) {
                log.error("a sensor task failed", e);
            }
        }
        now = Math.max(now, time);
    }

    /** Advances the clock by {@code duration}, running what falls due. */
    public void runFor(Duration duration) {
        advanceTo(now + duration.toNanos());
    }

    /** Runs what is due now (tasks handed over with {@link #execute}). */
    public void runPending() {
        advanceTo(now);
    }

    @Override
    public void close() {
        closed = true;
        queue.clear();
    }

    private Task add(long at, long period, Runnable task) {
        Task t = new Task(at, period, sequence++, task);
        if (!closed) {
            queue.add(t);
        }
        return t;
    }

    private static final class Task implements Comparable<Task>, Scheduled {
        long at;
        final long period;
        long order;
        final Runnable task;
        boolean cancelled;

        Task(long at, long period, long order, Runnable task) {
            this.at = at;
            this.period = period;
            this.order = order;
            this.task = task;
        }

        @Override
        public void cancel() {
            cancelled = true;
        }

        @Override
        public int compareTo(Task other) {
            int byTime = Long.compare(at, other.at);
            return byTime != 0 ? byTime : Long.compare(order, other.order);
        }
    }
}
