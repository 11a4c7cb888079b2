/**
 * The kiosk's screens for seniors (JavaFX): idle, greeting, home, the guided test battery, the
 * exercise programs, today's summary, goodbye, the "계속하시겠어요?" timeout and calm error screens, each instruction also spoken.
 *
 * <p>What drives the screens comes in through small ports, so real drivers and simulators plug in
 * the same way: {@link kr.smartsenior.edge.ui.CardEvents} (identified cards and refused ones),
 * {@link kr.smartsenior.edge.ui.PresenceEvents} (someone in front of the kiosk),
 * {@link kr.smartsenior.edge.ui.PadEvents} (a step-mat pad pressed, a hands-free "yes"),
 * {@link kr.smartsenior.edge.ui.FitnessTests} (the test protocols),
 * {@link kr.smartsenior.edge.ui.ExercisePrograms} (the exercise programs, which record their own
 * sessions through the recorder) and {@link kr.smartsenior.edge.ui.MemberInfo} (the prescription). {@link kr.smartsenior.edge.ui.KioskUi}
 * opens the window; results leave only through the recorder it is given ({@code Kiosk::record}).
 *
 * <p>Threads: every event, from a sensor or a button, becomes one call on {@code KioskController},
 * which runs it on its single ordered executor ({@code ssc-ui-controller}); the controller publishes
 * screens to the view model only through {@code Platform.runLater}; views bind to the view model
 * and call the controller back. Port implementations may call their listeners on any thread.
 */
package kr.smartsenior.edge.ui;
