package kr.smartsenior.edge.ui;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import kr.smartsenior.edge.ui.ports.ExercisePrograms;
import kr.smartsenior.edge.ui.ports.ExercisePrograms.ExerciseEvent;
import kr.smartsenior.edge.ui.ports.ExercisePrograms.ExerciseRun;
import kr.smartsenior.edge.ui.ports.ExercisePrograms.Offer;
import kr.smartsenior.edge.ui.views.ExerciseGuide;
import kr.smartsenior.edge.ui.views.ExerciseLive;
import kr.smartsenior.edge.ui.views.MatView;
import kr.smartsenior.edge.ui.views.Screen;
import kr.smartsenior.edge.ui.views.Screen.Problem;
import kr.smartsenior.edge.ui.views.ScreenSink;
import kr.smartsenior.edge.ui.views.ScreenWording;
import kr.smartsenior.edge.ui.voice.Prompt;
import kr.smartsenior.edge.ui.voice.SpeechComposer;
import kr.smartsenior.protocol.MeasurementCode;
import kr.smartsenior.protocol.MeasurementRecord;
import kr.smartsenior.protocol.RecordDetail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The exercise programs of one visit: the prescribed programs to choose from, a program's briefing,
 * the play screen kept live from the session's stages, targets, answers and progress, 멈추기 and its
 * question (symptom, stop, go on), "얼마나 힘드셨어요?" (Borg CR10, asked once the port has recorded the
 * session, so walking away loses nothing) and the result. One session at a time; events of one that was
 * cancelled are ignored. Runs on the visit's executor.
 *
 * <p>A senior who said today they are unwell ({@link VisitFlow#unwellToday()}) is offered no program:
 * 운동하기 says why and to tell the staff. Stopping for dizziness or chest pain counts as unwell for the
 * rest of the day too.
 */
final class ExerciseFlow {

    private static final Logger log = LoggerFactory.getLogger(ExerciseFlow.class);

    private final VisitFlow visit;
    private final ExercisePrograms programs;
    private final Consumer<MeasurementRecord> recorder;
    private final ScreenSink sink;
    private final Clock clock;

    // --- state: only on the executor's thread; set when a session starts in its briefing ---
    /** The exercise session running, from its briefing until it is over. */
    private ExerciseRun run;
    private Offer offer;
    /** The senior pressed 멈추기: the pause that follows is theirs, not stepping off. */
    private boolean holding;
    private ExerciseEvent.Target target;
    private ExerciseLive live = ExerciseLive.NONE;
    private long serial;

    ExerciseFlow(VisitFlow visit, ExercisePrograms programs, Consumer<MeasurementRecord> recorder, ScreenSink sink,
            Clock clock) {
        this.visit = visit;
        this.clock = clock;
        this.programs = programs;
        this.recorder = recorder;
        this.sink = sink;
    }

    /** 운동하기: the programs allowed today, or why there are none. */
    void showPrograms() {
        visit.cancelRuns();
        Session session = visit.session();
        if (visit.unwellToday()) {
            visit.show(new Screen.ExerciseRestToday(), Prompt.EXERCISE_REST_TODAY);
            return;
        }
        List<Offer> offers;
        try {
            if (programs.outOfOrder()) {
                log.info("no exercise program for member {}: the step mat is out of order", session.memberId);
                visit.show(new Screen.ExerciseNone(true), Prompt.EXERCISE_MAT_OUT);
                return;
            }
            offers = programs.offers(visit.prescription());
        } catch (RuntimeException e) {
            log.warn("could not read the exercise programs of member {}; offering none", session.memberId, e);
            offers = List.of();
        }
        if (offers.isEmpty()) {
            visit.show(new Screen.ExerciseNone(), Prompt.EXERCISE_NONE);
        } else {
            visit.show(new Screen.ExerciseChoice(offers), SpeechComposer.builtIn().lines(Prompt.EXERCISE_CHOOSE, offers.stream()
                    .map(o -> o.program().koreanName() + " " + o.level() + "단계 " + o.minutes() + "분").toList()));
        }
    }

    /** A program chosen on the choice screen: its session starts in its briefing. */
    void choose(MeasurementCode program) {
        if (!(visit.screen() instanceof Screen.ExerciseChoice choice) || visit.unwellToday()) {
            return;
        }
        Offer chosen = choice.offers().stream().filter(o -> o.program() == program).findFirst().orElse(null);
        if (chosen == null) {
            return;
        }
        visit.cancelRuns();
        long started = ++serial;
        offer = chosen;
        holding = false;
        target = null;
        live = ExerciseLive.NONE;
        sink.exercise(ExerciseLive.NONE);
        run = programs.start(chosen, visit.session().memberId, recorder,
                event -> visit.submit(() -> onExerciseEvent(started, event)));
        visit.show(new Screen.ExerciseBriefing(chosen), ExerciseGuide.of(program).intro());
    }

    /** Whether a session runs (from its briefing until it is over). */
    boolean running() {
        return run != null;
    }

    /** The senior is ready on the mat: the warm-up starts. */
    void begin() {
        run.begin();
    }

    /** 멈추기: the session holds while the senior is asked why. */
    void hold() {
        holding = true;
        run.hold();
        visit.show(new Screen.ExerciseStopAsk(offer), Prompt.EXERCISE_STOP_ASK);
    }

    /** 계속할게요: the stage it returns to brings its screen back. */
    void resume() {
        if (run != null) {
            holding = false;
            run.resume();
        }
    }

    /** 그만할래요: stopped early; the result screen follows when it is recorded. */
    void end() {
        if (run != null) {
            run.stop(false);
        }
    }

    /** Dizziness or chest pain: stopped, and the senior is told to sit down and tell the staff. */
    void symptom() {
        if (run != null) {
            run.stop(true);
        }
        visit.rememberUnwell(); // no more exercise (or tests) today
        log.info("member {} stopped {} for dizziness or chest pain", visit.session().memberId, offer.program());
        visit.show(new Screen.ExerciseSymptom(offer), Prompt.EXERCISE_SYMPTOM);
    }

    /** Cancels the session, if any (one that began is still recorded by the port); its late events are ignored. */
    void cancel() {
        serial++;
        if (run != null) {
            ExerciseRun cancelled = run;
            run = null;
            try {
                cancelled.cancel(); // recorded as stopped early if it began
            } catch (RuntimeException e) {
                log.warn("cancelling an exercise session failed", e);
            }
        }
    }

    private void onExerciseEvent(long started, ExerciseEvent event) {
        Session session = visit.session();
        if (session == null || started != serial || run == null) {
            log.debug("late exercise event ignored: {}", event);
            return;
        }
        switch (event) {
            case ExerciseEvent.Stage stage -> {
                if (stage.stage() == ExercisePrograms.Stage.PAUSED) {
                    if (!holding) {
                        visit.show(new Screen.ExercisePaused(offer), Prompt.EXERCISE_PAUSED);
                    }
                    return;
                }
                holding = false;
                target = null;
                live = live.withCue(Set.of(), MatView.Sign.STEP, "").withAnswer("", false);
                sink.exercise(live);
                visit.show(new Screen.ExercisePlay(offer, stage.stage()),
                        ExerciseGuide.stagePrompt(stage.stage(), offer.program()));
            }
            case ExerciseEvent.FeetBack feet -> {
                // standing on the pads while it settles: no "두 발을 … 올려 주세요" any more
                if (visit.screen() instanceof Screen.ExercisePaused paused && paused.feetBack() != feet.back()) {
                    visit.show(new Screen.ExercisePaused(offer, feet.back()),
                            feet.back() ? Prompt.EXERCISE_RESUMING : Prompt.EXERCISE_PAUSED);
                }
            }
            case ExerciseEvent.Target next -> {
                target = next;
                live = live.withCue(next.numberOnly() ? Set.of() : next.pads(), ExerciseGuide.sign(next.move()),
                        ExerciseGuide.cueText(next));
                sink.exercise(live);
                if (visit.screen() instanceof Screen.ExercisePlay) {
                    ExerciseGuide.cuePrompt(next).ifPresent(sink::say);
                }
            }
            case ExerciseEvent.Answer answer -> {
                live = live.withAnswer(ScreenWording.answer(answer.hit()), answer.hit());
                sink.exercise(live);
            }
            case ExerciseEvent.Adapted adapted -> {
                if (visit.screen() instanceof Screen.ExercisePlay) {
                    sink.say(adapted.harder() ? Prompt.HARDER : Prompt.EASIER);
                }
            }
            case ExerciseEvent.Progress progress -> {
                live = live.withProgress(ScreenWording.score(offer, progress), ScreenWording.timeLeft(progress.remaining()),
                        holdProgress(target, progress));
                sink.exercise(live);
            }
            case ExerciseEvent.Finished finished -> {
                run = null;
                ExercisePrograms.Summary summary = finished.summary();
                if (visit.screen() instanceof Screen.ExerciseSymptom) {
                    return; // the senior already sees what to do; the record is saved
                }
                visit.show(new Screen.EffortAsk(offer, summary), Prompt.EFFORT_ASK); // the session is already recorded
            }
            case ExerciseEvent.Failed failed -> {
                run = null;
                if (visit.screen() instanceof Screen.ExerciseSymptom) { // the advice to sit down and tell staff stays
                    log.error("the {} session of member {}, stopped for a symptom, could not be saved", offer.program(),
                            session.memberId);
                } else if (failed.notSaved()) {
                    log.error("the {} session of member {} could not be saved", offer.program(), session.memberId);
                    visit.show(new Problem(Problem.Kind.SAVE, Prompt.SAVE_FAILURE.text()), Prompt.SAVE_FAILURE);
                } else {
                    log.warn("the {} session of member {} failed: sensor problem", offer.program(), session.memberId);
                    visit.showSensorProblem(failed.koreanMessage());
                }
            }
        }
    }

    /**
     * The answer to "얼마나 힘드셨어요?": recorded as {@link MeasurementCode#EXERCISE_EFFORT} with the program
     * and its level, then the session's result. A failed save loses only the rating: logged, and the
     * result is shown all the same.
     */
    void effort(int rating) {
        if (!(visit.screen() instanceof Screen.EffortAsk ask)) {
            return;
        }
        Session session = visit.session();
        try {
            recorder.accept(MeasurementRecord.of(session.memberId, MeasurementCode.EXERCISE_EFFORT, BigDecimal.valueOf(rating),
                    OffsetDateTime.now(clock), Map.of(RecordDetail.PROGRAM, ask.offer().program().name(),
                            RecordDetail.LEVEL, ask.summary().levelStart())));
        } catch (RuntimeException e) {
            log.error("could not save the effort rating of member {} after {}", session.memberId, ask.offer().program(), e);
        }
        showResult(ask);
    }

    /** The effort question left unanswered: nothing recorded, on to the result. */
    void noEffort() {
        if (visit.screen() instanceof Screen.EffortAsk ask) {
            showResult(ask);
        }
    }

    private void showResult(Screen.EffortAsk ask) {
        ExercisePrograms.Summary summary = ask.summary();
        Screen.ExerciseResult result = new Screen.ExerciseResult(ask.offer(), summary, ScreenWording.exerciseResult(summary));
        visit.show(result, SpeechComposer.builtIn().lines(summary.stopReason() == null ? Prompt.EXERCISE_DONE
                : Prompt.EXERCISE_STOPPED, VisitFlow.spoken(result.lines())));
    }

    /** How far a balance position has been held, 0 to 1; negative for no bar. */
    private static double holdProgress(ExerciseEvent.Target target, ExerciseEvent.Progress progress) {
        if (target == null || target.hold().isZero() || progress.held().isZero()) {
            return -1;
        }
        return Math.min(1, (double) progress.held().toMillis() / target.hold().toMillis());
    }
}
