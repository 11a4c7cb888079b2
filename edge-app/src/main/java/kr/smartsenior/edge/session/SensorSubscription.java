package kr.smartsenior.edge.session;

import kr.smartsenior.edge.sensor.MotionListener;
import kr.smartsenior.edge.sensor.PadListener;
import kr.smartsenior.edge.sensor.Sensors;

/**
 * A session's hold on the sensors: its pad and motion listeners are registered while it runs, once
 * however often it starts, and removed when it ends. On the loop.
 */
public final class SensorSubscription {

    private final Sensors sensors;
    private final PadListener pads;
    private final MotionListener motion;
    private boolean active;

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
            active = true;
        }
    }

    /** Stops hearing them; nothing when not hearing them. */
    public void stop() {
        if (active) {
            sensors.mat().removeListener(pads);
            sensors.motion().removeListener(motion);
            active = false;
        }
    }

    public boolean active() {
        return active;
    }
}
