package kr.smartsenior.edge.sensor;

/**
 * A mat of foot pads, each a switch. Implemented by the GPIO driver ({@link GpioStepMat}) and the
 * simulator ({@link SimulatedStepMat}); both debounce the same way and deliver {@link PadEvent}s
 * on the {@link SensorLoop}.
 *
 * <p>Reference layout (docs/hardware.md): 1 left foot and 2 right foot, side by side in front of
 * the kiosk; 3 the turn marker of the timed up-and-go, 3 m from the chair; 4 spare (a second
 * marker).
 */
public interface StepMat extends AutoCloseable {

    /** Pads on this mat, numbered 1 to this. */
    int padCount();

    /** Whether a foot is on the pad now (debounced). Call on the loop thread. */
    boolean pressed(int pad);

    /** Adds a listener for every debounced change of every pad. */
    void addListener(PadListener listener);

    /** Removes a listener added before; unknown ones are ignored. */
    void removeListener(PadListener listener);

    /**
     * "ok", or what is wrong ("pad 3 stuck pressed"). A pad is stuck when it stays pressed while no test or
     * program uses the mat ({@link #use()}) and the distance sensor sees nobody ({@link #presence}); when the
     * distance sensor has told nothing, after three minutes pressed. Safe from any thread.
     */
    String health();

    /**
     * A test or an exercise program uses the mat from now until the returned hand-back runs: its pads are
     * not reported stuck meanwhile (a senior may stand on them for minutes). Safe from any thread; the
     * hand-back is safe to run twice.
     */
    default Runnable use() {
        return () -> { };
    }

    /** What the distance sensor says after each reading, for the stuck check. On the loop thread. */
    default void presence(MotionState state) {
    }

    /** Releases the pins. Safe to call twice. */
    @Override
    void close();
}
