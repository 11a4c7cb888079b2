package kr.smartsenior.edge.measure;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import kr.smartsenior.edge.sensor.Sensors;
import kr.smartsenior.protocol.MeasurementCode;
import kr.smartsenior.protocol.MeasurementRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One member's visit to the test station: opened only after the {@link SafetyCheck} clears them,
 * it starts the tests the screen asks for, one at a time, and records every valid result (sensor
 * tests when they reach {@link TestPhase#RESULT}, staff items when entered) through the recorder,
 * normally {@code Kiosk::record}, which returns once the record is on disk.
 *
 * <pre>{@code
 * TestBattery battery = TestBattery.open(memberId, check, sensors, kiosk::record, clock);
 * FitnessTestSession test = battery.start(MeasurementCode.CHAIR_STAND_30S);
 * test.addListener(view);  // then test.ready() when the senior is seated
 * }</pre>
 */
public final class TestBattery {

    /**
     * The sensor tests in the order the screen offers them (seated tests first, standing last). The
     * figure-of-8 walk is not among them: no published course precise enough to set out and time was
     * found (docs/fitness-norms.md, "Measurement on the kiosk"); its code stays for stored records.
     */
    public static final List<MeasurementCode> SENSOR_TESTS = List.of(MeasurementCode.CHAIR_STAND_30S,
            MeasurementCode.TIMED_UP_AND_GO, MeasurementCode.STEP_IN_PLACE_2MIN, MeasurementCode.ONE_LEG_STANCE);

    private static final Logger log = LoggerFactory.getLogger(TestBattery.class);

    private final String memberId;
    private final Sensors sensors;
    private final Consumer<MeasurementRecord> recorder;
    private final Clock clock;
    private final List<MeasurementRecord> recorded = new ArrayList<>();
    private FitnessTestSession current;
    private BigDecimal heightCm;

    private TestBattery(String memberId, Sensors sensors, Consumer<MeasurementRecord> recorder, Clock clock) {
        this.memberId = memberId;
        this.sensors = sensors;
        this.recorder = recorder;
        this.clock = clock;
    }

    /**
     * Opens the battery for a member.
     *
     * @throws NotClearedException when the safety check says no test today
     */
    public static TestBattery open(String memberId, SafetyCheck check, Sensors sensors, Consumer<MeasurementRecord> recorder,
            Clock clock) {
        Objects.requireNonNull(memberId, "memberId");
        if (!check.cleared()) {
            throw new NotClearedException(check.reasonsNotToTest());
        }
        return new TestBattery(memberId, sensors, recorder, clock);
    }

    public String memberId() {
        return memberId;
    }

    /**
     * A fresh test, in its instructions; a test still running is cancelled first. The one-leg stance
     * started here is recorded as supported (holding the chair), since nobody confirmed it was done
     * hands free: see {@link #startOneLegStance}.
     *
     * @throws IllegalArgumentException for a code the sensors do not measure (staff items have their own methods)
     */
    public synchronized FitnessTestSession start(MeasurementCode code) {
        return begin(switch (code) {
            case CHAIR_STAND_30S -> new ChairStandProtocol(sensors);
            case STEP_IN_PLACE_2MIN -> new StepInPlaceProtocol(sensors);
            case TIMED_UP_AND_GO -> new TimedUpAndGoProtocol(sensors);
            case ONE_LEG_STANCE -> new OneLegStanceProtocol(sensors, false);
            default -> throw new IllegalArgumentException(code + " is not measured by this kiosk's sensors");
        });
    }

    /**
     * The one-leg stance. The mat cannot see hands: only when the senior (or staff beside them)
     * confirmed before the test that it is done without holding the chair is it recorded as
     * {@code one-leg-stance/2}, which the server may grade; otherwise it is
     * {@code one-leg-stance-supported/1}, kept for the senior's own trend and never graded.
     *
     * @param handsFreeConfirmed answered "의자를 잡지 않고 할게요" before the test
     */
    public synchronized FitnessTestSession startOneLegStance(boolean handsFreeConfirmed) {
        return begin(new OneLegStanceProtocol(sensors, handsFreeConfirmed));
    }

    private FitnessTestSession begin(SensorProtocol test) {
        if (current != null && !current.phase().isFinal()) {
            current.cancel();
        }
        test.addListener((finished, phase) -> {
            if (phase == TestPhase.RESULT) {
                finished.result().ifPresent(this::keep);
            }
        });
        current = test;
        return test;
    }

    public synchronized void enterGrip(StaffEntry.Hand hand, List<BigDecimal> trialsKg) {
        keep(StaffEntry.grip(hand, trialsKg));
    }

    public synchronized void enterSitAndReach(List<BigDecimal> trialsCm) {
        keep(StaffEntry.sitAndReach(trialsCm));
    }

    public synchronized void enterHeight(BigDecimal cm) {
        TestResult result = StaffEntry.height(cm);
        heightCm = result.value();
        keep(result);
    }

    /** Weight; when the height was entered in this visit, the BMI goes with it. */
    public synchronized void enterWeight(BigDecimal kg) {
        keep(StaffEntry.weight(kg, heightCm));
    }

    /** The records kept so far in this visit. */
    public synchronized List<MeasurementRecord> recorded() {
        return List.copyOf(recorded);
    }

    private synchronized void keep(TestResult result) {
        MeasurementRecord record = result.toRecord(memberId, OffsetDateTime.now(clock));
        recorder.accept(record);
        recorded.add(record);
        log.info("member {}: {} = {} {}", memberId, result.code(), result.value(), result.code().unit().wireName());
    }

    /** The safety check said no test today. */
    public static final class NotClearedException extends RuntimeException {

        private final List<String> reasons;

        NotClearedException(List<String> reasons) {
            super("no test today: " + String.join(", ", reasons));
            this.reasons = List.copyOf(reasons);
        }

        public List<String> reasons() {
            return reasons;
        }
    }
}
