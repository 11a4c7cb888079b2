package kr.smartsenior.edge.ui;

import java.time.Clock;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import kr.smartsenior.edge.ui.ports.CardEvents.CardEvent;
import kr.smartsenior.edge.ui.ports.PresenceEvents.Presence;
import kr.smartsenior.edge.ui.views.Action;
import kr.smartsenior.edge.ui.views.Screen;
import kr.smartsenior.edge.ui.views.ScreenSink;
import kr.smartsenior.protocol.MeasurementCode;
import kr.smartsenior.protocol.MeasurementRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The journey of one senior at the kiosk. Every input (a card, presence, a pad, a tap on a button, a
 * test's or exercise's event, a timeout) becomes one step on the one ordered executor, so the journey's
 * state is only ever touched by one thread. This class only routes: the visit ({@link VisitFlow}:
 * session, home, summary, goodbye, timers), the test battery ({@link TestBatteryFlow}) and the exercise
 * programs ({@link ExerciseFlow}) do the work. Screens and voice leave through the {@link ScreenSink};
 * results leave through the recorder ({@code Kiosk::record}) before they are shown.
 */
public final class KioskController {

    private static final Logger log = LoggerFactory.getLogger(KioskController.class);

    private final KioskUi.Ports ports;
    private final VisitFlow visit;
    private final TestBatteryFlow battery;
    private final ExerciseFlow exercises;
    /** Presses per pad so far (on the executor): a hold counts only if its press was the pad's last. */
    private final java.util.Map<Integer, Long> presses = new java.util.HashMap<>();

    public KioskController(KioskUi.Ports ports, Consumer<MeasurementRecord> recorder, ScreenSink sink, UiSettings settings, Clock clock,
            ScheduledExecutorService executor) {
        this.ports = ports;
        this.visit = new VisitFlow(ports.tests(), ports.members(), ports.unwellDays(), ports.notice(), sink, settings, clock, executor,
                this::cancelRuns);
        this.battery = new TestBatteryFlow(visit, ports.tests(), recorder, sink, clock);
        this.exercises = new ExerciseFlow(visit, ports.exercises(), recorder, sink, clock);
    }

    /** Shows the idle screen and starts listening to the ports. */
    public void start() {
        visit.submit(() -> visit.show(visit.idle(false)));
        ports.cards().start(this::cardShown);
        ports.presence().start(this::presenceChanged);
        ports.pads().start(this::padPressed);
    }

    // --- inputs: callable from any thread ---

    /** The admin's remote idle timeout: the next screen timeout that waits for input uses it. */
    public void idleTimeout(java.time.Duration next) {
        visit.submit(() -> visit.idleTimeout(next));
    }

    java.time.Duration idleTimeout() {
        return visit.idleTimeout();
    }

    void cardShown(CardEvent card) {
        visit.submit(() -> visit.onCard(card));
    }

    /**
     * Someone came or went. During a visit, leaving pauses a test and asks "계속하시겠어요?" (or asks it on a
     * screen waiting for the senior), and ends the visit if they stay away ({@link VisitFlow#onPresence}).
     */
    void presenceChanged(Presence presence) {
        visit.submit(() -> {
            visit.onPresence(presence);
            if (presence == Presence.LEFT && visit.session() != null && !exercises.running() && !battery.pauseForAbsence()) {
                visit.askIfStillThere();
            }
        });
    }

    /**
     * A pad pressed: the screen's main choice at once; on a question (decision 0028) its main answer only
     * if the foot is still on that pad {@link Screen.Question#PAD_HOLD} later, with no other press of that
     * pad in between and the question still shown.
     */
    void padPressed(int pad) {
        visit.submit(() -> {
            Screen on = visit.screen();
            long press = presses.merge(pad, 1L, Long::sum);
            on.padAction().ifPresentOrElse(this::onAction, () -> on.padHoldAction().ifPresentOrElse(
                    answer -> visit.later(Screen.Question.PAD_HOLD, () -> {
                        if (on == visit.screen() && presses.get(pad) == press && ports.pads().held(pad)) {
                            log.info("pad {} held on {}: {}", pad, on.getClass().getSimpleName(), answer);
                            onAction(answer);
                        }
                    }),
                    () -> log.debug("pad {} pressed; nothing to confirm on {}", pad, on.getClass().getSimpleName())));
        });
    }

    /**
     * A button of {@code on} was tapped. Ignored unless {@code on} is still the current screen and
     * offers the action (a late tap on a screen that has just gone does nothing).
     */
    public void act(Screen on, Action action) {
        visit.submit(() -> {
            if (on == visit.screen()) {
                onAction(action);
            } else {
                log.debug("{} tapped on a screen that is gone; ignored", action);
            }
        });
    }

    /** Something failed outside the controller's own steps (the FX thread, a port): calm screen. */
    void unexpected(Throwable failure) {
        visit.submit(() -> visit.onUnexpected(failure));
    }

    // --- on the executor ---

    private void onAction(Action action) {
        Screen screen = visit.screen();
        if (!screen.offers(action)) {
            log.debug("{} is not offered on {}; ignored", action, screen.getClass().getSimpleName());
            return;
        }
        switch (action) {
            case NEXT -> {
                if (screen instanceof Screen.Result) {
                    battery.next();
                } else {
                    visit.showHome();
                }
            }
            case MEASURE -> battery.measure();
            case UNWELL -> battery.start(true);
            case WELL -> battery.start(false);
            case HANDS_FREE -> battery.handsFree(true);
            case HOLD_CHAIR -> battery.handsFree(false);
            case EXERCISE -> exercises.showPrograms();
            case CHOOSE_STEP_JUMP -> exercises.choose(MeasurementCode.STEP_JUMP);
            case CHOOSE_BALANCE -> exercises.choose(MeasurementCode.BALANCE);
            case CHOOSE_INTERVAL -> exercises.choose(MeasurementCode.INTERVAL);
            case SYMPTOM -> exercises.symptom();
            case END_EXERCISE -> exercises.end();
            case RESUME -> exercises.resume();
            case RECORDS -> visit.showSummary(false);
            case FINISH -> visit.goodbye();
            case READY -> {
                if (screen instanceof Screen.ExerciseBriefing && exercises.running()) {
                    exercises.begin();
                } else {
                    battery.ready();
                }
            }
            case SKIP -> battery.skip();
            case STOP -> {
                if (exercises.running()) {
                    exercises.hold();
                } else {
                    battery.stop();
                }
            }
            case RETRY -> battery.retry();
            case NEXT_PAGE -> visit.turnPage(1);
            case PREVIOUS_PAGE -> visit.turnPage(-1);
            case KEEP_GOING -> visit.keepGoing();
            case HOME -> visit.showHome();
            case START_OVER -> visit.endSession();
            case EFFORT_0, EFFORT_1, EFFORT_2, EFFORT_3, EFFORT_4, EFFORT_5, EFFORT_6, EFFORT_7, EFFORT_8, EFFORT_9,
                    EFFORT_10 -> exercises.effort(action.effortRating());
            case NO_EFFORT -> exercises.noEffort();
            case STAFF_MENU -> visit.staffMenu();
            case VALIDATION_ON -> visit.validation(true);
            case VALIDATION_OFF -> visit.validation(false);
            case DIGIT_0, DIGIT_1, DIGIT_2, DIGIT_3, DIGIT_4, DIGIT_5, DIGIT_6, DIGIT_7, DIGIT_8, DIGIT_9, DECIMAL_POINT,
                    ERASE -> battery.type(action);
            case SAVE_HAND_VALUE -> battery.saveHandValue();
            case NO_HAND_VALUE -> battery.noHandValue();
        }
    }

    /** Whatever runs, a test or an exercise, is cancelled (the visit moves on without it). */
    private void cancelRuns() {
        exercises.cancel();
        battery.cancel();
    }

    /** The current screen; for tests, read on the executor. */
    Screen screen() {
        return visit.screen();
    }
}
