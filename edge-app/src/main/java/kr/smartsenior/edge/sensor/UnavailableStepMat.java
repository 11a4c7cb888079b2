package kr.smartsenior.edge.sensor;

import java.util.Objects;

/**
 * A step mat that could not be set up (its pins could not be claimed, the GPIO chip is missing, no
 * pin map): no pad is ever pressed, and {@link #health()} says why, so the device status reports the
 * failed self-test and the screens refuse tests and exercises calmly while cards and everything
 * else keep working. Not a simulator: it never produces an event.
 */
final class UnavailableStepMat implements StepMat {

    private final int pads;
    private final String problem;

    UnavailableStepMat(int pads, String problem) {
        this.pads = pads;
        this.problem = Objects.requireNonNull(problem, "problem");
    }

    @Override
    public int padCount() {
        return pads;
    }

    @Override
    public boolean pressed(int pad) {
        return false;
    }

    @Override
    public void addListener(PadListener listener) {
    }

    @Override
    public void removeListener(PadListener listener) {
    }

    @Override
    public String health() {
        return problem;
    }

    @Override
    public void close() {
    }
}
