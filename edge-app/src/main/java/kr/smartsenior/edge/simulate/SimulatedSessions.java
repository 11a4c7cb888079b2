package kr.smartsenior.edge.simulate;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;
import kr.smartsenior.protocol.MeasurementCode;
import kr.smartsenior.protocol.MeasurementRecord;
import kr.smartsenior.protocol.RecordKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every {@code every}, records one plausible result for a random member: a fitness test or an
 * exercise session with values in the range of real people aged 65 to 90.
 */
public final class SimulatedSessions implements AutoCloseable {

    /** Korean senior centers: results carry the +09:00 offset. */
    public static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    static final int HIGHEST_PROGRAM_LEVEL = 3;

    private static final Logger log = LoggerFactory.getLogger(SimulatedSessions.class);
    /**
     * Tests and exercise sessions a kiosk records; a senior's answers ({@link RecordKind#CHECK}) come from
     * the screens, and the figure-of-8 walk is no longer taken at the kiosk (its course is not defined).
     */
    static final MeasurementCode[] CODES = java.util.Arrays.stream(MeasurementCode.values())
            .filter(code -> code.kind() != RecordKind.CHECK && code != MeasurementCode.FIGURE_8_WALK)
            .toArray(MeasurementCode[]::new);

    private final Consumer<MeasurementRecord> recorder;
    private final List<String> members;
    private final Duration every;
    private final RandomGenerator random;
    private final Clock clock;
    private final ScheduledExecutorService timer;
    private long recorded;

    /** Simulates with the Seoul clock and a fresh random source. */
    public SimulatedSessions(Consumer<MeasurementRecord> recorder, List<String> members, Duration every) {
        this(recorder, members, every, new SplittableRandom(), Clock.system(SEOUL));
    }

    SimulatedSessions(Consumer<MeasurementRecord> recorder, List<String> members, Duration every, RandomGenerator random,
            Clock clock) {
        this.recorder = recorder;
        this.members = List.copyOf(members);
        this.every = every;
        this.random = random;
        this.clock = clock;
        this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "ssc-simulator");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Starts recording; with no members, says so and records nothing. */
    public void start() {
        if (members.isEmpty()) {
            log.info("nothing to simulate until members are given: set SSC_SIM_MEMBERS=A1,B2,...");
            return;
        }
        log.info("simulating a result every {} ms for {} members", every.toMillis(), members.size());
        timer.scheduleAtFixedRate(this::recordOne, 0, every.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void recordOne() {
        try {
            recorder.accept(next());
            recorded++;
            log.debug("simulated result {} recorded", recorded);
        } catch (RuntimeException e) {
            // an exception would cancel the schedule; one lost simulated result is not worth that
            log.error("could not record a simulated result", e);
        }
    }

    /** One plausible result for a random member, taken now. */
    MeasurementRecord next() {
        String member = members.get(random.nextInt(members.size()));
        MeasurementCode code = CODES[random.nextInt(CODES.length)];
        Map<String, Object> detail = new HashMap<>();
        detail.put("simulated", true);
        if (code.kind() == RecordKind.EXERCISE) {
            detail.put("level", random.nextInt(1, HIGHEST_PROGRAM_LEVEL + 1));
        }
        return MeasurementRecord.of(member, code, plausibleValue(code), OffsetDateTime.now(clock), detail);
    }

    /** What a senior plausibly scores, in the code's unit. */
    BigDecimal plausibleValue(MeasurementCode code) {
        return switch (code) {
            case CHAIR_STAND_30S -> whole(8, 20);
            case STEP_IN_PLACE_2MIN -> whole(60, 120);
            case TIMED_UP_AND_GO -> tenths(5, 15);
            case ONE_LEG_STANCE -> tenths(2, 30);
            case FIGURE_8_WALK -> tenths(20, 40);
            case GRIP_STRENGTH -> tenths(15, 40);
            case SIT_AND_REACH -> tenths(-10, 20);
            case HEIGHT -> tenths(145, 175);
            case WEIGHT -> tenths(45, 80);
            case STEP_JUMP, BALANCE, INTERVAL -> whole(300, 1200);
            case UNWELL_TODAY -> BigDecimal.ONE;
            case EXERCISE_EFFORT -> whole(2, 7);
        };
    }

    private BigDecimal whole(int low, int high) {
        return BigDecimal.valueOf(random.nextInt(low, high + 1));
    }

    /** One decimal place, like a stopwatch or a dynamometer shows. */
    private BigDecimal tenths(int low, int high) {
        return BigDecimal.valueOf(random.nextInt(low * 10, high * 10 + 1), 1);
    }
}
