package kr.smartsenior.edge.session;

import kr.smartsenior.edge.sensor.PadEvent;
import kr.smartsenior.edge.sensor.PadListener;
import kr.smartsenior.edge.sensor.StepMat;

/** A step mat whose pads the test presses, as the debounced mat has them: the state first, then the event. */
final class FakeMat implements StepMat {

    private final boolean[] pressed;

    FakeMat(int pads) {
        pressed = new boolean[pads + 1];
    }

    /** Sets a pad's state and returns the event the mat would deliver. */
    PadEvent set(int pad, boolean down, long at) {
        pressed[pad] = down;
        return new PadEvent(pad, down, at);
    }

    @Override
    public int padCount() {
        return pressed.length - 1;
    }

    @Override
    public boolean pressed(int pad) {
        return pressed[pad];
    }

    @Override
    public void addListener(PadListener listener) {
        throw new UnsupportedOperationException("MatPresence is handed the events");
    }

    @Override
    public void removeListener(PadListener listener) {
        throw new UnsupportedOperationException("MatPresence is handed the events");
    }

    @Override
    public String health() {
        return "ok";
    }

    @Override
    public void close() {
    }
}
