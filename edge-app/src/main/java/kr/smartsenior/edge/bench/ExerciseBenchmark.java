package kr.smartsenior.edge.bench;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import kr.smartsenior.edge.exercise.ExerciseListener;
import kr.smartsenior.edge.exercise.ExercisePhase;
import kr.smartsenior.edge.exercise.ExerciseSession;
import kr.smartsenior.edge.exercise.Feedback;
import kr.smartsenior.edge.exercise.StopReason;
import kr.smartsenior.edge.sensor.ScaledSensorLoop;
import kr.smartsenior.edge.sensor.Sensors;
import kr.smartsenior.edge.sensor.SiteCalibration;
import kr.smartsenior.edge.simulate.SimulatedCards;
import kr.smartsenior.edge.simulate.SimulatedExerciser;
import kr.smartsenior.edge.simulate.SimulatedMembers;
import kr.smartsenior.edge.simulate.SimulatedPads;
import kr.smartsenior.edge.simulate.SimulatedPresence;
import kr.smartsenior.edge.ui.KioskController;
import kr.smartsenior.edge.ui.KioskUi;
import kr.smartsenior.edge.ui.UiSettings;
import kr.smartsenior.edge.ui.adapters.SensorExercisePrograms;
import kr.smartsenior.edge.ui.adapters.SensorFitnessTests;
import kr.smartsenior.edge.ui.ports.ExercisePrograms;
import kr.smartsenior.edge.ui.views.Action;
import kr.smartsenior.edge.ui.views.ExerciseLive;
import kr.smartsenior.edge.ui.views.Live;
import kr.smartsenior.edge.ui.views.Screen;
import kr.smartsenior.edge.ui.views.ScreenSink;
import kr.smartsenior.edge.ui.voice.Prompt;
import kr.smartsenior.protocol.KioskPrescription;
import kr.smartsenior.protocol.MeasurementCode;
import kr.smartsenior.protocol.MeasurementRecord;

/**
 * Pad-to-feedback latency during play (scripts/bench-exercise.sh): a step &amp; jump session at level 5
 * on simulated sensors at real-time speed, played by a quick simulated senior, through the real
 * adapter and the screens' controller. For each hit it measures, from the pad's first raw edge (the
 * event's timestamp; on a Pi, gpiod's edge):
 * <ul>
 *   <li>engine: to the session's {@link Feedback} reaching its listeners on the sensor loop;
 *   <li>screen: to the controller having handled the answer and handed the new live state to the
 *       FX thread ({@code Platform.runLater}; drawing adds at most a frame, see the UI benchmark).
 * </ul>
 * Prints one line of {@code key=value} pairs. {@code SSC_BENCH_PLAY_S} sets the seconds of play
 * (default 120; the warm-up minute before it is not measured).
 */
public final class ExerciseBenchmark {

    static final String MEMBER = "BENCH0001";

    private ExerciseBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int playSeconds = Integer.parseInt(System.getenv().getOrDefault("SSC_BENCH_PLAY_S", "120"));
        int minutes = Math.max(3, (int) Math.ceil((playSeconds + 120) / 60.0));
        Sensors sensors = Sensors.simulated(new ScaledSensorLoop(1), SiteCalibration.REFERENCE);
        Clock clock = Clock.systemDefaultZone();
        List<Long> engine = Collections.synchronizedList(new ArrayList<>());
        List<Long> screen = Collections.synchronizedList(new ArrayList<>());
        ConcurrentLinkedQueue<Long> edges = new ConcurrentLinkedQueue<>();
        CountDownLatch over = new CountDownLatch(1);
        SimulatedExerciser senior = new SimulatedExerciser(sensors, SimulatedExerciser.Skill.EXCELLENT, new SplittableRandom(1));
        ScheduledExecutorService executor = KioskUi.controllerExecutor();
        long[] playStart = {-1};
        Consumer<ExerciseSession> started = session -> {
            senior.follow(session);
            session.addListener(new ExerciseListener() {
                @Override
                public void onPhase(ExerciseSession s, ExercisePhase phase) {
                    if (phase == ExercisePhase.PLAY && playStart[0] < 0) {
                        playStart[0] = sensors.loop().nanos();
                        sensors.loop().schedule(Duration.ofSeconds(playSeconds), () -> s.stop(StopReason.USER));
                    } else if (phase == ExercisePhase.COOL_DOWN) {
                        s.stop(StopReason.USER);
                    } else if (phase.isFinal()) {
                        over.countDown();
                    }
                }

                @Override
                public void onFeedback(ExerciseSession s, Feedback feedback) {
                    if (feedback.hit() && feedback.reactionMillis() >= 0) {
                        engine.add(sensors.loop().nanos() - feedback.atNanos());
                        edges.add(feedback.atNanos());
                    }
                }
            });
        };
        SensorExercisePrograms real = new SensorExercisePrograms(sensors, clock, started);
        // the controller's thread handles the answer; a task queued right behind it on the same ordered
        // thread runs as soon as the controller is done with it
        ExercisePrograms timed = new ExercisePrograms() {
            @Override
            public List<Offer> offers(KioskPrescription prescription) {
                return real.offers(prescription);
            }

            @Override
            public ExerciseRun start(Offer offer, String memberId, Consumer<MeasurementRecord> recorder,
                    Consumer<ExerciseEvent> events) {
                return real.start(offer, memberId, recorder, event -> {
                    events.accept(event);
                    if (event instanceof ExerciseEvent.Answer answer && answer.hit() && answer.reactionMillis() >= 0) {
                        executor.execute(() -> {
                            Long edge = edges.poll();
                            if (edge != null) {
                                screen.add(sensors.loop().nanos() - edge);
                            }
                        });
                    }
                });
            }
        };
        KioskPrescription prescription = new KioskPrescription(1, null, List.of(),
                List.of(new KioskPrescription.Program(MeasurementCode.STEP_JUMP, null, 5, minutes, 3)), List.of());
        SimulatedCards cards = new SimulatedCards(List.of(new SimulatedCards.Member(MEMBER, "벤치")));
        KioskUi.Ports ports = new KioskUi.Ports(cards, new SimulatedPresence(), new SimulatedPads(),
                new SensorFitnessTests(sensors, clock, test -> { }), new SimulatedMembers(Map.of(MEMBER, prescription)), timed);
        List<MeasurementRecord> records = Collections.synchronizedList(new ArrayList<>());
        Screen[] current = new Screen[1];
        ScreenSink sink = new ScreenSink() {
            @Override
            public void show(Screen next) {
                current[0] = next;
            }

            @Override
            public void live(Live live) {
            }

            @Override
            public void exercise(ExerciseLive live) {
            }

            @Override
            public void say(Prompt prompt) {
            }
        };
        Duration quiet = Duration.ofMinutes(30);
        KioskController controller = new KioskController(ports, records::add, sink,
                UiSettings.defaults().withTimeouts(quiet, quiet, quiet, quiet, quiet), clock, executor);
        controller.start();
        cards.show(1);
        for (Action action : new Action[] {Action.NEXT, Action.EXERCISE, Action.CHOOSE_STEP_JUMP, Action.READY}) {
            Thread.sleep(300);
            executor.submit(() -> controller.act(current[0], action)).get();
            Thread.sleep(300);
        }
        if (!over.await(playSeconds + 180L, TimeUnit.SECONDS)) {
            System.err.println("the session did not end in time");
        }
        Thread.sleep(300);
        executor.shutdownNow();
        sensors.close();
        System.out.printf("hits=%d engine_median_ms=%.2f engine_p99_ms=%.2f screen_median_ms=%.2f screen_p99_ms=%.2f"
                + " screen_max_ms=%.2f records=%d%n", engine.size(), pct(engine, 50), pct(engine, 99), pct(screen, 50),
                pct(screen, 99), pct(screen, 100), records.size());
        System.exit(0);
    }

    private static double pct(List<Long> values, int percentile) {
        List<Long> sorted;
        synchronized (values) {
            sorted = values.stream().sorted().toList();
        }
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int index = Math.min(sorted.size() - 1, (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1);
        return sorted.get(Math.max(0, index)) / 1e6;
    }
}
