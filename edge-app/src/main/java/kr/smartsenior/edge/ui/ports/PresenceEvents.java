package kr.smartsenior.edge.ui.ports;

import java.util.function.Consumer;

/**
 * Whether someone stands in front of the kiosk (the distance sensor's presence detection). The idle
 * screen wakes up and speaks its invitation when someone arrives.
 */
public interface PresenceEvents {

    /**
     * Delivers every change from now on to {@code listener}, on any thread. Called once. Repeated
     * events of the same kind are harmless.
     */
    void start(Consumer<Presence> listener);

    /** A change of presence. */
    enum Presence {
        ARRIVED,
        LEFT
    }
}
