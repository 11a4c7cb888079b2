/**
 * The screens' ports: the small interfaces through which everything that drives the screens comes in,
 * so real drivers and simulators plug in the same way: {@link kr.smartsenior.edge.ui.ports.CardEvents}
 * (identified cards and refused ones), {@link kr.smartsenior.edge.ui.ports.PresenceEvents} (someone in
 * front of the kiosk), {@link kr.smartsenior.edge.ui.ports.PadEvents} (a step-mat pad pressed, a
 * hands-free "yes"), {@link kr.smartsenior.edge.ui.ports.FitnessTests} (the test protocols),
 * {@link kr.smartsenior.edge.ui.ports.ExercisePrograms} (the exercise programs, which record their own
 * sessions through the recorder) and {@link kr.smartsenior.edge.ui.ports.MemberInfo} (the
 * prescription) and {@link kr.smartsenior.edge.ui.ports.UnwellDays} (who said today they were unwell,
 * kept by the local store). {@code ui.adapters} implements them over the kiosk's features; {@code simulate}
 * scripts them for tests and demonstrations.
 *
 * <p>The ports depend on the protocol's catalogue ({@code MeasurementCode}, {@code MeasurementRecord})
 * and on one type of the exercise engine: what a cue asks for,
 * {@link kr.smartsenior.edge.exercise.Cue.Kind}, is the target's {@code move}. It used to be copied
 * here as {@code Move} and mapped by name, which compiles when the engine gains a kind and fails at
 * run time in front of a senior; sharing the engine's own enum makes the screens' exhaustive switches
 * ({@code views.ExerciseGuide}) fail to compile instead, until they say how to show and speak it.
 * {@code Cue.Kind} is a plain enum of the exercise vocabulary (no sensors, threads or state), so the
 * ports stay as independent of the engine as before.
 *
 * <p>Listeners may be called on any thread, in order, never concurrently; the screens move every event
 * to their own thread.
 */
package kr.smartsenior.edge.ui.ports;
