package kr.smartsenior.server.screening;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the latest screening means for exercise today.
 *
 * @param state          whether the senior is screened, and cleared
 * @param bloodPressure  the class of the last resting blood pressure
 * @param answeredYes    the PAR-Q+ questions answered "yes" (the ones needing clearance; STEADI's
 *                       fall questions are read by the fall-risk evaluation, the bone question by
 *                       {@link #jumpsAllowed()})
 * @param screening      the screening this is based on, or null
 */
public record ScreeningStatus(State state, BloodPressure bloodPressure, List<ScreeningQuestion> answeredYes,
        Screening screening) {

    /** A screening is valid for a year, like the PAR-Q+ advice to repeat it at least yearly. */
    public static final Duration VALID_FOR = Duration.ofDays(365);
    /**
     * 국민체력100 measures only seniors whose blood pressure on the day is under 160/100 mmHg; at or
     * above it we prescribe no vigorous exercise.
     */
    public static final int HIGH_SYSTOLIC = 160;
    public static final int HIGH_DIASTOLIC = 100;
    /** Project safety rule (severe hypertension, 180/110): no kiosk exercise until staff re-measure. */
    public static final int SEVERE_SYSTOLIC = 180;
    public static final int SEVERE_DIASTOLIC = 110;

    public enum State {
        NOT_SCREENED,
        /** older than {@link #VALID_FOR} */
        EXPIRED,
        /** every PAR-Q+ answer "no" */
        CLEAR,
        /** some "yes", with a recorded {@link Clearance} (the clinician who agreed) */
        CLEARED_BY_STAFF,
        /** some "yes", no clearance recorded */
        NEEDS_CLEARANCE
    }

    public enum BloodPressure {
        UNKNOWN,
        NORMAL,
        /** at or above 160/100 */
        HIGH,
        /** at or above 180/110 */
        SEVERE
    }

    /** The status of the latest screening (if any) as of {@code now}. */
    public static ScreeningStatus of(Optional<Screening> latest, Instant now) {
        if (latest.isEmpty()) {
            return new ScreeningStatus(State.NOT_SCREENED, BloodPressure.UNKNOWN, List.of(), null);
        }
        Screening s = latest.get();
        // only the PAR-Q+ questions need clearance; STEADI's fall questions go to the fall-risk evaluation
        List<ScreeningQuestion> yes = s.answers().entrySet().stream().filter(e -> e.getValue())
                .map(e -> e.getKey()).filter(q -> !q.isFallRiskKeyQuestion() && q != ScreeningQuestion.BONE_FRAGILITY)
                .sorted().toList();
        State state;
        if (s.recordedAt().toInstant().isBefore(now.minus(VALID_FOR))) {
            state = State.EXPIRED;
        } else if (yes.isEmpty()) {
            state = State.CLEAR;
        } else {
            state = s.clearance() != null ? State.CLEARED_BY_STAFF : State.NEEDS_CLEARANCE;
        }
        return new ScreeningStatus(state, bloodPressure(s.systolic(), s.diastolic()), yes, s);
    }

    /**
     * The answer to the bone question (osteoporosis, or a fracture since 50): empty when there is no
     * screening or it was recorded before the question was asked.
     */
    public Optional<Boolean> boneFragility() {
        return screening == null ? Optional.empty() : Optional.ofNullable(screening.answers().get(
                ScreeningQuestion.BONE_FRAGILITY));
    }

    /** Jumps (impact) only after a "no" to the bone question; unanswered counts as not allowed. */
    public boolean jumpsAllowed() {
        return boneFragility().map(fragile -> !fragile).orElse(false);
    }

    static BloodPressure bloodPressure(Integer systolic, Integer diastolic) {
        if (systolic == null || diastolic == null) {
            return BloodPressure.UNKNOWN;
        }
        if (systolic >= SEVERE_SYSTOLIC || diastolic >= SEVERE_DIASTOLIC) {
            return BloodPressure.SEVERE;
        }
        if (systolic >= HIGH_SYSTOLIC || diastolic >= HIGH_DIASTOLIC) {
            return BloodPressure.HIGH;
        }
        return BloodPressure.NORMAL;
    }
}
