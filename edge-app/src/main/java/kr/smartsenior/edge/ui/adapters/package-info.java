/**
 * The screens' ports implemented over the kiosk's own features: the fitness tests of
 * {@code measure}, the exercise programs of {@code exercise}, and pad presses and presence from
 * {@code sensor}. With these the screens drive the real protocols, on the real sensors or on the
 * simulated ones (which is what {@code KioskMain --simulate} does).
 *
 * <p>Threads: sensor events and protocol listeners arrive on the sensor loop and are handed to the
 * port's listener there; the screens' controller moves them to its own thread.
 */
package kr.smartsenior.edge.ui.adapters;
