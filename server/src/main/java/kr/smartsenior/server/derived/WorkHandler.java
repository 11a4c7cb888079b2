package kr.smartsenior.server.derived;

/**
 * Does one kind of derived work for one key, on a thread of the {@code ssc-derived} worker. A
 * feature provides it as a bean. It may be called on any server instance, at most once at a time per
 * key across all instances (the row's lease); it must be idempotent, since work interrupted by a
 * crash is done again. Throwing leaves the row in the queue, tried again later.
 */
public interface WorkHandler {

    WorkKind kind();

    void perform(String key) throws Exception;

    /**
     * Thrown by {@link #perform} when the work cannot be done yet for a reason that is not the key's
     * (the broker not connected yet at start-up): the row is given back and tried again after
     * {@link #RETRY_NOT_READY}, without counting as a failure.
     */
    final class NotReady extends RuntimeException {

        public NotReady(String message) {
            super(message, null, false, false);
        }
    }

    /** How long a row whose handler was {@link NotReady} waits. */
    java.time.Duration RETRY_NOT_READY = java.time.Duration.ofSeconds(5);
}
