package kr.smartsenior.edge.ui;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import kr.smartsenior.edge.ui.CardEvents.CardEvent;
import kr.smartsenior.edge.ui.ExercisePrograms.ExerciseEvent;
import kr.smartsenior.edge.ui.ExercisePrograms.ExerciseRun;
import kr.smartsenior.edge.ui.ExercisePrograms.Offer;
import kr.smartsenior.edge.ui.FitnessTests.Grade;
import kr.smartsenior.edge.ui.FitnessTests.TestEvent;
import kr.smartsenior.edge.ui.FitnessTests.TestRun;
import kr.smartsenior.edge.ui.PresenceEvents.Presence;
import kr.smartsenior.edge.ui.Screen.Line;
import kr.smartsenior.edge.ui.Screen.Problem;
import kr.smartsenior.protocol.MeasurementCode;
import kr.smartsenior.protocol.MeasurementRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The journey of one senior at the kiosk, as a state machine. Every input (a card, presence, a pad,
 * a tap on a button, a test's progress, a timeout) is one method here; each runs on the one ordered
 * executor, so the state below is only ever touched by one thread. Screens and voice leave through the
 * {@link ScreenSink}; results leave through the recorder ({@code Kiosk::record}) before they are shown.
 *
 * <p>A session (the identified member and today's results) exists from the greeting to the goodbye;
 * ending it, by goodbye, timeout or an unexpected error, drops it and shows the idle screen, so nothing
 * of one person is left for the next.
 */
public final class KioskController {

    private static final Logger log = LoggerFactory.getLogger(KioskController.class);
    private static final String NO_PRESCRIPTION = "처방 준비 중";
    private static final String NOTHING_MEASURED = "아직 측정하지 않았어요";
    static final String STOPPED_REASON = "측정을 멈췄어요.";
    /**
     * The prescription's restriction codes for a resting pressure staff measured at 160/100 mmHg or above
     * (the server's {@code PrescriptionRules}): no fitness test at the kiosk until a lower reading.
     */
    static final java.util.Set<String> HIGH_PRESSURE_RESTRICTIONS = java.util.Set.of("SAFE-BP-HIGH", "SAFE-BP-SEVERE");

    private final KioskUi.Ports ports;
    private final Consumer<MeasurementRecord> recorder;
    private final ScreenSink sink;
    private final UiSettings settings;
    private final Clock clock;
    private final ScheduledExecutorService executor;

    // --- state: only on the executor's thread ---
    private Screen screen = new Screen.Idle(false);
    private Session session;
    /** The screen "계속하시겠어요?" interrupted; shown again on "네". */
    private Screen interrupted;
    private ScheduledFuture<?> timer;
    private long screenSerial;
    private long runSerial;
    private long exerciseSerial;

    /** The person in front of the kiosk, from the greeting to the goodbye. */
    private static final class Session {
        final String memberId;
        final String name;
        final List<MeasurementCode> battery;
        final List<Line> results = new ArrayList<>();
        int index;
        /** Today's safety answers, set before the battery starts. */
        FitnessTests.Safety safety = FitnessTests.Safety.clear();
        TestRun run;
        /** The exercise session running, from its briefing until it is over. */
        ExerciseRun exercise;
        Offer offer;
        /** The senior pressed 멈추기: the pause that follows is theirs, not stepping off. */
        boolean holding;
        ExerciseEvent.Target target;
        ExerciseLive live = ExerciseLive.NONE;

        Session(String memberId, String name, List<MeasurementCode> battery) {
            this.memberId = memberId;
            this.name = name;
            this.battery = List.copyOf(battery);
        }

        MeasurementCode test() {
            return battery.get(index);
        }
    }

    public KioskController(KioskUi.Ports ports, Consumer<MeasurementRecord> recorder, ScreenSink sink, UiSettings settings, Clock clock,
            ScheduledExecutorService executor) {
        this.ports = ports;
        this.recorder = recorder;
        this.sink = sink;
        this.settings = settings;
        this.clock = clock;
        this.executor = executor;
    }

    /** Shows the idle screen and starts listening to the ports. */
    public void start() {
        submit(() -> show(new Screen.Idle(false)));
        ports.cards().start(this::cardShown);
        ports.presence().start(this::presenceChanged);
        ports.pads().start(this::padPressed);
    }

    // --- inputs: callable from any thread ---

    void cardShown(CardEvent card) {
        submit(() -> onCard(card));
    }

    void presenceChanged(Presence presence) {
        submit(() -> onPresence(presence));
    }

    void padPressed(int pad) {
        submit(() -> screen.padAction().ifPresentOrElse(this::onAction,
                () -> log.debug("pad {} pressed; nothing to confirm on {}", pad, screen.getClass().getSimpleName())));
    }

    /**
     * A button of {@code on} was tapped. Ignored unless {@code on} is still the current screen and
     * offers the action (a late tap on a screen that has just gone does nothing).
     */
    public void act(Screen on, Action action) {
        submit(() -> {
            if (on == screen) {
                onAction(action);
            } else {
                log.debug("{} tapped on a screen that is gone; ignored", action);
            }
        });
    }

    /** Something failed outside the controller's own actions (the FX thread, a port): calm screen. */
    void unexpected(Throwable failure) {
        submit(() -> onUnexpected(failure));
    }

    // --- the journey ---

    private void onCard(CardEvent card) {
        boolean free = session == null || screen instanceof Screen.Goodbye;
        if (!free) {
            log.info("a card was shown while a session is running; ignored");
            return;
        }
        endSession();
        switch (card) {
            case CardEvent.Identified member -> {
                session = new Session(member.memberId(), member.displayName(), ports.tests().battery());
                log.info("member {} identified", member.memberId());
                show(new Screen.Greeting(member.displayName()), Prompt.GREETING);
            }
            case CardEvent.Refused refused -> {
                log.info("card refused: {}", refused.reason());
                Prompt prompt = switch (refused.reason()) {
                    case UNKNOWN_CARD -> Prompt.CARD_UNKNOWN;
                    case REVOKED_CARD -> Prompt.CARD_REVOKED;
                    case NOT_A_MEMBER_CARD -> Prompt.CARD_NOT_MEMBER;
                };
                String message = refused.koreanMessage().isEmpty() ? prompt.text() : refused.koreanMessage();
                show(new Problem(Problem.Kind.CARD, message), prompt);
            }
        }
    }

    private void onPresence(Presence presence) {
        if (!(screen instanceof Screen.Idle idle)) {
            return;
        }
        if (presence == Presence.ARRIVED && !idle.awake()) {
            show(new Screen.Idle(true), Prompt.IDLE_INVITE);
        } else if (presence == Presence.LEFT && idle.awake()) {
            show(new Screen.Idle(false));
        }
    }

    private void onAction(Action action) {
        if (!screen.offers(action)) {
            log.debug("{} is not offered on {}; ignored", action, screen.getClass().getSimpleName());
            return;
        }
        switch (action) {
            case NEXT -> {
                if (screen instanceof Screen.Result) {
                    nextTest();
                } else {
                    showHome();
                }
            }
            case MEASURE -> {
                if (highPressureOnFile(session.memberId)) {
                    startBattery(false); // the gate says no test today; no question to ask
                } else {
                    show(new Screen.SafetyAsk(), Prompt.SAFETY_ASK);
                }
            }
            case UNWELL -> startBattery(true);
            case WELL -> startBattery(false);
            case EXERCISE -> showExercises();
            case CHOOSE_STEP_JUMP -> startExercise(MeasurementCode.STEP_JUMP);
            case CHOOSE_BALANCE -> startExercise(MeasurementCode.BALANCE);
            case CHOOSE_INTERVAL -> startExercise(MeasurementCode.INTERVAL);
            case SYMPTOM -> {
                if (session.exercise != null) {
                    session.exercise.stop(true);
                }
                log.info("member {} stopped {} for dizziness or chest pain", session.memberId, session.offer.program());
                show(new Screen.ExerciseSymptom(session.offer), Prompt.EXERCISE_SYMPTOM);
            }
            case END_EXERCISE -> {
                if (session.exercise != null) {
                    session.exercise.stop(false); // the result screen follows when it is recorded
                }
            }
            case RESUME -> {
                if (session.exercise != null) {
                    session.holding = false;
                    session.exercise.resume(); // the stage it returns to brings its screen back
                }
            }
            case RECORDS -> showSummary(false);
            case FINISH -> goodbye();
            case READY -> {
                if (screen instanceof Screen.ExerciseBriefing && session.exercise != null) {
                    session.exercise.begin();
                } else if (session.run != null) {
                    session.run.ready();
                }
            }
            case SKIP -> {
                cancelRun();
                nextTest();
            }
            case STOP -> {
                if (session.exercise != null) {
                    session.holding = true;
                    session.exercise.hold();
                    show(new Screen.ExerciseStopAsk(session.offer), Prompt.EXERCISE_STOP_ASK);
                    return;
                }
                cancelRun();
                show(new Screen.Retry(session.index + 1, session.battery.size(), session.test(), STOPPED_REASON),
                        Prompt.RETRY);
            }
            case RETRY -> startTest();
            case KEEP_GOING -> {
                Screen back = interrupted;
                interrupted = null;
                show(back == null ? new Screen.Home(session.name) : back);
            }
            case HOME -> showHome();
            case START_OVER -> endSession();
        }
    }

    private void showHome() {
        if (session == null) {
            endSession();
            return;
        }
        cancelRun();
        show(new Screen.Home(session.name), Prompt.HOME);
    }

    /**
     * The day's answers go with every test of the battery; the tests' safety gate decides. A "yes" to
     * "아프거나 어지러우세요?" is also recorded ({@link MeasurementCode#UNWELL_TODAY}) so that staff see it on
     * the dashboard and can ask how the senior is; the senior is not told anything more for it.
     */
    private void startBattery(boolean unwellToday) {
        if (unwellToday) {
            try {
                recorder.accept(MeasurementRecord.of(session.memberId, MeasurementCode.UNWELL_TODAY, BigDecimal.ONE,
                        OffsetDateTime.now(clock), Map.of("question", SafetyAskView.QUESTION)));
            } catch (RuntimeException e) { // the rest screen matters more than the record
                log.error("could not save that member {} feels unwell today", session.memberId, e);
            }
        }
        session.safety = new FitnessTests.Safety(unwellToday, highPressureOnFile(session.memberId));
        session.index = 0;
        startTest();
    }

    private boolean highPressureOnFile(String memberId) {
        if (prescriptionMap(memberId).get("restrictions") instanceof List<?> restrictions) {
            return restrictions.stream().anyMatch(r -> r instanceof Map<?, ?> restriction
                    && HIGH_PRESSURE_RESTRICTIONS.contains(String.valueOf(restriction.get("code"))));
        }
        return false;
    }

    private void startTest() {
        cancelRun();
        MeasurementCode test = session.test();
        long serial = ++runSerial;
        session.run = ports.tests().start(test, session.memberId, session.safety,
                event -> submit(() -> onTestEvent(serial, event)));
    }

    private void nextTest() {
        if (session.index + 1 < session.battery.size()) {
            session.index++;
            startTest();
        } else {
            showSummary(true);
        }
    }

    private void onTestEvent(long serial, TestEvent event) {
        if (session == null || serial != runSerial || session.run == null) {
            log.debug("late test event ignored: {}", event);
            return;
        }
        int number = session.index + 1;
        int total = session.battery.size();
        MeasurementCode test = session.test();
        TestGuide guide = TestGuide.of(test);
        switch (event) {
            case TestEvent.NotToday notToday -> {
                session.run = null;
                log.info("member {} not tested today: the safety check did not clear them ({} reasons)", session.memberId,
                        notToday.reasons().size());
                show(new Screen.RestToday(), Prompt.REST_TODAY);
            }
            case TestEvent.Waiting waiting ->
                    show(new Screen.TestStep(number, total, test, waiting.step()), guide.prompt(waiting.step()));
            case TestEvent.Countdown countdown -> {
                if (!(screen instanceof Screen.Countdown)) {
                    show(new Screen.Countdown(number, total, test));
                }
                sink.live(new Live(Integer.toString(countdown.secondsLeft()), "", -1));
                if (countdown.secondsLeft() >= 1 && countdown.secondsLeft() <= 3) {
                    sink.say(Prompt.count(countdown.secondsLeft()));
                }
            }
            case TestEvent.Progress progress -> {
                if (!(screen instanceof Screen.Measuring)) {
                    show(new Screen.Measuring(number, total, test), Prompt.GO);
                }
                sink.live(live(guide, progress));
            }
            case TestEvent.Finished finished -> finish(guide, number, total, finished);
            case TestEvent.Invalid invalid -> {
                session.run = null;
                show(new Screen.Retry(number, total, test, invalid.koreanReason()), Prompt.RETRY);
            }
            case TestEvent.Failed failed -> {
                session.run = null;
                log.warn("test {} failed: sensor problem", test);
                show(new Problem(Problem.Kind.SENSOR, failed.koreanMessage()), Prompt.SENSOR_FAILURE);
            }
        }
    }

    private static Live live(TestGuide guide, TestEvent.Progress progress) {
        String value = guide.valueText(progress.value()).replaceAll("[^0-9.\\-]", "");
        if (progress.limit().isZero()) {
            return new Live(value, "걸린 시간 " + progress.elapsed().toSeconds() + "초", -1);
        }
        long left = Math.max(0, progress.limit().minus(progress.elapsed()).toSeconds());
        double done = Math.min(1, (double) progress.elapsed().toMillis() / progress.limit().toMillis());
        return new Live(value, "남은 시간 " + left + "초", done);
    }

    private void finish(TestGuide guide, int number, int total, TestEvent.Finished finished) {
        session.run = null;
        MeasurementRecord record = MeasurementRecord.of(session.memberId, guide.test(), finished.value(),
                OffsetDateTime.now(clock), finished.detail());
        try {
            recorder.accept(record); // on disk before the senior is told
        } catch (RuntimeException e) {
            log.error("could not save the result of {} for member {}", guide.test(), session.memberId, e);
            show(new Problem(Problem.Kind.SAVE, Prompt.SAVE_FAILURE.text()), Prompt.SAVE_FAILURE);
            return;
        }
        String valueText = guide.valueText(finished.value());
        session.results.add(new Line(guide.name(), valueText + (finished.grade() == Grade.UNRATED ? ""
                : " · " + TestGuide.gradeWord(finished.grade()))));
        show(new Screen.Result(number, total, guide.test(), valueText, guide.resultSentence(finished.value()),
                finished.grade(), number == total), TestGuide.resultPrompt(finished.grade()));
    }

    // --- exercise ---

    private void showExercises() {
        cancelRun();
        List<Offer> offers;
        try {
            offers = ports.exercises().offers(prescriptionMap(session.memberId));
        } catch (RuntimeException e) {
            log.warn("could not read the exercise programs of member {}; offering none", session.memberId, e);
            offers = List.of();
        }
        if (offers.isEmpty()) {
            show(new Screen.ExerciseNone(), Prompt.EXERCISE_NONE);
        } else {
            show(new Screen.ExerciseChoice(offers), Prompt.EXERCISE_CHOOSE);
        }
    }

    private void startExercise(MeasurementCode program) {
        if (!(screen instanceof Screen.ExerciseChoice choice)) {
            return;
        }
        Offer offer = choice.offers().stream().filter(o -> o.program() == program).findFirst().orElse(null);
        if (offer == null) {
            return;
        }
        cancelRun();
        long serial = ++exerciseSerial;
        session.offer = offer;
        session.holding = false;
        session.target = null;
        session.live = ExerciseLive.NONE;
        sink.exercise(ExerciseLive.NONE);
        session.exercise = ports.exercises().start(offer, session.memberId, recorder,
                event -> submit(() -> onExerciseEvent(serial, event)));
        show(new Screen.ExerciseBriefing(offer), ExerciseGuide.of(program).intro());
    }

    private void onExerciseEvent(long serial, ExerciseEvent event) {
        if (session == null || serial != exerciseSerial || session.exercise == null) {
            log.debug("late exercise event ignored: {}", event);
            return;
        }
        Offer offer = session.offer;
        switch (event) {
            case ExerciseEvent.Stage stage -> {
                if (stage.stage() == ExercisePrograms.Stage.PAUSED) {
                    if (!session.holding) {
                        show(new Screen.ExercisePaused(offer), Prompt.EXERCISE_PAUSED);
                    }
                    return;
                }
                session.holding = false;
                session.target = null;
                session.live = session.live.withCue(java.util.Set.of(), MatView.Sign.STEP, "").withAnswer("", false);
                sink.exercise(session.live);
                show(new Screen.ExercisePlay(offer, stage.stage()), ExerciseGuide.stagePrompt(stage.stage(), offer.program()));
            }
            case ExerciseEvent.Target target -> {
                session.target = target;
                session.live = session.live.withCue(target.numberOnly() ? java.util.Set.of() : target.pads(),
                        ExerciseGuide.sign(target.move()), ExerciseGuide.cueText(target));
                sink.exercise(session.live);
                if (screen instanceof Screen.ExercisePlay) {
                    ExerciseGuide.cuePrompt(target).ifPresent(sink::say);
                }
            }
            case ExerciseEvent.Answer answer -> {
                session.live = session.live.withAnswer(answer.hit() ? "좋아요!" : "놓쳤어요", answer.hit());
                sink.exercise(session.live);
            }
            case ExerciseEvent.Adapted adapted -> {
                if (screen instanceof Screen.ExercisePlay) {
                    sink.say(adapted.harder() ? Prompt.HARDER : Prompt.EASIER);
                }
            }
            case ExerciseEvent.Progress progress -> {
                session.live = session.live.withProgress(scoreText(offer, progress), timeText(progress.remaining()),
                        holdProgress(session.target, progress));
                sink.exercise(session.live);
            }
            case ExerciseEvent.Finished finished -> {
                session.exercise = null;
                ExercisePrograms.Summary summary = finished.summary();
                if (screen instanceof Screen.ExerciseSymptom) {
                    return; // the senior already sees what to do; the record is saved
                }
                show(new Screen.ExerciseResult(offer, summary, resultLines(summary)),
                        summary.stopReason() == null ? Prompt.EXERCISE_DONE : Prompt.EXERCISE_STOPPED);
            }
            case ExerciseEvent.Failed failed -> {
                session.exercise = null;
                if (screen instanceof Screen.ExerciseSymptom) { // the advice to sit down and tell staff stays
                    log.error("the {} session of member {}, stopped for a symptom, could not be saved", offer.program(),
                            session.memberId);
                } else if (failed.notSaved()) {
                    log.error("the {} session of member {} could not be saved", offer.program(), session.memberId);
                    show(new Problem(Problem.Kind.SAVE, Prompt.SAVE_FAILURE.text()), Prompt.SAVE_FAILURE);
                } else {
                    log.warn("the {} session of member {} failed: sensor problem", offer.program(), session.memberId);
                    show(new Problem(Problem.Kind.SENSOR, failed.koreanMessage()), Prompt.SENSOR_FAILURE);
                }
            }
        }
    }

    private static String scoreText(Offer offer, ExerciseEvent.Progress progress) {
        if (offer.program() == MeasurementCode.INTERVAL) {
            String round = progress.round() > 0 ? "라운드 " + progress.round() + " / " + progress.rounds() : "";
            String cadence = progress.cadence() > 0 ? "분당 " + progress.cadence() + "걸음" : "";
            return String.join("  ·  ", java.util.stream.Stream.of(round, cadence).filter(t -> !t.isEmpty()).toList());
        }
        return progress.hits() + progress.misses() == 0 ? "" : "성공 " + progress.hits() + "  ·  놓침 " + progress.misses();
    }

    static String timeText(Duration remaining) {
        long s = Math.max(0, (remaining.toMillis() + 999) / 1000);
        return "남은 시간 " + (s >= 60 ? s / 60 + "분 " : "") + s % 60 + "초";
    }

    private static double holdProgress(ExerciseEvent.Target target, ExerciseEvent.Progress progress) {
        if (target == null || target.hold().isZero() || progress.held().isZero()) {
            return -1;
        }
        return Math.min(1, (double) progress.held().toMillis() / target.hold().toMillis());
    }

    static List<Line> resultLines(ExercisePrograms.Summary summary) {
        List<Line> lines = new ArrayList<>();
        long s = summary.active().toSeconds();
        lines.add(new Line("운동 시간", (s >= 60 ? s / 60 + "분 " : "") + s % 60 + "초"));
        if (summary.program() == MeasurementCode.INTERVAL) {
            lines.add(new Line("라운드", summary.rounds() + "번"));
            if (summary.cadence() > 0) {
                lines.add(new Line("걸음", "분당 " + summary.cadence() + "걸음"));
            }
        } else {
            lines.add(new Line("성공", summary.hits() + "번 (" + summary.accuracyPercent() + "%)"));
            if (summary.meanReactionMillis() >= 0) {
                lines.add(new Line("반응 시간", "평균 " + BigDecimal.valueOf(summary.meanReactionMillis(), 3)
                        .setScale(1, RoundingMode.HALF_UP).toPlainString() + "초"));
            }
        }
        lines.add(new Line("단계", summary.levelStart() == summary.levelEnd() ? summary.levelStart() + "단계"
                : summary.levelStart() + "단계 → " + summary.levelEnd() + "단계"));
        if (summary.stopReason() != null) {
            lines.add(new Line("멈춤", ExerciseGuide.stopReasonText(summary.stopReason())));
        }
        return lines;
    }

    private void showSummary(boolean afterBattery) {
        cancelRun();
        List<Line> results = session.results.isEmpty() ? List.of(new Line("오늘", NOTHING_MEASURED)) : session.results;
        show(new Screen.Summary(session.name, results, prescription(session.memberId), afterBattery),
                afterBattery ? Prompt.SUMMARY : Prompt.RECORDS);
    }

    private Map<String, Object> prescriptionMap(String memberId) {
        try {
            Map<String, Object> prescription = ports.members().prescription(memberId);
            return prescription == null ? Map.of() : prescription;
        } catch (RuntimeException e) {
            log.warn("could not read the prescription of member {}; showing none", memberId, e);
            return Map.of();
        }
    }

    private List<Line> prescription(String memberId) {
        Map<String, Object> prescription = prescriptionMap(memberId);
        if (prescription.isEmpty()) {
            return List.of(new Line("운동 처방", NO_PRESCRIPTION));
        }
        List<Line> lines = new ArrayList<>();
        if (prescription.get("lines") instanceof List<?> sentences) { // the roster's form: the senior's own lines
            for (Object sentence : sentences) {
                lines.add(new Line(lines.isEmpty() ? "운동 처방" : "", text(sentence)));
            }
            return lines.isEmpty() ? List.of(new Line("운동 처방", NO_PRESCRIPTION)) : lines;
        }
        prescription.forEach((label, value) -> lines.add(new Line(label, text(value))));
        return lines;
    }

    private static String text(Object value) {
        if (value instanceof Collection<?> items) {
            return items.stream().map(KioskController::text).collect(Collectors.joining(", "));
        }
        if (value instanceof BigDecimal number) {
            return number.setScale(Math.max(0, Math.min(1, number.scale())), RoundingMode.HALF_UP).toPlainString();
        }
        return String.valueOf(value);
    }

    private void goodbye() {
        cancelRun();
        show(new Screen.Goodbye(session.name), Prompt.GOODBYE);
    }

    private void stillThere() {
        interrupted = screen;
        show(new Screen.StillThere(), Prompt.STILL_THERE);
    }

    /** Drops the session (if any) and shows the idle screen: the next person sees nothing of this one. */
    private void endSession() {
        cancelRun();
        if (session != null) {
            log.info("session of member {} ended", session.memberId);
        }
        session = null;
        interrupted = null;
        if (!(screen instanceof Screen.Idle)) {
            show(new Screen.Idle(false));
        }
    }

    private void cancelRun() {
        runSerial++;
        exerciseSerial++;
        if (session != null && session.exercise != null) {
            ExerciseRun exercise = session.exercise;
            session.exercise = null;
            try {
                exercise.cancel(); // recorded as stopped early if it began
            } catch (RuntimeException e) {
                log.warn("cancelling an exercise session failed", e);
            }
        }
        if (session != null && session.run != null) {
            TestRun run = session.run;
            session.run = null;
            try {
                run.cancel();
            } catch (RuntimeException e) {
                log.warn("cancelling a test run failed", e);
            }
        }
    }

    private void onUnexpected(Throwable failure) {
        log.error("unexpected problem; the senior sees a calm screen and the session ends", failure);
        try {
            cancelRun();
        } finally {
            session = null;
            interrupted = null;
            show(new Problem(Problem.Kind.UNEXPECTED, Prompt.UNEXPECTED.text()), Prompt.UNEXPECTED);
        }
    }

    // --- screens and timers ---

    private void show(Screen next, Prompt prompt) {
        show(next);
        sink.say(prompt);
    }

    private void show(Screen next) {
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
                if (!idle.awake()) {
                    return;
                }
                delay = settings.idleTimeout();
                then = () -> show(new Screen.Idle(false));
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
                delay = settings.idleTimeout();
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

    private void submit(Runnable action) {
        try {
            executor.execute(() -> guarded(action));
        } catch (RejectedExecutionException e) {
            log.debug("the screen is closing; input ignored");
        }
    }

    private void guarded(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            onUnexpected(e);
        }
    }

    /** The current screen; for tests, read on the executor. */
    Screen screen() {
        return screen;
    }
}
