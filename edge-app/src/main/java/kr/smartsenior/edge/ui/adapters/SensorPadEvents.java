package kr.smartsenior.edge.ui.adapters;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntConsumer;
import kr.smartsenior.edge.sensor.StepMat;
import kr.smartsenior.edge.ui.ports.PadEvents;

/**
 * Every debounced press of the step mat, as the screens' hands-free "yes"; which pads are down now,
 * from the same events, for a question answered by a pad held.
 */
public final class SensorPadEvents implements PadEvents {

    private final StepMat mat;
    private final Set<Integer> down = ConcurrentHashMap.newKeySet();

    public SensorPadEvents(StepMat mat) {
        this.mat = mat;
    }

    @Override
    public void start(IntConsumer listener) {
        mat.addListener(event -> {
            if (event.pressed()) {
                down.add(event.pad());
                listener.accept(event.pad());
            } else {
                down.remove(event.pad());
            }
        });
    }

    @Override
    public boolean held(int pad) {
        return down.contains(pad);
    }
}
