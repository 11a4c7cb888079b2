package kr.smartsenior.edge.sensor;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.PriorityQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link SensorLoop} on a real thread ({@code ssc-sensor-loop}) whose clock runs {@code speed}
 * times faster than {@link System#nanoTime()}: speed 1 on the kiosk, 20 in the demo
 * ({@code SSC_SIM_SPEED}).
 *
 * <p>Tasks wait in one queue ordered by loop time, so when the thread falls behind (a slow disk
 * write, a burst of events at 200x) the overdue tasks still run in the order of the times they
 * were meant for: listeners see the same sequence at any speed. A task that throws is logged and
 * the loop goes on.
 */
public final class ScaledSensorLoop implements SensorLoop {

    /** Loop thread name; also how the benchmark finds it. */
    public static final String THREAD_NAME = "ssc-sensor-loop";
    /** Far beyond any simulation worth watching; keeps the arithmetic well inside a long. */
    public static final double MAX_SPEED = 10_000;

    private static final Logger log = LoggerFactory.getLogger(ScaledSensorLoop.class);

    private final double speed;
    private final long origin = System.nanoTime();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final PriorityQueue<Task> queue = new PriorityQueue<>();
    private final Thread thread;
    private long sequence;
    private boolean closed;

    /** A loop running {@code speed} times faster than real time (1 = real time). */
    public ScaledSensorLoop(double speed) {
        if (!(speed > 0) || speed > MAX_SPEED) {
            throw new IllegalArgumentException("speed must be more than 0 and at most " + MAX_SPEED + ", got " + speed);
        }
        this.speed = speed;
        this.thread = new Thread(this::run, THREAD_NAME);
        this.thread.setDaemon(true);
        this.thread.start();
    }

    @Override
    public long nanos() {
        long real = System.nanoTime() - origin;
        return speed == 1 ? real : (long) (real * speed);
    }

    @Override
    public void execute(Runnable task) {
        add(nanos(), 0, task);
    }

    @Override
    public Scheduled schedule(Duration delay, Runnable task) {
        return add(nanos() + Math.max(0, delay.toNanos()), 0, task);
    }

    @Override
    public Scheduled at(long loopNanos, Runnable task) {
        return add(loopNanos, 0, task);
    }

    @Override
    public Scheduled every(Duration period, Runnable task) {
        long nanos = Math.max(1, period.toNanos());
        return add(nanos() + nanos, nanos, task);
    }

    @Override
    public double speed() {
        return speed;
    }

    /** CPU time the loop thread has used so far, in nanoseconds (-1 when the JVM cannot tell). */
    public long cpuNanos() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        return threads.isThreadCpuTimeSupported() ? threads.getThreadCpuTime(thread.threadId()) : -1;
    }

    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            queue.clear();
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        if (Thread.currentThread() != thread) {
            try {
                thread.join(TimeUnit.SECONDS.toMillis(2));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (thread.isAlive()) {
                log.warn("the sensor loop did not stop within 2 s");
            }
        }
    }

    private Task add(long at, long period, Runnable runnable) {
        lock.lock();
        try {
            Task task = new Task(at, period, sequence++, runnable);
            if (!closed) {
                boolean first = queue.isEmpty() || task.compareTo(queue.peek()) < 0;
                queue.add(task);
                if (first) {
                    changed.signal();
                }
            }
            return task;
        } finally {
            lock.unlock();
        }
    }

    private void run() {
        while (true) {
            Task due;
            lock.lock();
            try {
                due = null;
                while (due == null) {
                    if (closed) {
                        return;
                    }
                    Task head = queue.peek();
                    if (head == null) {
                        changed.awaitUninterruptibly();
                    } else if (head.cancelled.get()) {
                        queue.poll();
                    } else {
                        long wait = head.at - nanos();
                        if (wait > 0) {
                            changed.awaitNanos(Math.max(1, (long) (wait / speed)));
                        } else {
                            due = queue.poll();
                            if (due.period > 0) {
                                queue.add(due.next(sequence++));
                            }
                        }
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                lock.unlock();
            }
            try {
                due.runnable.run();
            } catch (RuntimeException e) {
                // one bad event must not stop the sensors, nor a periodic task
                log.error("a sensor task failed", e);
            }
        }
    }

    private static final class Task implements Comparable<Task>, Scheduled {
        final long at;
        final long period;
        final long order;
        final Runnable runnable;
        /** Shared by every run of a periodic task, so the first handle cancels them all. */
        final AtomicBoolean cancelled;

        Task(long at, long period, long order, Runnable runnable) {
            this(at, period, order, runnable, new AtomicBoolean());
        }

        private Task(long at, long period, long order, Runnable runnable, AtomicBoolean cancelled) {
            this.at = at;
            this.period = period;
            this.order = order;
            this.runnable = runnable;
            this.cancelled = cancelled;
        }

        Task next(long nextOrder) {
            return new Task(at + period, period, nextOrder, runnable, cancelled);
        }

        @Override
        public void cancel() {
            cancelled.set(true);
        }

        @Override
        public int compareTo(Task other) {
            int byTime = Long.compare(at, other.at);
            return byTime != 0 ? byTime : Long.compare(order, other.order);
        }
    }
}
