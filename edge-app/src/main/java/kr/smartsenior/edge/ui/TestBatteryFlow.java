package kr.smartsenior.edge.ui;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import kr.smartsenior.edge.ui.ports.FitnessTests;
import kr.smartsenior.edge.ui.ports.FitnessTests.Grade;
import kr.smartsenior.edge.ui.ports.FitnessTests.TestEvent;
import kr.smartsenior.edge.ui.ports.FitnessTests.TestRun;
import kr.smartsenior.edge.ui.views.Action;
import kr.smartsenior.edge.ui.views.Screen;
import kr.smartsenior.edge.ui.views.Screen.Problem;
import kr.smartsenior.edge.ui.views.ScreenSink;
import kr.smartsenior.edge.ui.views.ScreenWording;
import kr.smartsenior.edge.ui.views.TestGuide;
import kr.smartsenior.edge.ui.voice.Prompt;
import kr.smartsenior.edge.ui.voice.SpeechComposer;
import kr.smartsenior.edge.ui.voice.Utterance;
import kr.smartsenior.protocol.MeasurementCode;
import kr.smartsenior.protocol.MeasurementProtocol;
import kr.smartsenior.protocol.MeasurementRecord;
import kr.smartsenior.protocol.RecordDetail;
import kr.smartsenior.protocol.RestrictionCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The guided test battery of one visit: the day's safety question (or none, when a high pressure is on
 * file), then one test at a time through its waiting steps, countdown and measuring to its result,
 * which is recorded before it is shown; retry, skip and stop; the summary after the last. One run at a
 * time; events of a run that was cancelled are ignored. Runs on the visit's executor.
 *
 * <p>Before the one-leg stance the senior chooses to stand hands free or holding the chair
 * ({@link Screen.OneLegHandsAsk}, touch only); the run starts only with that answer
 * ({@link FitnessTests.Safety#handsFree()}). No answer starts no run, so nothing is ever recorded as
 * hands free without it. A result held at the chair says so on the result screen and the summary.
 *
 * <p>In 검증 측정 (validation, {@link VisitFlow#validationMode()}) a sensor test's result waits for the
 * staff member's hand value of the same trial ({@link Screen.HandReference}); the one record then carries
 * both, the kiosk's as its value and the hand's in {@code detail.handReference}. Without a hand value
 * (none, the visit ends, anything else) the kiosk's result is recorded alone: it is never lost.
 */
final class TestBatteryFlow {

    private static final Logger log = LoggerFactory.getLogger(TestBatteryFlow.class);

    /** The tests the sensors measure by themselves, which 검증 측정 checks against a hand value. */
    static final Set<MeasurementCode> VALIDATED = Set.of(MeasurementCode.CHAIR_STAND_30S, MeasurementCode.TIMED_UP_AND_GO,
            MeasurementCode.ONE_LEG_STANCE, MeasurementCode.STEP_IN_PLACE_2MIN);

    private final VisitFlow visit;
    private final FitnessTests tests;
    private final Consumer<MeasurementRecord> recorder;
    private final ScreenSink sink;
    private final Clock clock;

    // --- state: only on the executor's thread ---
    private TestRun run;
    private long runSerial;
    /** 검증 측정: a finished result waiting for the hand value; recorded alone if the visit moves on. */
    private Finished awaitingHand;
    /** The current run's one-leg stance is hands free, as the senior chose before it. */
    private boolean handsFree;
    /** The senior left during the run: it was told to stop, and its late events are not shown. */
    private boolean paused;
    /** A complete attempt that came from the run after the senior left: recorded, shown when they go on. */
    private Finished keptWhileAway;
    /** What of the measuring screen's live counter has been said. */
    private LiveCounts counts;

    /**
     * A result of the battery, before it is recorded.
     *
     * @param heldChair a one-leg stance taken holding the chair (recorded as supported)
     */
    private record Finished(int number, int total, TestGuide guide, TestEvent.Finished event, OffsetDateTime takenAt,
            boolean heldChair) {
    }

    TestBatteryFlow(VisitFlow visit, FitnessTests tests, Consumer<MeasurementRecord> recorder, ScreenSink sink, Clock clock) {
        this.visit = visit;
        this.tests = tests;
        this.recorder = recorder;
        this.sink = sink;
        this.clock = clock;
    }

    /** 체력 측정: the day's safety question, or straight to the gate when a high pressure is on file. */
    void measure() {
        if (highPressureOnFile()) {
            start(false); // the gate says no test today; no question to ask
        } else if (visit.unwellToday()) {
            startGated(true); // they said so earlier today: not asked again, nor recorded twice
        } else {
            visit.show(new Screen.SafetyAsk(), Prompt.SAFETY_ASK);
        }
    }

    /**
     * The day's answers go with every test of the battery; the tests' safety gate decides. A "yes" to
     * "아프거나 어지러우세요?" is also recorded ({@link MeasurementCode#UNWELL_TODAY}) so that staff see it on
     * the dashboard and can ask how the senior is; the senior is not told anything more for it.
     */
    void start(boolean unwellToday) {
        Session session = visit.session();
        if (unwellToday) {
            visit.rememberUnwell(); // no exercise either, for the rest of the day
            try {
                recorder.accept(MeasurementRecord.of(session.memberId, MeasurementCode.UNWELL_TODAY, BigDecimal.ONE,
                        OffsetDateTime.now(clock), Map.of("question", Screen.SafetyAsk.QUESTION)));
            } catch (RuntimeException e) { // the rest screen matters more than the record
                log.error("could not save that member {} feels unwell today", session.memberId, e);
            }
        }
        startGated(unwellToday);
    }

    private void startGated(boolean unwellToday) {
        Session session = visit.session();
        session.safety = new FitnessTests.Safety(unwellToday, highPressureOnFile());
        session.index = 0;
        startTest();
    }

    /**
     * Whether the prescription carries a restriction for a resting pressure staff measured at
     * 160/100 mmHg or above ({@link RestrictionCode#highBloodPressure()}): no fitness test at the kiosk
     * until a lower reading.
     */
    private boolean highPressureOnFile() {
        return visit.prescription().restrictionCodes().stream().anyMatch(RestrictionCode::highBloodPressure);
    }

    /**
     * The senior left while a test runs (its waiting steps, countdown or measuring): the run stops, and
     * "계속하시겠어요?" is asked (spoken). A complete attempt of it is kept (recorded as it arrives: the one-leg
     * stance's first trial); an incomplete one is dropped, never saved. On "네" the kept result is shown, or the
     * test starts again from its beginning (a timed test cannot fairly go on after a pause). False when no
     * test runs.
     */
    boolean pauseForAbsence() {
        if (run == null || paused) {
            return paused;
        }
        log.info("{} of member {} paused: the senior left", visit.session().test(), visit.session().memberId);
        paused = true;
        keptWhileAway = null;
        try {
            run.leave();
        } catch (RuntimeException e) {
            log.warn("stopping a test run for an absence failed", e);
        }
        visit.pauseFor(this::goOnAfterPause);
        return true;
    }

    /** "네, 계속할게요" after a pause: the result kept meanwhile, or the same test again. */
    private void goOnAfterPause() {
        Finished kept = keptWhileAway;
        keptWhileAway = null;
        paused = false;
        if (kept != null) {
            run = null;
            showResult(kept);
        } else {
            startTest();
        }
    }

    /** Whether a test runs (from its first waiting step to its ending). */
    boolean running() {
        return run != null;
    }

    /** The senior confirmed the step the run waits at. */
    void ready() {
        if (run != null) {
            run.ready();
        }
    }

    /** 다시 하기. */
    void retry() {
        startTest();
    }

    /** Leave this test out. */
    void skip() {
        visit.cancelRuns();
        next();
    }

    /** 그만하기 while counting down or measuring: the test is offered again. */
    void stop() {
        visit.cancelRuns();
        Session session = visit.session();
        visit.show(new Screen.Retry(session.index + 1, session.battery.size(), session.test(),
                ScreenWording.STOPPED_REASON), Prompt.RETRY);
    }

    /** On to the next test, or the summary after the last. */
    void next() {
        Session session = visit.session();
        if (session.index + 1 < session.battery.size()) {
            session.index++;
            startTest();
        } else {
            visit.showSummary(true);
        }
    }

    /** Cancels the run, if any; its late events are ignored. A result waiting for a hand value is recorded alone. */
    void cancel() {
        runSerial++;
        paused = false;
        keptWhileAway = null;
        if (awaitingHand != null && visit.session() == null) {
            log.error("a result waiting for a hand value lost its session; not recorded");
            awaitingHand = null;
        }
        if (awaitingHand != null) {
            Finished pending = awaitingHand;
            awaitingHand = null;
            log.info("no hand value for {} of member {}: the kiosk's result is recorded alone", pending.guide().test(),
                    visit.session().memberId);
            save(visit.session(), pending, null);
        }
        if (run != null) {
            TestRun cancelled = run;
            run = null;
            try {
                cancelled.cancel();
            } catch (RuntimeException e) {
                log.warn("cancelling a test run failed", e);
            }
        }
    }

    /**
     * The current test from its start; the one-leg stance first asks whether the senior stands hands free
     * (again on 다시 하기: they may want the chair this time). Not asked when the day's answers already
     * keep the member from testing (the gate says so at once).
     */
    private void startTest() {
        visit.cancelRuns();
        Session session = visit.session();
        if (session.test() == MeasurementCode.ONE_LEG_STANCE && !session.safety.unwellToday()
                && !session.safety.highPressureOnFile()) {
            visit.show(new Screen.OneLegHandsAsk(session.index + 1, session.battery.size()), Prompt.ONE_LEG_HANDS_ASK);
            return;
        }
        startRun(false);
    }

    /** 손 떼고 해 볼게요 ({@code true}) or 의자 잡고 할게요: the one-leg stance starts with that answer. */
    void handsFree(boolean confirmed) {
        if (run != null || !(visit.screen() instanceof Screen.OneLegHandsAsk)) {
            return;
        }
        log.info("one-leg stance of member {}: {}", visit.session().memberId,
                confirmed ? "hands free, as the senior chose" : "holding the chair");
        startRun(confirmed);
    }

    private void startRun(boolean handsFreeConfirmed) {
        Session session = visit.session();
        long serial = ++runSerial;
        handsFree = handsFreeConfirmed;
        run = tests.start(session.test(), session.memberId, session.safety.withHandsFree(handsFreeConfirmed),
                event -> visit.submit(() -> onTestEvent(serial, event)));
    }

    /**
     * Whether a one-leg stance was taken holding the chair: what the record says ({@code detail.protocol}),
     * or, when it names no protocol, the senior's answer.
     */
    private boolean heldChair(MeasurementCode test, TestEvent.Finished finished) {
        if (test != MeasurementCode.ONE_LEG_STANCE) {
            return false;
        }
        Object protocol = finished.detail().get(RecordDetail.PROTOCOL);
        return protocol == null ? !handsFree : MeasurementProtocol.ONE_LEG_STANCE_SUPPORTED.id().equals(protocol);
    }

    private void onTestEvent(long serial, TestEvent event) {
        Session session = visit.session();
        if (session == null || serial != runSerial || run == null) {
            log.debug("late test event ignored: {}", event);
            return;
        }
        int number = session.index + 1;
        int total = session.battery.size();
        MeasurementCode test = session.test();
        TestGuide guide = TestGuide.of(test);
        if (paused) {
            whileAway(session, new Finished(number, total, guide, null, OffsetDateTime.now(clock), false), event);
            return;
        }
        switch (event) {
            case TestEvent.NotToday notToday -> {
                run = null;
                log.info("member {} not tested today: the safety check did not clear them ({} reasons)", session.memberId,
                        notToday.reasons().size());
                if (session.safety.unwellToday()) {
                    visit.show(new Screen.RestToday(true), Prompt.REST_TODAY_UNWELL);
                } else {
                    visit.show(new Screen.RestToday(), Prompt.REST_TODAY);
                }
            }
            case TestEvent.Waiting waiting -> {
                Screen.TestStep step = new Screen.TestStep(number, total, test, waiting.step(),
                        test == MeasurementCode.ONE_LEG_STANCE && !handsFree);
                visit.show(step, step.prompt());
            }
            case TestEvent.Countdown countdown -> {
                if (!(visit.screen() instanceof Screen.Countdown)) {
                    visit.show(new Screen.Countdown(number, total, test));
                }
                sink.live(ScreenWording.countdown(countdown.secondsLeft()));
                if (countdown.secondsLeft() >= 1 && countdown.secondsLeft() <= 3) {
                    sink.say(Prompt.count(countdown.secondsLeft()));
                }
            }
            case TestEvent.Progress progress -> {
                if (!(visit.screen() instanceof Screen.Measuring)) {
                    visit.show(new Screen.Measuring(number, total, test), Prompt.GO);
                    counts = new LiveCounts(guide);
                }
                sink.live(ScreenWording.measuring(guide, progress));
                counts.next(progress).ifPresent(sink::say); // the counter said too, at a calm rate
            }
            case TestEvent.Finished finished -> {
                run = null;
                Finished result = new Finished(number, total, guide, finished, OffsetDateTime.now(clock),
                        heldChair(test, finished));
                if (visit.validationMode() && VALIDATED.contains(test)) {
                    awaitingHand = result;
                    visit.show(new Screen.HandReference(number, total, test,
                            guide.valueText(finished.value(), result.heldChair()), "", ""),
                            Prompt.HAND_REFERENCE);
                } else {
                    finish(session, result, null);
                }
            }
            case TestEvent.Invalid invalid -> {
                run = null;
                visit.show(new Screen.Retry(number, total, test, invalid.koreanReason()), Utterance.of(Prompt.RETRY)
                        .then(SpeechComposer.builtIn().compose(invalid.koreanReason()).orElse(Utterance.NOTHING)));
            }
            case TestEvent.Failed failed -> {
                run = null;
                log.warn("test {} failed: sensor problem", test);
                visit.showSensorProblem(failed.koreanMessage());
            }
        }
    }

    /**
     * An event of a run paused because the senior left: a complete attempt is recorded at once (kiosk's value
     * alone, even in 검증 측정: staff cannot time a trial of someone who left) and waits to be shown; anything
     * else is dropped.
     */
    private void whileAway(Session session, Finished where, TestEvent event) {
        if (!(event instanceof TestEvent.Finished finished)) {
            log.debug("event of a paused run dropped: {}", event);
            return;
        }
        Finished result = new Finished(where.number(), where.total(), where.guide(), finished, where.takenAt(),
                heldChair(session.test(), finished));
        if (save(session, result, null)) {
            log.info("{} of member {}: the complete attempt before the senior left is kept", session.test(),
                    session.memberId);
            keptWhileAway = result;
        } else {
            log.error("the complete attempt of {} of member {} could not be saved", session.test(), session.memberId);
        }
    }

    // --- 검증 측정: the staff keypad ---

    /** A key of the keypad: the number typed so far changes, nothing else. */
    void type(Action key) {
        if (awaitingHand != null && visit.screen() instanceof Screen.HandReference keypad) {
            Screen.HandReference typed = keypad.typing(key);
            if (!typed.equals(keypad)) { // a key that changes nothing leaves the screen (and its timeout) as it is
                visit.show(typed);
            }
        }
    }

    /** 저장: the number typed goes with the kiosk's result, if this test can give it. */
    void saveHandValue() {
        if (awaitingHand == null || !(visit.screen() instanceof Screen.HandReference keypad)) {
            return;
        }
        var value = keypad.value();
        if (value.isEmpty()) {
            visit.show(new Screen.HandReference(keypad.number(), keypad.total(), keypad.test(), keypad.measured(),
                    keypad.typed(), keypad.rangeProblem()));
            return;
        }
        Finished pending = awaitingHand;
        awaitingHand = null;
        finish(visit.session(), pending, value.get());
    }

    /** 손 측정 없음: the kiosk's result is recorded alone. */
    void noHandValue() {
        if (awaitingHand == null) {
            return;
        }
        Finished pending = awaitingHand;
        awaitingHand = null;
        finish(visit.session(), pending, null);
    }

    // --- results ---

    /** Records the result (with the hand value, if any) and shows it; a failed save shows the calm problem screen. */
    private void finish(Session session, Finished result, BigDecimal handReference) {
        if (!save(session, result, handReference)) {
            visit.show(new Problem(Problem.Kind.SAVE, Prompt.SAVE_FAILURE.text()), Prompt.SAVE_FAILURE);
            return;
        }
        showResult(result);
    }

    /**
     * The result screen of a recorded result, with the band the server will give it (from the roster's
     * cut-offs; decision 0027) in words and spoken, or "기록했어요" without a judgement when there is none.
     */
    private void showResult(Finished result) {
        TestGuide guide = result.guide();
        TestEvent.Finished finished = result.event();
        String sentence = guide.resultSentence(finished.value(), result.heldChair());
        Grade grade = grade(result);
        visit.show(new Screen.Result(result.number(), result.total(), guide.test(),
                guide.valueText(finished.value(), result.heldChair()), sentence,
                grade, result.number() == result.total()),
                SpeechComposer.builtIn().compose(sentence).orElse(Utterance.NOTHING) // "30초 동안 열네 번 일어나셨어요."
                        .then(TestGuide.resultPrompt(grade)));
    }

    /**
     * The server's band for this result, from the cut-offs the roster carries for this member: only for a
     * result taken by the norm's procedure in the cut-offs' year; otherwise (no cut-offs, another procedure,
     * an unknown member) {@link Grade#UNRATED}. The port's own grade is never shown: only the server grades.
     */
    private Grade grade(Finished result) {
        TestEvent.Finished finished = result.event();
        return visit.results().band(result.guide().test(), finished.value(),
                finished.detail().get(RecordDetail.PROTOCOL), result.takenAt().toLocalDate())
                .map(TestGuide::grade).orElse(Grade.UNRATED);
    }

    /** On disk before the senior is told; true when saved. The summary lists only saved results. */
    private boolean save(Session session, Finished result, BigDecimal handReference) {
        TestGuide guide = result.guide();
        TestEvent.Finished finished = result.event();
        Map<String, Object> detail = finished.detail();
        if (handReference != null) {
            detail = new LinkedHashMap<>(detail);
            detail.put(RecordDetail.HAND_REFERENCE, handReference);
        }
        try {
            recorder.accept(MeasurementRecord.of(session.memberId, guide.test(), finished.value(), result.takenAt(), detail));
        } catch (RuntimeException e) {
            log.error("could not save the result of {} for member {}", guide.test(), session.memberId, e);
            return false;
        }
        session.results.add(ScreenWording.resultLine(guide, finished.value(), grade(result), result.heldChair()));
        return true;
    }
}
