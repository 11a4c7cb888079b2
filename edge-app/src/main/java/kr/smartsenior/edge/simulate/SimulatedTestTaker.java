package kr.smartsenior.edge.simulate;

import java.util.function.Consumer;
import java.util.random.RandomGenerator;
import kr.smartsenior.edge.measure.FitnessTestSession;
import kr.smartsenior.edge.measure.TestListener;
import kr.smartsenior.edge.measure.TestPhase;
import kr.smartsenior.edge.sensor.Sensors;
import kr.smartsenior.edge.sensor.TracePlayer;

/**
 * A senior taking the screen's fitness tests on the simulated sensors: when a test's countdown is
 * asked for, a {@link SimulatedSenior} performance plays into the sensors (its trace starts at
 * "ready", as the protocols expect) and stops when the test is over, so no stray pad press reaches the
 * next screen. {@link #flawNext} spoils the next attempt (a false start, a dropout).
 */
public final class SimulatedTestTaker implements Consumer<FitnessTestSession> {

    private final Sensors sensors;
    private final TracePlayer player;
    private final SimulatedSenior senior;
    private final RandomGenerator random;
    private volatile SimulatedSenior.Flaw nextFlaw = SimulatedSenior.Flaw.NONE;

    public SimulatedTestTaker(Sensors sensors, RandomGenerator random) {
        this.sensors = sensors;
        this.player = sensors.player().orElseThrow(() -> new IllegalArgumentException("the sensors are not simulated"));
        this.senior = new SimulatedSenior(sensors.motion().calibration(), random);
        this.random = random;
    }

    /** The next attempt goes wrong this way. */
    public void flawNext(SimulatedSenior.Flaw flaw) {
        nextFlaw = flaw;
    }

    @Override
    public void accept(FitnessTestSession test) {
        SimulatedSenior.Flaw flaw = nextFlaw;
        nextFlaw = SimulatedSenior.Flaw.NONE;
        SimulatedSenior.Pace pace = SimulatedSenior.Pace.values()[random.nextInt(SimulatedSenior.Pace.values().length)];
        SimulatedSenior.Style style = SimulatedSenior.Style.values()[random.nextInt(SimulatedSenior.Style.values().length)];
        SimulatedSenior.Performance performance = senior.perform(test.code(), style, pace, flaw);
        test.addListener(new TestListener() {
            @Override
            public void onPhase(FitnessTestSession t, TestPhase phase) {
                if (phase == TestPhase.RESULT || phase == TestPhase.INVALID || phase == TestPhase.CANCELLED) {
                    player.stop();
                }
            }
        });
        sensors.loop().execute(() -> player.play(performance.trace(), () -> { }));
    }
}
