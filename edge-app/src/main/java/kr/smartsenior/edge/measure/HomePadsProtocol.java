package kr.smartsenior.edge.measure;

import kr.smartsenior.edge.sensor.PadEvent;
import kr.smartsenior.edge.sensor.Sensors;
import kr.smartsenior.edge.session.MatPresence;
import kr.smartsenior.protocol.MeasurementCode;

/**
 * A test that starts standing with both feet on the home pads (the 2-minute step, the one-leg stance):
 * in the start position when both are pressed, started early when a foot leaves them during the
 * countdown, which watches only once the feet settled ({@link SensorProtocol#startsOnPads()}).
 */
abstract class HomePadsProtocol extends SensorProtocol {

    /** The feet on the home pads, as the test sees them. */
    final MatPresence feet;

    HomePadsProtocol(MeasurementCode code, Sensors sensors) {
        super(code, sensors);
        this.feet = new MatPresence(sensors.mat());
    }

    @Override
    final boolean inStartPosition() {
        return feet.onHome();
    }

    @Override
    final boolean startsOnPads() {
        return true;
    }

    @Override
    final boolean falseStart(PadEvent event) {
        return MatPresence.leftHome(event);
    }
}
