package kr.smartsenior.edge.sensor;

/**
 * What every step mat shares: the pads' state, listeners and health come from one
 * {@link PadDebouncer}; a subclass only feeds it raw edges (GPIO pins, or a trace).
 */
abstract class DebouncedStepMat implements StepMat {

    final PadDebouncer debouncer;

    DebouncedStepMat(PadDebouncer debouncer) {
        this.debouncer = debouncer;
    }

    @Override
    public final int padCount() {
        return debouncer.pads();
    }

    @Override
    public final boolean pressed(int pad) {
        return debouncer.pressed(pad);
    }

    @Override
    public final void addListener(PadListener listener) {
        debouncer.addListener(listener);
    }

    @Override
    public final void removeListener(PadListener listener) {
        debouncer.removeListener(listener);
    }

    @Override
    public final Runnable use() {
        return debouncer.use();
    }

    @Override
    public final void presence(MotionState state) {
        debouncer.presence(state);
    }

    @Override
    public final String health() {
        return debouncer.health();
    }
}
