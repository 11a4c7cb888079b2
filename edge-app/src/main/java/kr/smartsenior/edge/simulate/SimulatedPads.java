package kr.smartsenior.edge.simulate;

import java.util.function.IntConsumer;
import kr.smartsenior.edge.ui.ports.PadEvents;

/** Step-mat presses on command. */
public final class SimulatedPads implements PadEvents {

    private volatile IntConsumer listener = pad -> { };

    @Override
    public void start(IntConsumer listener) {
        this.listener = listener;
    }

    public void press(int pad) {
        listener.accept(pad);
    }
}
