package kr.smartsenior.edge.sensor;

/** Hears the step mat; called on the {@link SensorLoop} thread. */
@FunctionalInterface
public interface PadListener {

    void onPad(PadEvent event);
}
