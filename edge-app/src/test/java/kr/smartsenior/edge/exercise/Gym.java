package kr.smartsenior.edge.exercise;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import kr.smartsenior.edge.sensor.SiteCalibration;
import kr.smartsenior.edge.sensor.Sensors;
import kr.smartsenior.edge.sensor.VirtualSensorLoop;
import kr.smartsenior.edge.simulate.SimulatedExerciser;
import kr.smartsenior.edge.simulate.SimulatedSessions;
import kr.smartsenior.protocol.MeasurementRecord;

/** An exercise corner on virtual time: simulated sensors, a coach, a simulated senior, what was recorded and heard. */
final class Gym implements AutoCloseable {

    static final String MEMBER = "M7K2Q9XD4T";

    final VirtualSensorLoop loop = new VirtualSensorLoop();
    final Sensors sensors = Sensors.simulated(loop, SiteCalibration.REFERENCE);
    final List<MeasurementRecord> records = new ArrayList<>();
    final ExerciseCoach coach = new ExerciseCoach(sensors, records::add, Clock.system(SimulatedSessions.SEOUL),
            new SplittableRandom(7));
    final SimulatedExerciser senior;
    final List<ExercisePhase> phases = new ArrayList<>();
    final List<Cue> cues = new ArrayList<>();
    final List<Feedback> feedback = new ArrayList<>();
    /** Loop time each feedback was delivered. */
    final List<Long> feedbackAt = new ArrayList<>();
    final List<Boolean> adaptations = new ArrayList<>();
    final List<ExerciseProgress> progress = new ArrayList<>();

    Gym(SimulatedExerciser.Skill skill) {
        senior = new SimulatedExerciser(sensors, skill, new SplittableRandom(11));
        loop.runFor(Duration.ofSeconds(1)); // the empty room, pads settled
    }

    /** A session in its briefing, the senior following it, everything it says kept. */
    ExerciseSession start(Program program, int level, int minutes, boolean support) {
        ExerciseSession session = coach.start(MEMBER, new ExerciseOffer(program, level, minutes, support));
        session.addListener(new ExerciseListener() {
            @Override
            public void onPhase(ExerciseSession s, ExercisePhase phase) {
                phases.add(phase);
            }

            @Override
            public void onCue(ExerciseSession s, Cue cue) {
                cues.add(cue);
            }

            @Override
            public void onFeedback(ExerciseSession s, Feedback answer) {
                feedback.add(answer);
                feedbackAt.add(loop.nanos());
            }

            @Override
            public void onAdapted(ExerciseSession s, boolean harder, int level, int tempoPercent) {
                adaptations.add(harder);
            }

            @Override
            public void onProgress(ExerciseSession s, ExerciseProgress p) {
                progress.add(p);
            }
        });
        senior.follow(session);
        return session;
    }

    /** Starts the session and runs until it is over (or the time is up). */
    ExerciseSession play(ExerciseSession session, Duration atMost) {
        session.begin();
        runUntilOver(session, atMost);
        return session;
    }

    void runUntilOver(ExerciseSession session, Duration atMost) {
        long end = loop.nanos() + atMost.toNanos();
        while (!session.phase().isFinal() && loop.nanos() < end) {
            loop.runFor(Duration.ofSeconds(1));
        }
    }

    MeasurementRecord onlyRecord() {
        if (records.size() != 1) {
            throw new AssertionError("expected one record, got " + records.size());
        }
        return records.getFirst();
    }

    @Override
    public void close() {
        sensors.close();
    }
}
