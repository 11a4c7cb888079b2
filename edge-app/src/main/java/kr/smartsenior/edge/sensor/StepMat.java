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

    /** "ok", or what is wrong ("pad 3 stuck pressed"). Safe from any thread. */
    String health();

    /** Releases the pins. Safe to call twice. */
    @Override
    void close();
}
