package kr.smartsenior.edge.ui.adapters;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import kr.smartsenior.edge.exercise.Cue;
import kr.smartsenior.edge.exercise.ExerciseCoach;
import kr.smartsenior.edge.exercise.ExerciseListener;
import kr.smartsenior.edge.exercise.ExerciseOffer;
import kr.smartsenior.edge.exercise.ExercisePhase;
import kr.smartsenior.edge.exercise.ExercisePlan;
import kr.smartsenior.edge.exercise.ExerciseProgress;
import kr.smartsenior.edge.exercise.ExerciseSession;
import kr.smartsenior.edge.exercise.Feedback;
import kr.smartsenior.edge.exercise.Program;
import kr.smartsenior.edge.exercise.SessionResult;
import kr.smartsenior.edge.exercise.StopReason;
import kr.smartsenior.edge.sensor.Sensors;
import kr.smartsenior.edge.ui.ports.ExercisePrograms;
import kr.smartsenior.protocol.KioskPrescription;
import kr.smartsenior.protocol.MeasurementRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The screens' {@link ExercisePrograms} over the exercise package on the kiosk's sensors: offers by
 * {@link ExercisePlan}, sessions by {@link ExerciseCoach}, recorded through the recorder the screens
 * pass in. A mat that reports a problem fails the session before it begins.
 */
public final class SensorExercisePrograms implements ExercisePrograms {

    static final String MAT_PROBLEM = "발판에 문제가 있어요. 담당 선생님께 알려 주세요.";
    static final String NOT_SAVED = "운동 기록을 저장하지 못했어요.";

    private static final Logger log = LoggerFactory.getLogger(SensorExercisePrograms.class);

    private final Sensors sensors;
    private final Clock clock;
    private final Consumer<ExerciseSession> started;
    private ExerciseSession current;

    /**
     * @param started told of every session started (the simulation's senior follows it); may do nothing
     */
    public SensorExercisePrograms(Sensors sensors, Clock clock, Consumer<ExerciseSession> started) {
        this.sensors = sensors;
        this.clock = clock;
        this.started = started;
    }

    @Override
    public List<Offer> offers(KioskPrescription prescription) {
        return ExercisePlan.from(prescription).offers().stream()
                .map(o -> new Offer(o.program().code(), o.level(), o.minutes(), o.holdOn())).toList();
    }

    @Override
    public synchronized ExerciseRun start(Offer offer, String memberId, Consumer<MeasurementRecord> recorder,
            Consumer<ExerciseEvent> events) {
        if (current != null && !current.phase().isFinal()) {
            current.cancel();
        }
        Program program = Program.of(offer.program())
                .orElseThrow(() -> new IllegalArgumentException(offer.program() + " is not an exercise program"));
        ExerciseSession session = new ExerciseCoach(sensors, recorder, clock)
                .start(memberId, new ExerciseOffer(program, offer.level(), offer.minutes(), offer.holdOn()));
        current = session;
        started.accept(session); // before the screens' listener: a simulated senior, a benchmark hear each event first
        session.addListener(new Forward(offer, events));
        return new ExerciseRun() {
            @Override
            public void begin() {
                String mat = sensors.health().get(Sensors.STEP_MAT);
                if (!Sensors.OK.equals(mat)) {
                    log.warn("{} not begun: the step mat reports '{}'", program, mat);
                    session.cancel();
                    events.accept(new ExerciseEvent.Failed(MAT_PROBLEM, false));
                    return;
                }
                session.begin();
            }

            @Override
            public void hold() {
                session.hold();
            }

            @Override
            public void resume() {
                session.resume();
            }

            @Override
            public void stop(boolean symptom) {
                session.stop(symptom ? StopReason.SYMPTOM : StopReason.USER);
            }

            @Override
            public void cancel() {
                session.cancel();
            }
        };
    }

    /** The session's events in the screens' terms. */
    private static final class Forward implements ExerciseListener {

        private final Offer offer;
        private final Consumer<ExerciseEvent> events;
        /** What the screens were last told of the feet while paused (on the loop). */
        private boolean feetBack;

        Forward(Offer offer, Consumer<ExerciseEvent> events) {
            this.offer = offer;
            this.events = events;
        }

        @Override
        public void onPhase(ExerciseSession session, ExercisePhase phase) {
            feetBack = false;
            switch (phase) {
                case WARM_UP -> events.accept(new ExerciseEvent.Stage(Stage.WARM_UP));
                case PLAY -> events.accept(new ExerciseEvent.Stage(Stage.PLAY));
                case REST -> events.accept(new ExerciseEvent.Stage(Stage.REST));
                case PAUSED -> events.accept(new ExerciseEvent.Stage(Stage.PAUSED));
                case COOL_DOWN -> events.accept(new ExerciseEvent.Stage(Stage.COOL_DOWN));
                case FINISHED -> {
                    SessionResult result = session.result().orElseThrow();
                    events.accept(session.saved() ? new ExerciseEvent.Finished(summary(result))
                            : new ExerciseEvent.Failed(NOT_SAVED, true));
                }
                case BRIEFING, CANCELLED -> { }
            }
        }

        @Override
        public void onCue(ExerciseSession session, Cue cue) {
            events.accept(new ExerciseEvent.Target(cue.kind(), cue.pads(), cue.numberOnly(), cue.window(),
                    cue.hold()));
        }

        @Override
        public void onFeedback(ExerciseSession session, Feedback feedback) {
            events.accept(new ExerciseEvent.Answer(feedback.hit(), feedback.reactionMillis()));
        }

        @Override
        public void onAdapted(ExerciseSession session, boolean harder, int level, int tempoPercent) {
            events.accept(new ExerciseEvent.Adapted(harder, level));
        }

        @Override
        public void onProgress(ExerciseSession session, ExerciseProgress p) {
            if (p.phase() == ExercisePhase.PAUSED && p.feetBack() != feetBack) {
                feetBack = p.feetBack();
                events.accept(new ExerciseEvent.FeetBack(feetBack));
            }
            events.accept(new ExerciseEvent.Progress(Duration.ofMillis(p.activeMillis()), Duration.ofMillis(p.remainingMillis()),
                    p.level(), p.hits(), p.misses(), p.steps(), p.cadence(), p.round(), p.rounds(),
                    Duration.ofMillis(p.heldMillis())));
        }

        private Summary summary(SessionResult r) {
            return new Summary(offer.program(), Duration.ofSeconds(r.activeSeconds()), r.hits(), r.misses(),
                    (int) Math.round(r.accuracy() * 100), r.meanReactionMs(), r.cadence(), r.levelStart(), r.levelEnd(),
                    r.rounds(), r.stopReason() == null ? null : r.stopReason().wireName());
        }
    }
}
