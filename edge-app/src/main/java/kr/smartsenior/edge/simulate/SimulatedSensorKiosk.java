package kr.smartsenior.edge.simulate;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.random.RandomGenerator;
import kr.smartsenior.edge.identify.RosterBook;
import kr.smartsenior.edge.sensor.Sensors;
import kr.smartsenior.edge.sensor.TracePlayer;
import kr.smartsenior.edge.ui.KioskUi;
import kr.smartsenior.edge.ui.adapters.SensorExercisePrograms;
import kr.smartsenior.edge.ui.adapters.SensorFitnessTests;
import kr.smartsenior.edge.ui.adapters.SensorPadEvents;

/**
 * The kiosk screen on simulated sensors with the real protocols behind it ({@code --simulate}): the
 * fitness tests are measured by {@code measure} while a {@link SimulatedTestTaker} performs them,
 * the exercise programs run on {@code exercise} while a {@link SimulatedExerciser} plays along, and
 * pad presses come from the simulated mat. Keys stand in for the card reader and presence, and tap
 * the pads. Members, names and prescriptions are the kiosk's roster's ({@link SimulatedRoster}).
 *
 * <p>Keys: {@code 1 2 3} a member's card, {@code u r x} refused cards, {@code p l} someone arrives or
 * leaves, {@code a s d f} tap pads 1 to 4, {@code i} the next test starts early, {@code e} the next
 * test's distance sensor drops out, {@code o} the exercising senior steps off the mat for 15 s.
 */
public final class SimulatedSensorKiosk {

    public static final String HELP =
            "시뮬레이션 ·  1 2 3: 카드   P: 사람이 옴   A S D F: 발판   O: 발판에서 내려옴   I E: 측정 실수   Ctrl+Q: 끝";
    static final Duration KEY_TAP = Duration.ofMillis(250);
    static final Duration STEP_OFF = Duration.ofSeconds(15);

    private final Sensors sensors;
    private final TracePlayer player;
    private final SimulatedCards cards;
    private final SimulatedPresence presence = new SimulatedPresence();
    private final SimulatedRoster members;
    private final SimulatedTestTaker taker;
    private final SimulatedExerciser exerciser;
    private final Clock clock;

    private SimulatedSensorKiosk(Sensors sensors, SimulatedRoster members, Clock clock, RandomGenerator random) {
        this.sensors = sensors;
        this.player = sensors.player().orElseThrow(() -> new IllegalArgumentException("the sensors are not simulated"));
        this.cards = new SimulatedCards(members::cards);
        this.members = members;
        this.clock = clock;
        this.taker = new SimulatedTestTaker(sensors, random);
        this.exerciser = new SimulatedExerciser(sensors, SimulatedExerciser.Skill.NORMAL, random);
    }

    /**
     * The simulation on the kiosk's roster: cards, names and prescriptions as the server sent them
     * ({@link SimulatedRoster}); the canned examples, marked on screen, only while there is no roster.
     *
     * @param memberIds members whose cards keys 1 to 3 show, if on the roster (empty: the roster's first three)
     * @param roster    the kiosk's roster ({@code kiosk.roster()}), or null for none
     * @param sensors   simulated sensors (they stay the caller's to close)
     */
    public static SimulatedSensorKiosk create(List<String> memberIds, Sensors sensors, RosterBook roster, Clock clock,
            RandomGenerator random) {
        return new SimulatedSensorKiosk(sensors, new SimulatedRoster(roster, memberIds), clock, random);
    }

    /** Without a roster: the canned example members and prescriptions, marked on screen. */
    public static SimulatedSensorKiosk create(List<String> memberIds, Sensors sensors, Clock clock, RandomGenerator random) {
        return create(memberIds, sensors, null, clock, random);
    }

    public KioskUi.Ports ports() {
        return new KioskUi.Ports(cards, presence, new SensorPadEvents(sensors.mat()),
                new SensorFitnessTests(sensors, clock, taker), members,
                new SensorExercisePrograms(sensors, clock, exerciser::follow)).withNotice(members);
    }

    public KioskUi.Keyboard keyboard() {
        return new KioskUi.Keyboard(HELP, this::keyTyped);
    }

    void keyTyped(String key) {
        switch (key.toLowerCase(java.util.Locale.ROOT)) {
            case "1" -> cards.show(1);
            case "2" -> cards.show(2);
            case "3" -> cards.show(3);
            case "u" -> cards.showUnknown();
            case "r" -> cards.showRevoked();
            case "x" -> cards.showForeign();
            case "p" -> presence.arrive();
            case "l" -> presence.leave();
            case "a" -> player.tap(1, KEY_TAP);
            case "s" -> player.tap(2, KEY_TAP);
            case "d" -> player.tap(3, KEY_TAP);
            case "f" -> player.tap(4, KEY_TAP);
            case "i" -> taker.flawNext(SimulatedSenior.Flaw.FALSE_START);
            case "e" -> taker.flawNext(SimulatedSenior.Flaw.DROPOUT);
            case "o" -> sensors.loop().execute(() -> exerciser.stepOff(STEP_OFF));
            default -> { }
        }
    }

    public SimulatedCards cards() {
        return cards;
    }

    public SimulatedPresence presence() {
        return presence;
    }

    public SimulatedExerciser exerciser() {
        return exerciser;
    }
}
