package kr.smartsenior.edge.simulate;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntConsumer;
import kr.smartsenior.edge.ui.ports.PadEvents;

/** Step-mat presses on command: a quick press, or a foot put on a pad and kept there until released. */
public final class SimulatedPads implements PadEvents {

    private volatile IntConsumer listener = pad -> { };
    private final Set<Integer> down = ConcurrentHashMap.newKeySet();

    @Override
    public void start(IntConsumer listener) {
        this.listener = listener;
    }

    /** A quick press: on and off at once (not held). */
    public void press(int pad) {
        listener.accept(pad);
    }

    /** A foot put on the pad and kept there until {@link #release}. */
    public void hold(int pad) {
        down.add(pad);
        listener.accept(pad);
    }

    public void release(int pad) {
        down.remove(pad);
    }

    @Override
    public boolean held(int pad) {
        return down.contains(pad);
    }
}
