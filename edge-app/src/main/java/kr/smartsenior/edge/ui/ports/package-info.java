/**
 * The screens' ports: the small interfaces through which everything that drives the screens comes in,
 * so real drivers and simulators plug in the same way: {@link kr.smartsenior.edge.ui.ports.CardEvents}
 * (identified cards and refused ones), {@link kr.smartsenior.edge.ui.ports.PresenceEvents} (someone in
 * front of the kiosk), {@link kr.smartsenior.edge.ui.ports.PadEvents} (a step-mat pad pressed, a
 * hands-free "yes"), {@link kr.smartsenior.edge.ui.ports.FitnessTests} (the test protocols),
 * {@link kr.smartsenior.edge.ui.ports.ExercisePrograms} (the exercise programs, which record their own
 * sessions through the recorder) and {@link kr.smartsenior.edge.ui.ports.MemberInfo} (the
 * prescription). {@code ui.adapters} implements them over the kiosk's features; {@code simulate}
 * scripts them for tests and demonstrations.
 *
 * <p>Listeners may be called on any thread, in order, never concurrently; the screens move every event
 * to their own thread.
 */
package kr.smartsenior.edge.ui.ports;
