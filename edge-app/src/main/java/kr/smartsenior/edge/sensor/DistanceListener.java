package kr.smartsenior.edge.sensor;

/** Hears every reading of the distance sensor; called on the {@link SensorLoop} thread. */
@FunctionalInterface
public interface DistanceListener {

    void onDistance(DistanceSample sample);
}
