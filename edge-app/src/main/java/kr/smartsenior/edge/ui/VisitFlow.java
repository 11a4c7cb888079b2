package kr.smartsenior.edge.ui;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import kr.smartsenior.edge.ui.ports.CardEvents.CardEvent;
import kr.smartsenior.edge.ui.ports.FitnessTests;
import kr.smartsenior.edge.ui.ports.MemberInfo;
import kr.smartsenior.edge.ui.ports.PresenceEvents.Presence;
import kr.smartsenior.edge.ui.ports.StaffNotice;
import kr.smartsenior.edge.ui.ports.UnwellDays;
import kr.smartsenior.edge.ui.views.Live;
import kr.smartsenior.edge.ui.views.Screen;
import kr.smartsenior.edge.ui.views.Screen.Problem;
import kr.smartsenior.edge.ui.views.ScreenSink;
import kr.smartsenior.edge.ui.views.ScreenWording;
import kr.smartsenior.edge.ui.voice.Prompt;
import kr.smartsenior.edge.ui.voice.SpeechComposer;
import kr.smartsenior.edge.ui.voice.Utterance;
import kr.smartsenior.protocol.KioskPrescription;
import kr.smartsenior.protocol.MemberResults;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The visit itself: the idle screen, a card starting a {@link Session}, the greeting, home, today's
 * summary, goodbye, the "계속하시겠어요?" question, calm problem screens, and the one timeout of each
 * screen. It owns the current screen and the ordered executor everything runs on: {@link #submit}
 * and the timers run each step guarded, so anything unexpected ends the visit calmly.
 *
 * <p>A session exists from the greeting to the goodbye; ending it, by goodbye, timeout or an
 * unexpected error, cancels whatever runs ({@code cancelRuns}: a test, an exercise), drops it and shows
 * the idle screen. All methods but {@link #submit} run on the executor's thread.
 *
 * <p>It also keeps what holds across visits: who said today they were unwell ({@link UnwellDays}: no
 * test and no exercise for them until tomorrow, by the kiosk's local date) and whether staff switched
 * this kiosk to 검증 측정 (validation: each sensor test is also taken by hand; off after a restart).
 */
final class VisitFlow {

    private static final Logger log = LoggerFactory.getLogger(VisitFlow.class);
    /** How often the quiet idle screen looks whether its staff notice changed. */
    static final Duration NOTICE_RECHECK = Duration.ofSeconds(10);

    private final FitnessTests tests;
    private final MemberInfo members;
    private final ScreenSink sink;
    private final UiSettings settings;
    private final ScheduledExecutorService executor;
    private final Runnable cancelRuns;
    private final UnwellDays unwellDays;
    private final Clock clock;
    private final StaffNotice notice;

    // --- state: only on the executor's thread ---
    private Screen screen = new Screen.Idle(false);
    private Session session;
    /** The screen "계속하시겠어요?" interrupted; shown again on "네". */
    private Screen interrupted;
    /** What "네" does instead, when the question paused a test the senior left (it starts again). */
    private Runnable resume;
    /** Counts the senior's departures: an absence timer ends the visit only if no return came after it. */
    private long absenceSerial;
    private ScheduledFuture<?> absenceTimer;
    private ScheduledFuture<?> timer;
    private long screenSerial;
    /** 검증 측정: staff switched it on in their menu; for this kiosk, until switched off or restarted. */
    private boolean validationMode;
    /** No input for this long asks "계속하시겠어요?": the settings' value until the admin's remote one arrives. */
    private volatile Duration idleTimeout; // volatile: tests read it

    /**
     * @param tests      asked for the battery when a member is greeted
     * @param cancelRuns cancels the test or exercise running, if any (the visit moves on without it)
     */
    VisitFlow(FitnessTests tests, MemberInfo members, UnwellDays unwellDays, StaffNotice notice, ScreenSink sink,
            UiSettings settings, Clock clock, ScheduledExecutorService executor, Runnable cancelRuns) {
        this.tests = tests;
        this.notice = notice;
        this.unwellDays = unwellDays;
        this.clock = clock;
        this.members = members;
        this.sink = sink;
        this.settings = settings;
        this.idleTimeout = settings.idleTimeout();
        this.executor = executor;
        this.cancelRuns = cancelRuns;
    }

    /** Runs {@code action} on the executor, after everything submitted before it; callable from any thread. */
    void submit(Runnable action) {
        try {
            executor.execute(() -> guarded(action));
        } catch (RejectedExecutionException e) {
            log.debug("the screen is closing; input ignored");
        }
    }

    Screen screen() {
        return screen;
    }

    /** Runs {@code action} on the executor after {@code delay}, guarded like every step. */
    void later(Duration delay, Runnable action) {
        try {
            executor.schedule(() -> guarded(action), delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            log.debug("the screen is closing; nothing scheduled");
        }
    }

    /**
     * From the next timeout on, no input for this long asks "계속하시겠어요?" (and an awake idle screen
     * falls asleep): the admin's remote {@code idleTimeoutSeconds}. The timer running keeps its delay.
     */
    void idleTimeout(Duration next) {
        if (next.isNegative() || next.isZero()) {
            throw new IllegalArgumentException("the idle timeout must be positive, got " + next);
        }
        if (!next.equals(idleTimeout)) {
            log.info("idle timeout now {} s", next.toSeconds());
        }
        idleTimeout = next;
    }

    Duration idleTimeout() {
        return idleTimeout;
    }

    /** The member being served; null between visits. */
    Session session() {
        return session;
    }

    // --- the visit ---

    void onCard(CardEvent card) {
        boolean free = session == null || screen instanceof Screen.Goodbye;
        if (!free) {
            log.info("a card was shown while a session is running; ignored");
            return;
        }
        endSession();
        switch (card) {
            case CardEvent.Identified member -> {
                session = new Session(member.memberId(), member.displayName(), tests.battery());
                session.unwellToday = rememberedUnwell(member.memberId());
                log.info("member {} identified{}", member.memberId(), session.unwellToday ? "; said earlier today they are unwell" : "");
                show(new Screen.Greeting(member.displayName(), notice.greeting().orElse("")), Prompt.GREETING);
            }
            case CardEvent.Refused refused -> {
                log.info("card refused: {}", refused.reason());
                show(new Problem(Problem.Kind.CARD, ScreenWording.refusalMessage(refused)),
                        ScreenWording.refusalPrompt(refused.reason()));
            }
        }
    }

    void onPresence(Presence presence) {
        if (session != null) {
            absence(presence);
            return;
        }
        if (!(screen instanceof Screen.Idle idle)) {
            return;
        }
        if (presence == Presence.ARRIVED && !idle.awake()) {
            show(idle(true), Prompt.IDLE_INVITE);
        } else if (presence == Presence.LEFT && idle.awake()) {
            show(idle(false));
        }
    }

    /**
     * The senior left during the visit, or came back. Gone for {@link UiSettings#absenceToEnd()} after the
     * presence port said so, the visit ends: idle, nothing of theirs left on the screen. Back before that, the
     * visit goes on (the question asked meanwhile waits for their answer).
     */
    private void absence(Presence presence) {
        if (presence == Presence.ARRIVED) {
            if (absenceTimer != null) {
                log.info("member {} is back in front of the kiosk", session.memberId);
                absenceSerial++;
                absenceTimer.cancel(false);
                absenceTimer = null;
            }
            return;
        }
        if (absenceTimer != null) {
            return; // already counting
        }
        log.info("member {} left the kiosk; the visit ends unless they are back within {} s", session.memberId,
                settings.absenceToEnd().toSeconds());
        long serial = ++absenceSerial;
        absenceTimer = executor.schedule(() -> guarded(() -> {
            if (serial == absenceSerial && session != null) {
                absenceTimer = null;
                if (screen instanceof Screen.HandReference) {
                    return; // staff are typing the hand value of the trial: the keypad's own timeout ends it
                }
                log.info("member {} did not come back; the visit ends", session.memberId);
                endSession();
            }
        }), settings.absenceToEnd().toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Whether the visit is counting down to its end because the senior left. */
    boolean seniorAway() {
        return absenceTimer != null;
    }

    /**
     * The senior left while the screen waits for them: "계속하시겠어요?" (spoken), which brings the screen back;
     * not on screens that end by themselves, while an exercise runs (it pauses on its own when they step
     * off the mat), nor on the staff's keypad of 검증 측정.
     */
    void askIfStillThere() {
        if (screen instanceof Screen.StillThere || screen instanceof Screen.Goodbye || screen instanceof Screen.Greeting
                || screen instanceof Problem || screen instanceof Screen.Idle || screen instanceof Screen.ExercisePlay
                || screen instanceof Screen.ExercisePaused || screen instanceof Screen.HandReference) {
            return;
        }
        stillThere();
    }

    /** A test was paused because the senior left: "계속하시겠어요?" (spoken); "네" runs {@code onKeepGoing}. */
    void pauseFor(Runnable onKeepGoing) {
        interrupted = null;
        resume = onKeepGoing;
        show(new Screen.StillThere(), Prompt.STILL_THERE);
    }

    void showHome() {
        if (session == null) {
            endSession();
            return;
        }
        cancelRuns();
        show(new Screen.Home(session.name, session.unwellToday), session.unwellToday ? Prompt.HOME_REST_TODAY : Prompt.HOME);
    }

    // --- unwell today ---

    /** Whether the member being served said today (on this visit or an earlier one) they are unwell. */
    boolean unwellToday() {
        return session != null && session.unwellToday;
    }

    /**
     * The member being served said they are unwell: no test and no exercise for them for the rest of the
     * day, remembered beyond this visit. A store that fails is logged; this visit still knows.
     */
    void rememberUnwell() {
        session.unwellToday = true;
        try {
            unwellDays.remember(session.memberId, today());
        } catch (RuntimeException e) {
            log.error("could not remember that member {} is unwell today; only this visit knows", session.memberId, e);
        }
    }

    private boolean rememberedUnwell(String memberId) {
        try {
            return unwellDays.unwellOn(memberId, today());
        } catch (RuntimeException e) {
            log.error("could not read whether member {} said earlier today they are unwell", memberId, e);
            return false;
        }
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    // --- staff ---

    /** Staff held the corner of the idle screen: their menu (only between visits). */
    void staffMenu() {
        if (session != null) {
            return;
        }
        log.info("staff menu opened");
        show(new Screen.StaffMenu(validationMode), Prompt.STAFF_MENU);
    }

    /** Staff switched 검증 측정 on or off for this kiosk; every test screen shows it while on. */
    void validation(boolean on) {
        validationMode = on;
        log.info("validation mode (검증 측정) switched {}", on ? "on" : "off");
        sink.validation(on);
        show(new Screen.StaffMenu(on));
    }

    /** Whether staff switched this kiosk to 검증 측정. */
    boolean validationMode() {
        return validationMode;
    }

    /**
     * Today's results and the prescription after the battery; from 내 기록 also the latest results of each
     * test the roster carries, a page per test with their dates, bands and trend (decision 0027).
     */
    void showSummary(boolean afterBattery) {
        cancelRuns();
        Screen.Summary summary = new Screen.Summary(session.name, ScreenWording.todaysResults(session.results),
                ScreenWording.prescription(prescription()), afterBattery, 0,
                afterBattery ? List.of() : ScreenWording.history(results()));
        // said as shown, lines and numbers, but never the name (others in the room hear it): decision 0026
        show(summary, SpeechComposer.builtIn().lines(afterBattery ? Prompt.SUMMARY : Prompt.RECORDS,
                spoken(summary.results(), summary.prescription())));
    }

    /**
     * 「다음」 or 「이전」 on a screen in pages: the same screen on the other page (its timer starts again),
     * and the page said as shown: its title, then its lines.
     */
    void turnPage(int delta) {
        if (screen instanceof Screen.Paged paged) {
            Screen turned = paged.turned(delta);
            if (turned instanceof Screen.Summary summary) {
                Screen.Page page = summary.allPages().get(summary.page());
                List<String> said = new ArrayList<>();
                said.add(page.title());
                said.addAll(spoken(page.lines()));
                show(turned, SpeechComposer.builtIn().lines(said));
            } else {
                show(turned);
            }
        }
    }

    /**
     * The member's prescription as {@link MemberInfo} gives it; {@link KioskPrescription#NONE} when there
     * is none or it cannot be read (the screens then say "처방 준비 중" and offer no program).
     */
    KioskPrescription prescription() {
        try {
            KioskPrescription prescription = members.prescription(session.memberId);
            return prescription == null ? KioskPrescription.NONE : prescription;
        } catch (RuntimeException e) {
            log.warn("could not read the prescription of member {}; showing none", session.memberId, e);
            return KioskPrescription.NONE;
        }
    }

    /**
     * A test or an exercise cannot go on (a sensor): the calm problem screen, said as shown (its heading,
     * then the sentence of the port), or the general sentence when the pack cannot say it all.
     */
    void showSensorProblem(String message) {
        Problem problem = new Problem(Problem.Kind.SENSOR, message);
        show(problem, SpeechComposer.builtIn().compose(problem.heading() + ". " + message)
                .orElse(Utterance.of(Prompt.SENSOR_FAILURE)));
    }

    /**
     * The member's grade cut-offs and latest results as {@link MemberInfo} gives them;
     * {@link MemberResults#NONE} when there are none or they cannot be read (no band, no history).
     */
    MemberResults results() {
        try {
            MemberResults results = members.results(session.memberId);
            return results == null ? MemberResults.NONE : results;
        } catch (RuntimeException e) {
            log.warn("could not read the results of member {}; showing none", session.memberId, e);
            return MemberResults.NONE;
        }
    }

    void goodbye() {
        cancelRuns();
        show(new Screen.Goodbye(session.name), Prompt.GOODBYE);
    }

    /** "네, 계속할게요": back to the screen the question interrupted. */
    void keepGoing() {
        if (resume != null) {
            Runnable then = resume;
            resume = null;
            then.run();
            return;
        }
        Screen back = interrupted;
        interrupted = null;
        show(back == null ? new Screen.Home(session.name) : back);
    }

    private void stillThere() {
        resume = null;
        interrupted = screen;
        show(new Screen.StillThere(), Prompt.STILL_THERE);
    }

    /** Cancels the test or exercise running, if any. */
    void cancelRuns() {
        cancelRuns.run();
    }

    /** Drops the session (if any) and shows the idle screen: the next person sees nothing of this one. */
    void endSession() {
        cancelRuns();
        if (session != null) {
            log.info("session of member {} ended", session.memberId);
        }
        session = null;
        interrupted = null;
        resume = null;
        stopAbsenceTimer();
        if (!(screen instanceof Screen.Idle)) {
            show(idle(false));
        }
    }

    /** The idle screen with the staff notice as it is now. */
    Screen.Idle idle(boolean awake) {
        return new Screen.Idle(awake, notice.idle().orElse(""));
    }

    /** Shows the idle screen again when its staff notice changed; otherwise looks again later. */
    private void refreshIdle(Screen.Idle shown) {
        Screen.Idle now = idle(shown.awake());
        if (now.equals(shown)) {
            armTimer(shown);
        } else {
            show(now);
        }
    }

    private void stopAbsenceTimer() {
        absenceSerial++;
        if (absenceTimer != null) {
            absenceTimer.cancel(false);
            absenceTimer = null;
        }
    }

    void onUnexpected(Throwable failure) {
        log.error("unexpected problem; the senior sees a calm screen and the session ends", failure);
        try {
            cancelRuns();
        } finally {
            session = null;
            interrupted = null;
            resume = null;
            stopAbsenceTimer();
            show(new Problem(Problem.Kind.UNEXPECTED, Prompt.UNEXPECTED.text()), Prompt.UNEXPECTED);
        }
    }

    // --- screens and timers ---

    void show(Screen next, Prompt prompt) {
        show(next);
        sink.say(prompt);
    }

    /** The screen and, said with it, its sentence composed of recorded phrases (numbers included). */
    void show(Screen next, Utterance utterance) {
        show(next);
        sink.say(utterance);
    }

    /** Lines as a screen shows them ("label value"), to be said one after the other. */
    @SafeVarargs
    static List<String> spoken(List<Screen.Line>... groups) {
        List<String> lines = new ArrayList<>();
        for (List<Screen.Line> group : groups) {
            group.forEach(line -> lines.add((line.label() + " " + line.text()).strip()));
        }
        return lines;
    }

    void show(Screen next) {
        screen = next;
        screenSerial++;
        sink.show(next);
        if (!(next instanceof Screen.Countdown || next instanceof Screen.Measuring)) {
            sink.live(Live.NONE);
        }
        armTimer(next);
    }

    /** The one timeout that belongs to the screen just shown; a newer screen makes it harmless. */
    private void armTimer(Screen shown) {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
        Duration delay;
        Runnable then;
        switch (shown) {
            case Screen.Idle idle -> {
                if (!idle.awake()) { // nobody there: only the staff notice may change (a device back, or out)
                    delay = NOTICE_RECHECK;
                    then = () -> refreshIdle(idle);
                } else {
                    delay = idleTimeout;
                    then = () -> show(idle(false));
                }
            }
            case Screen.Greeting g -> {
                delay = settings.greetingTime();
                then = this::showHome;
            }
            case Screen.Countdown c -> {
                return;
            }
            case Screen.Measuring m -> {
                return;
            }
            case Screen.ExercisePlay p -> {
                return;
            }
            case Screen.ExercisePaused p -> {
                return; // the session ends itself when they stay off the mat
            }
            case Screen.RestToday r -> {
                delay = settings.problemTime();
                then = this::showHome;
            }
            case Screen.ExerciseRestToday r -> {
                delay = settings.problemTime();
                then = this::showHome;
            }
            case Screen.StaffMenu m -> {
                delay = settings.answerTimeout();
                then = this::endSession;
            }
            case Screen.StillThere s -> {
                delay = settings.answerTimeout();
                then = this::endSession;
            }
            case Screen.Goodbye g -> {
                delay = settings.goodbyeTime();
                then = this::endSession;
            }
            case Problem problem when !problem.keepsSession() -> {
                delay = settings.problemTime();
                then = this::endSession;
            }
            default -> {
                delay = idleTimeout;
                then = this::stillThere;
            }
        }
        long serial = screenSerial;
        timer = executor.schedule(() -> guarded(() -> {
            if (serial == screenSerial) {
                then.run();
            }
        }), delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void guarded(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            onUnexpected(e);
        }
    }
}
