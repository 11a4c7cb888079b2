package kr.smartsenior.edge.ui.adapters;

import java.time.Duration;
import java.util.function.Consumer;
import kr.smartsenior.edge.sensor.MotionSignals;
import kr.smartsenior.edge.sensor.MotionState;
import kr.smartsenior.edge.ui.ports.PresenceEvents;

/**
 * Someone in front of the kiosk, from the distance sensor's presence: arrived once present for
 * {@link #ARRIVE_AFTER}, left once absent for {@code leaveAfter} ({@link #LEAVE_AFTER} unless set:
 * {@code SensorSettings.absenceToPause}; someone passing by, or a moment out of the beam, changes nothing). A
 * lost signal changes nothing either. Runs on the sensor loop.
 */
public final class SensorPresenceEvents implements PresenceEvents {

    static final Duration ARRIVE_AFTER = Duration.ofMillis(500);
    static final Duration LEAVE_AFTER = Duration.ofSeconds(3);

    private final MotionSignals motion;
    private final Duration leaveAfter;
    private boolean present;
    private long changingSince = -1;

    public SensorPresenceEvents(MotionSignals motion) {
        this(motion, LEAVE_AFTER);
    }

    /** @param leaveAfter nobody in the beam this long is someone who left (a test pauses) */
    public SensorPresenceEvents(MotionSignals motion, Duration leaveAfter) {
        this.motion = motion;
        this.leaveAfter = leaveAfter;
    }

    @Override
    public void start(Consumer<Presence> listener) {
        motion.addListener(state -> onMotion(state, listener));
    }

    private void onMotion(MotionState state, Consumer<Presence> listener) {
        if (state.signalLost()) {
            return;
        }
        if (state.present() == present) {
            changingSince = -1;
            return;
        }
        if (changingSince < 0) {
            changingSince = state.atNanos();
        }
        Duration needed = state.present() ? ARRIVE_AFTER : leaveAfter;
        if (state.atNanos() - changingSince >= needed.toNanos()) {
            present = state.present();
            changingSince = -1;
            listener.accept(present ? Presence.ARRIVED : Presence.LEFT);
        }
    }
}
