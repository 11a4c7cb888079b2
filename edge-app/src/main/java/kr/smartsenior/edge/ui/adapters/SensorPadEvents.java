package kr.smartsenior.edge.ui.adapters;

import java.util.function.IntConsumer;
import kr.smartsenior.edge.sensor.StepMat;
import kr.smartsenior.edge.ui.ports.PadEvents;

/** Every debounced press of the step mat, as the screens' hands-free "yes". */
public final class SensorPadEvents implements PadEvents {

    private final StepMat mat;

    public SensorPadEvents(StepMat mat) {
        this.mat = mat;
    }

    @Override
    public void start(IntConsumer listener) {
        mat.addListener(event -> {
            if (event.pressed()) {
                listener.accept(event.pad());
            }
        });
    }
}
