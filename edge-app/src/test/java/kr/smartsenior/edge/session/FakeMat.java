package kr.smartsenior.edge.session;

import java.util.ArrayList;
import java.util.List;
import kr.smartsenior.edge.sensor.PadEvent;
import kr.smartsenior.edge.sensor.PadListener;
import kr.smartsenior.edge.sensor.StepMat;

/** A step mat whose pads the test presses: the state changes first, then the listeners hear the event. */
final class FakeMat implements StepMat {

    private final boolean[] pressed;
    final List<PadListener> listeners = new ArrayList<>();

    FakeMat(int pads) {
        pressed = new boolean[pads + 1];
    }

    /** Sets a pad's state and returns the event the mat would deliver. */
    PadEvent set(int pad, boolean down, long at) {
        pressed[pad] = down;
        PadEvent event = new PadEvent(pad, down, at);
        listeners.forEach(listener -> listener.onPad(event));
        return event;
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
        listeners.add(listener);
    }

    @Override
    public void removeListener(PadListener listener) {
        listeners.remove(listener);
    }

    @Override
    public String health() {
        return "ok";
    }

    @Override
    public void close() {
    }
}
