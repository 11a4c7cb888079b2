package kr.smartsenior.edge.sensor;

/** Hears the derived motion signals after each distance reading; called on the {@link SensorLoop} thread. */
@FunctionalInterface
public interface MotionListener {

    void onMotion(MotionState state);
}
