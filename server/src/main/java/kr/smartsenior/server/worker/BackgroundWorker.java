package kr.smartsenior.server.worker;

import org.springframework.context.SmartLifecycle;

/**
 * The one lifecycle of the server's background workers: Spring starts and stops each at its
 * {@link Worker}'s phase, and the worker only says what starting and stopping mean
 * ({@link #startWork()}, {@link #stopWork()}) and makes its threads with {@link #namedThread()}, named
 * after its {@link Worker}. {@link #isRunning()} is true from just before {@code startWork} until
 * just before {@code stopWork}, so a worker's loops and callbacks can ask it.
 */
public abstract class BackgroundWorker implements SmartLifecycle {

    private final Worker worker;
    private volatile boolean running;

    protected BackgroundWorker(Worker worker) {
        this.worker = worker;
    }

    /** Starts the worker's threads, subscriptions or first publications. Called once, at start-up. */
    protected abstract void startWork();

    /** Stops what {@link #startWork()} started, waiting where the worker must finish its current job. */
    protected abstract void stopWork();

    /** A platform thread builder named after this worker's {@link Worker#threadName()}. */
    protected final Thread.Builder.OfPlatform namedThread() {
        if (worker.threadName() == null) {
            throw new IllegalStateException(worker + " has no thread of its own");
        }
        return Thread.ofPlatform().name(worker.threadName());
    }

    @Override
    public final void start() {
        running = true;
        startWork();
    }

    @Override
    public final void stop() {
        running = false;
        stopWork();
    }

    @Override
    public final boolean isRunning() {
        return running;
    }

    @Override
    public final int getPhase() {
        return worker.phase();
    }
}
