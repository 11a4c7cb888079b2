package kr.smartsenior.edge.simulate;

import java.util.function.Consumer;
import kr.smartsenior.edge.ui.ports.PresenceEvents;

/** Someone stepping in front of the kiosk or away, on command. */
public final class SimulatedPresence implements PresenceEvents {

    private volatile Consumer<Presence> listener = presence -> { };

    @Override
    public void start(Consumer<Presence> listener) {
        this.listener = listener;
    }

    public void arrive() {
        listener.accept(Presence.ARRIVED);
    }

    public void leave() {
        listener.accept(Presence.LEFT);
    }
}
