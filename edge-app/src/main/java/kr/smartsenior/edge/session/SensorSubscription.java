package kr.smartsenior.edge.session;

import kr.smartsenior.edge.sensor.MotionListener;
import kr.smartsenior.edge.sensor.PadListener;
import kr.smartsenior.edge.sensor.Sensors;

/**
 * A session's hold on the sensors: its pad and motion listeners are registered while it runs, once
 * however often it starts, and removed when it ends; meanwhile the mat is in use ({@link
 * kr.smartsenior.edge.sensor.StepMat#use()}: its pads are not reported stuck). On the loop.
 */
public final class SensorSubscription {

    private final Sensors sensors;
    private final PadListener pads;
    private final MotionListener motion;
    private boolean active;
    private Runnable matInUse = () -> { };

    public SensorSubscription(Sensors sensors, PadListener pads, MotionListener motion) {
        this.sensors = sensors;
        this.pads = pads;
        this.motion = motion;
    }

    /** Starts hearing the mat and the motion signals; nothing when already hearing them. */
    public void start() {
        if (!active) {
            sensors.mat().addListener(pads);
            sensors.motion().addListener(motion);
            matInUse = sensors.mat().use(); // a senior standing on the pads for minutes is no stuck pad
            active = true;
        }
    }

    /** Stops hearing them; nothing when not hearing them. */
    public void stop() {
        if (active) {
            sensors.mat().removeListener(pads);
            sensors.motion().removeListener(motion);
            matInUse.run();
            active = false;
        }
    }

    public boolean active() {
        return active;
    }
}
