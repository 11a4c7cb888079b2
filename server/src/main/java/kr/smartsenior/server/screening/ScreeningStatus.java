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

    /** Whether the senior is screened and cleared; {@link #korean()} is what staff read. */
    public enum State {
        NOT_SCREENED("건강 질문 전"),
        /** older than {@link #VALID_FOR} */
        EXPIRED("1년 지남: 다시 받아야 함"),
        /** every PAR-Q+ answer "no" */
        CLEAR("문제 없음 (모두 '아니요')"),
        /** some "yes", with a recorded {@link Clearance} (the clinician who agreed) */
        CLEARED_BY_STAFF("'예'가 있으나 의료진 확인 완료"),
        /** some "yes", no clearance recorded */
        NEEDS_CLEARANCE("'예'가 있어 의료진 확인 필요");

        private final String korean;

        State(String korean) {
            this.korean = korean;
        }

        public String korean() {
            return korean;
        }
    }

    /** The class of the last resting blood pressure; {@link #korean()} is what staff read. */
    public enum BloodPressure {
        UNKNOWN("알 수 없음 (기록 없음)"),
        NORMAL("160/100 mmHg 미만"),
        /** at or above 160/100 */
        HIGH("높음 (160/100 mmHg 이상)"),
        /** at or above 180/110 */
        SEVERE("매우 높음 (180/110 mmHg 이상)");

        private final String korean;

        BloodPressure(String korean) {
            this.korean = korean;
        }

        public String korean() {
            return korean;
        }
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

    /** What staff still need to do or record, in Korean (empty when nothing is missing). */
    public List<String> missing() {
        List<String> missing = new java.util.ArrayList<>();
        switch (state) {
            case NOT_SCREENED -> missing.add("건강 질문을 받아 주세요. 받을 때까지 가벼운 운동만 합니다.");
            case EXPIRED -> missing.add("마지막 건강 질문이 1년이 지났습니다. 다시 받아 주세요. 그때까지 가벼운 운동만 합니다.");
            case NEEDS_CLEARANCE -> missing.add("'예'라고 답한 질문(" + String.join(", ", answeredYes.stream()
                    .map(ScreeningQuestion::shortKorean).toList()) + ")에 대해 담당 의료진이 운동에 동의했는지 확인하고"
                    + " 기록해 주세요. 그때까지 가벼운 운동만 합니다.");
            case CLEAR, CLEARED_BY_STAFF -> {
            }
        }
        if (screening != null && state != State.EXPIRED) {
            if (bloodPressure == BloodPressure.UNKNOWN) {
                missing.add("혈압 기록이 없습니다. 다음에 재면 건강 질문과 함께 적어 주세요.");
            }
            if (boneFragility().isEmpty()) {
                missing.add("뼈 건강 질문(골다공증, 50세 이후 골절)에 답이 없어 점프 운동은 하지 않습니다.");
            }
        }
        return List.copyOf(missing);
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
