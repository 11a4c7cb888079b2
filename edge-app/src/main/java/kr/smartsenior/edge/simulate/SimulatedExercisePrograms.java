package kr.smartsenior.edge.simulate;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import kr.smartsenior.edge.exercise.Cue;
import kr.smartsenior.edge.exercise.ExercisePlan;
import kr.smartsenior.edge.ui.ports.ExercisePrograms;
import kr.smartsenior.protocol.KioskPrescription;
import kr.smartsenior.protocol.MeasurementCode;
import kr.smartsenior.protocol.MeasurementRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The exercise programs without sensors, for screen tests and the UI benchmark: offers come from the
 * prescription by the real rules ({@link ExercisePlan}); a run walks warm-up, a few targets (one in
 * four missed), an adaptation, cool-down, and records a small exercise record before it finishes.
 * {@link #stepOffNext()} makes the next run step off the mat once (a pause) before it goes on.
 */
public final class SimulatedExercisePrograms implements ExercisePrograms, AutoCloseable {

    static final int TARGETS = 6;

    private static final Logger log = LoggerFactory.getLogger(SimulatedExercisePrograms.class);

    private final Duration second;
    private final Clock clock;
    private final ScheduledExecutorService timer;
    private volatile boolean stepOffNext;
    private volatile boolean matOut;

    /** @param second how long one step of a run takes (a second on a desktop, milliseconds in tests) */
    public SimulatedExercisePrograms(Duration second) {
        this.second = second;
        this.clock = Clock.system(SimulatedSessions.SEOUL);
        this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "ssc-sim-exercise");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** The next run pauses once, as if the senior stepped off the mat, and resumes. */
    public void stepOffNext() {
        stepOffNext = true;
    }

    /** The step mat is out of order (or back): no program is offered meanwhile. */
    public void matOut(boolean out) {
        matOut = out;
    }

    @Override
    public boolean outOfOrder() {
        return matOut;
    }

    @Override
    public List<Offer> offers(KioskPrescription prescription) {
        if (matOut) {
            return List.of();
        }
        return ExercisePlan.from(prescription).offers().stream()
                .map(o -> new Offer(o.program().code(), o.level(), o.minutes(), o.holdOn())).toList();
    }

    @Override
    public ExerciseRun start(Offer offer, String memberId, Consumer<MeasurementRecord> recorder,
            Consumer<ExerciseEvent> events) {
        boolean stepOff = stepOffNext;
        stepOffNext = false;
        return new Run(offer, memberId, recorder, events, stepOff);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }

    /** One run: a script of events on the timer thread. */
    private final class Run implements ExerciseRun {
        private final Offer offer;
        private final String memberId;
        private final Consumer<MeasurementRecord> recorder;
        private final Consumer<ExerciseEvent> events;
        private final boolean stepOff;
        private int step = -1;
        private boolean begun;
        private boolean held;
        /** A step fell due while held: the script goes on at resume. */
        private boolean waiting;
        private boolean over;
        private int hits;
        private int misses;
        private boolean pausedOnce;

        Run(Offer offer, String memberId, Consumer<MeasurementRecord> recorder, Consumer<ExerciseEvent> events,
                boolean stepOff) {
            this.offer = offer;
            this.memberId = memberId;
            this.recorder = recorder;
            this.events = events;
            this.stepOff = stepOff;
        }

        @Override
        public void begin() {
            timer.execute(() -> {
                if (!begun && !over) {
                    begun = true;
                    advance();
                }
            });
        }

        @Override
        public void hold() {
            timer.execute(() -> {
                if (begun && !over) {
                    held = true;
                    send(new ExerciseEvent.Stage(Stage.PAUSED));
                }
            });
        }

        @Override
        public void resume() {
            timer.execute(() -> {
                if (held && !over) {
                    held = false;
                    send(new ExerciseEvent.Stage(Stage.PLAY));
                    if (waiting) {
                        waiting = false;
                        schedule();
                    }
                }
            });
        }

        @Override
        public void stop(boolean symptom) {
            timer.execute(() -> end(symptom ? "symptom" : "user"));
        }

        @Override
        public void cancel() {
            timer.execute(() -> {
                if (begun) {
                    end("timeout");
                } else {
                    over = true;
                }
            });
        }

        /** One step of the script each simulated second. */
        private void advance() {
            if (over) {
                return;
            }
            if (held) {
                waiting = true;
                return;
            }
            step++;
            int target = step - 2;
            if (step == 0) {
                send(new ExerciseEvent.Stage(Stage.WARM_UP));
                progress(Stage.WARM_UP);
            } else if (step == 1) {
                send(new ExerciseEvent.Stage(Stage.PLAY));
            } else if (target < TARGETS) {
                if (stepOff && target == 2 && !pausedOnce) {
                    pausedOnce = true;
                    step--;
                    send(new ExerciseEvent.Stage(Stage.PAUSED)); // off the mat; back on a simulated second later
                    timer.schedule(() -> {
                        if (!over && !held) {
                            send(new ExerciseEvent.Stage(Stage.PLAY));
                            schedule();
                        }
                    }, second.toMillis(), TimeUnit.MILLISECONDS);
                    return;
                }
                send(target(target));
                boolean hit = target % 4 != 3;
                if (hit) {
                    hits++;
                } else {
                    misses++;
                }
                send(new ExerciseEvent.Answer(hit, hit ? 700 + target * 20L : -1));
                if (target == TARGETS / 2) {
                    send(new ExerciseEvent.Adapted(true, offer.level()));
                }
                progress(Stage.PLAY);
            } else if (target == TARGETS) {
                send(new ExerciseEvent.Stage(Stage.COOL_DOWN));
                progress(Stage.COOL_DOWN);
            } else {
                end(null);
                return;
            }
            schedule();
        }

        private void schedule() {
            timer.schedule(this::advance, second.toMillis(), TimeUnit.MILLISECONDS);
        }

        private ExerciseEvent.Target target(int index) {
            return switch (offer.program()) {
                case BALANCE -> new ExerciseEvent.Target(index % 2 == 0 ? Cue.Kind.LEFT_LEG : Cue.Kind.RIGHT_LEG,
                        Set.of(index % 2 == 0 ? 1 : 2), false, Duration.ofSeconds(6), Duration.ofSeconds(8));
                case INTERVAL -> new ExerciseEvent.Target(Cue.Kind.MARCH, Set.of(index % 2 + 1), false, Duration.ofMillis(750),
                        Duration.ZERO);
                default -> new ExerciseEvent.Target(index == 4 ? Cue.Kind.STAY : Cue.Kind.STEP, Set.of(index % 2 + 1), false,
                        Duration.ofMillis(2500), Duration.ZERO);
            };
        }

        private void progress(Stage stage) {
            send(new ExerciseEvent.Progress(Duration.ofSeconds(30L * Math.max(0, step)), Duration.ofSeconds(45), offer.level(),
                    hits, misses, hits * 2, offer.program() == MeasurementCode.INTERVAL ? 96 : 0,
                    offer.program() == MeasurementCode.INTERVAL ? 1 : 0, offer.program() == MeasurementCode.INTERVAL ? 3 : 0,
                    offer.program() == MeasurementCode.BALANCE && stage == Stage.PLAY ? Duration.ofSeconds(4) : Duration.ZERO));
        }

        private void end(String stopReason) {
            if (over || !begun) {
                over = true;
                return;
            }
            over = true;
            long active = 30L * Math.max(1, step);
            int scored = hits + misses;
            Summary summary = new Summary(offer.program(), Duration.ofSeconds(active), hits, misses,
                    scored == 0 ? 0 : Math.round(100f * hits / scored), 740, offer.program() == MeasurementCode.INTERVAL ? 96 : 0,
                    offer.level(), offer.level(), offer.program() == MeasurementCode.INTERVAL ? 3 : 0, stopReason);
            Map<String, Object> detail = new java.util.LinkedHashMap<>();
            detail.put("simulated", true);
            detail.put("level", offer.level());
            detail.put("stoppedEarly", stopReason != null);
            if (stopReason != null) {
                detail.put("stopReason", stopReason);
            }
            if ("symptom".equals(stopReason)) {
                detail.put("symptom", kr.smartsenior.edge.exercise.StopReason.SYMPTOM_DIZZY_OR_CHEST_PAIN);
            }
            try {
                recorder.accept(MeasurementRecord.of(memberId, offer.program(), BigDecimal.valueOf(active),
                        OffsetDateTime.now(clock), detail));
            } catch (RuntimeException e) {
                log.error("could not save the simulated {} session", offer.program(), e);
                send(new ExerciseEvent.Failed("운동 기록을 저장하지 못했어요.", true));
                return;
            }
            send(new ExerciseEvent.Finished(summary));
        }

        private void send(ExerciseEvent event) {
            try {
                events.accept(event);
            } catch (RuntimeException e) {
                log.error("the screen refused a simulated exercise event", e);
            }
        }
    }
}
