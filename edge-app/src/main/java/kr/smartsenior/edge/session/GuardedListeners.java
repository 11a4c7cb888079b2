package kr.smartsenior.edge.session;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;

/**
 * A session's listeners, told of each event in the order they were added. A listener that throws is
 * logged and the others are still told: a failing screen never stops a test or an exercise.
 *
 * @param <L> the listener type
 */
public final class GuardedListeners<L> {

    private final List<L> listeners = new CopyOnWriteArrayList<>();
    private final Logger log;
    private final String failure;

    /**
     * @param log     the session's logger, so a failure is logged where the session logs
     * @param failure what the log says when a listener throws ("a test listener failed")
     */
    public GuardedListeners(Logger log, String failure) {
        this.log = log;
        this.failure = failure;
    }

    /** Safe from any thread. */
    public void add(L listener) {
        listeners.add(listener);
    }

    /** Tells every listener, each guarded on its own. */
    public void tell(Consumer<? super L> event) {
        for (L listener : listeners) {
            try {
                event.accept(listener);
            } catch (RuntimeException e) {
                log.error(failure, e);
            }
        }
    }
}
