/**
 * The kiosk's screens for seniors: the window ({@link kr.smartsenior.edge.ui.KioskUi}, its settings
 * {@link kr.smartsenior.edge.ui.UiSettings}) and the journey that drives it. The journey is split by
 * flow: the visit itself ({@code VisitFlow}: idle, card, greeting, home, today's summary, goodbye,
 * "계속하시겠어요?", calm problem screens and every screen's timeout), the guided test battery
 * ({@code TestBatteryFlow}) and the exercise programs ({@code ExerciseFlow}); {@code KioskController}
 * only routes inputs to them, and {@code Session} is the person being served, dropped as a whole when the
 * visit ends.
 *
 * <p>Sub-packages: {@code ports} (what drives the screens: cards, presence, pads, fitness tests,
 * exercise programs, prescriptions; {@code ui.adapters} and the simulators implement them),
 * {@code views} (what is shown: the immutable {@code Screen}s, their JavaFX views, the view model and
 * the Korean wording) and {@code voice} (the spoken prompts and their playback). Nothing here touches
 * storage, MQTT, sensor drivers or simulators; results leave only through the recorder
 * {@link kr.smartsenior.edge.ui.KioskUi#open} is given ({@code Kiosk::record}).
 *
 * <p>Threads: every event, from a port or a button, becomes one step on the controller's single ordered
 * executor ({@code ssc-ui-controller}), and all the flows run there, so their state has one thread; the
 * flows publish screens to the view model only through {@code Platform.runLater}
 * ({@code views.FxScreenSink}); views bind to the view model and call the controller back. Port
 * implementations may call their listeners on any thread.
 */
package kr.smartsenior.edge.ui;
