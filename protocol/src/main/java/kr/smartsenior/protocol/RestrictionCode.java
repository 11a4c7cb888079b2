package kr.smartsenior.protocol;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Map;

/**
 * The safety restrictions a prescription can carry, and what each one limits. The server decides
 * which apply ({@code PrescriptionRules}); the kiosk applies the same limits again, so a stale or
 * hand-made roster can never open more than is safe. Both read the limits from here.
 *
 * <p>A code this build does not know (a roster from a newer server) reads as {@link #UNKNOWN}, which
 * limits as much as low intensity with support: the kiosk keeps working and stays on the safe side.
 */
public enum RestrictionCode {
    /** Not screened, screening expired, or a "yes" not yet cleared: low intensity only. */
    LOW_INTENSITY_ONLY("LOW_INTENSITY_ONLY", Map.of(MeasurementCode.INTERVAL, 0, MeasurementCode.STEP_JUMP, 1,
            MeasurementCode.BALANCE, 2), false),
    /** Resting blood pressure in the severe range: no kiosk program at all until a lower reading. */
    BP_SEVERE("SAFE-BP-SEVERE", Map.of(MeasurementCode.INTERVAL, 0, MeasurementCode.STEP_JUMP, 0,
            MeasurementCode.BALANCE, 0), false),
    /** Resting blood pressure high: no vigorous exercise (no intervals, step &amp; jump level 1). */
    BP_HIGH("SAFE-BP-HIGH", Map.of(MeasurementCode.INTERVAL, 0, MeasurementCode.STEP_JUMP, 1), false),
    /** High fall risk: no intervals, step &amp; jump level 1, balance at most 2, always with support. */
    FALL_HIGH("SAFE-FALL-HIGH", Map.of(MeasurementCode.INTERVAL, 0, MeasurementCode.STEP_JUMP, 1,
            MeasurementCode.BALANCE, 2), true),
    /** Elevated or high fall risk: every standing exercise next to a chair or rail. */
    FALL_SUPPORT("SAFE-FALL-SUPPORT", Map.of(), true),
    /** Fall risk not measured yet: no intervals until a balance or gait test is done. */
    INTERVAL_UNTESTED("SAFE-INTERVAL-UNTESTED", Map.of(MeasurementCode.INTERVAL, 0), false),
    /**
     * Fall risk measured but not low (any fall-risk flag, or a check still due): no high-intensity
     * intervals, which are only for seniors at low fall risk with a clear screening.
     */
    INTERVAL_FALL_RISK("SAFE-INTERVAL-FALL", Map.of(MeasurementCode.INTERVAL, 0), false),
    /**
     * Osteoporosis, a fracture after 50, or the bone question not answered: step &amp; jump only up to
     * {@link #STEP_JUMP_HIGHEST_WITHOUT_JUMPS}, the levels without two-footed jumps.
     */
    NO_JUMPS("SAFE-BONE-NO-JUMP", Map.of(MeasurementCode.STEP_JUMP, RestrictionCode.STEP_JUMP_HIGHEST_WITHOUT_JUMPS),
            false),
    /**
     * A code from a newer server (or a malformed entry): treated as low intensity with support. Never
     * written by the server.
     */
    UNKNOWN("UNKNOWN", Map.of(MeasurementCode.INTERVAL, 0, MeasurementCode.STEP_JUMP, 1,
            MeasurementCode.BALANCE, 2), true);

    /** The highest level of a kiosk program. */
    public static final int MAX_LEVEL = 5;
    /**
     * The highest step &amp; jump level whose cues are steps only: from the next level on the kiosk
     * asks for jumps with both feet (the kiosk's {@code StepJumpSession} levels; its test keeps the two
     * in step).
     */
    public static final int STEP_JUMP_HIGHEST_WITHOUT_JUMPS = 3;

    private final String wire;
    private final Map<MeasurementCode, Integer> caps;
    private final boolean withSupport;

    RestrictionCode(String wire, Map<MeasurementCode, Integer> caps, boolean withSupport) {
        this.wire = wire;
        this.caps = caps;
        this.withSupport = withSupport;
    }

    /** The code as it travels in the roster and is stored with a plan ({@code "SAFE-BP-HIGH"}). */
    @JsonValue
    public String wire() {
        return wire;
    }

    /**
     * The highest level of an exercise program this restriction allows: 0 forbids the program,
     * {@link #MAX_LEVEL} leaves it unlimited.
     */
    public int levelCap(MeasurementCode program) {
        if (program.kind() != RecordKind.EXERCISE) {
            throw new IllegalArgumentException(program + " is not an exercise program");
        }
        return caps.getOrDefault(program, MAX_LEVEL);
    }

    /** Whether the program may not be done at all. */
    public boolean forbids(MeasurementCode program) {
        return levelCap(program) == 0;
    }

    /** Whether every program must be done holding on to a chair or rail. */
    public boolean withSupport() {
        return withSupport;
    }

    /** Whether the restriction reflects high resting blood pressure (the tests' safety gate reads it). */
    public boolean highBloodPressure() {
        return this == BP_HIGH || this == BP_SEVERE;
    }

    /** The code with this wire text; {@link #UNKNOWN} for anything else, including null. */
    @JsonCreator
    public static RestrictionCode fromWire(String text) {
        for (RestrictionCode code : values()) {
            if (code != UNKNOWN && code.wire.equals(text)) {
                return code;
            }
        }
        return UNKNOWN;
    }

    /** The wire text, so logs and staff pages show the code as it travels. */
    @Override
    public String toString() {
        return wire;
    }
}
