package kr.smartsenior.server.fitness;

import java.util.Map;
import java.util.Optional;
import kr.smartsenior.protocol.MeasurementCode;
import kr.smartsenior.protocol.MeasurementProtocol;
import kr.smartsenior.protocol.RecordDetail;
import org.springframework.stereotype.Component;

/**
 * Grades one result against the norm for the senior's sex and age (age in whole years at the
 * test, from the birth year only, so it can be one year high). A Korean norm (국민체력100) is the
 * grade where the kiosk takes the item by its procedure; the US Senior Fitness Test norm is then
 * kept as the second reference. Every text is Korean: staff read it as it is.
 */
@Component
final class Grader {

    static final String POPULATION_KOREA = "한국 어르신 (국민체력100 인증기준)";
    static final String POPULATION_US_1999 = "미국 노인 1999 (Rikli & Jones) 기준";
    static final String POPULATION_TUG = "노인 참고값 메타분석 (Bohannon 2006)";
    static final String POPULATION_AWGS = "아시아 노인 근감소증 기준 (AWGS 2019)";
    static final String KFIT100_SOURCE = "국민체력100 어르신 인증기준 (문화체육관광부 고시 제2025-0027호)";
    static final String SFT_SOURCE = "미국 노인 1999 (Rikli & Jones 1999, Senior Fitness Test, n = 7 183)";
    static final String DERIVED_NOTE = "백분위와 등급은 미국 표본의 25·75 백분위로 추정한 값이며(정규분포 가정)"
            + " 국민체력100 공식 등급이 아닙니다";
    static final int OLDEST_SFT_AGE = 94;
    static final int YOUNGEST_NORM_AGE = 60;
    static final int YOUNGEST_KFIT100_AGE = 65;
    /** The items graded against 국민체력100 because the kiosk takes them by its procedure (see the data file). */
    static final Map<MeasurementCode, String> KFIT100_ITEMS = Map.of(
            MeasurementCode.CHAIR_STAND_30S, "CHAIR_STAND_30S",
            MeasurementCode.STEP_IN_PLACE_2MIN, "STEP_IN_PLACE_2MIN");
    static final String RELATIVE_GRIP = "RELATIVE_GRIP";

    private final NormTables norms;

    Grader(NormTables norms) {
        this.norms = norms;
    }

    Grade grade(MeasurementCode code, double value, String sex, int age, Map<String, Object> detail) {
        if (age < YOUNGEST_NORM_AGE && code != MeasurementCode.GRIP_STRENGTH && code != MeasurementCode.HEIGHT
                && code != MeasurementCode.WEIGHT) {
            return Grade.notGraded("기준이 60세부터라 평가하지 않습니다 (측정 당시 " + age + "세)");
        }
        Optional<String> foreign = foreignProtocol(code, detail);
        if (foreign.isPresent()) {
            return Grade.notGraded(foreign.get());
        }
        return switch (code) {
            case CHAIR_STAND_30S, STEP_IN_PLACE_2MIN, SIT_AND_REACH -> functional(code, value, sex, age);
            case TIMED_UP_AND_GO -> tug(value, age);
            case GRIP_STRENGTH -> grip(value, sex);
            case ONE_LEG_STANCE -> Grade.notGraded("나이·성별 정상 범위를 채택하지 않았습니다; 낙상 위험 평가에만 씁니다");
            case FIGURE_8_WALK -> Grade.notGraded("국민체력100 8자 보행 기준은 키오스크의 코스와 같은지 확인되지 않아"
                    + " 적용하지 않습니다; 본인 변화만 봅니다");
            case HEIGHT, WEIGHT -> Grade.notGraded("BMI 계산에 씁니다");
            case STEP_JUMP, BALANCE, INTERVAL -> Grade.notGraded("운동 기록이며 검사가 아닙니다");
            case UNWELL_TODAY -> Grade.notGraded("안전 질문에 대한 어르신의 답이며 검사가 아닙니다");
            case EXERCISE_EFFORT -> Grade.notGraded("운동 후 어르신이 답한 힘든 정도이며 검사가 아닙니다");
        };
    }

    /**
     * 상대악력 (best grip of the better hand ÷ body weight × 100) against the 국민체력100 senior
     * cut-offs, which start at 65.
     */
    Grade relativeGrip(double percent, String sex, int age) {
        Optional<CertificationGrades> found = norms.kfit100(RELATIVE_GRIP, sex, age);
        if (age < YOUNGEST_KFIT100_AGE || found.isEmpty()) {
            return Grade.notGraded("국민체력100 상대악력 기준은 65세부터입니다 (측정 당시 " + age + "세)");
        }
        return certification(found.get(), percent, null);
    }

    /**
     * Why a result cannot be graded against this code's norm because of how it was taken, if so: a
     * norm grades only results taken by the procedure it was published for ({@link MeasurementProtocol};
     * the sit-and-reach norm is the Senior Fitness Test's <em>chair</em> sit-and-reach). A record
     * without a protocol id (the earliest kiosks, hand-made records) is graded as the catalogue's
     * procedure. The reason is Korean, for staff.
     */
    static Optional<String> foreignProtocol(MeasurementCode code, Map<String, Object> detail) {
        MeasurementProtocol.Reading reading = MeasurementProtocol.read(detail == null ? null
                : detail.get(RecordDetail.PROTOCOL));
        return switch (reading) {
            case MeasurementProtocol.Reading.Absent absent -> Optional.empty();
            case MeasurementProtocol.Reading.Known known when known.protocol() == MeasurementProtocol.of(code) ->
                    Optional.empty();
            case MeasurementProtocol.Reading.Known known when known.protocol()
                    == MeasurementProtocol.ONE_LEG_STANCE_SUPPORTED -> Optional.of("의자를 잡고 잰 한 발로 서기("
                    + known.protocol().id() + ")라 기준과 비교하지 않고 본인 변화만 봅니다");
            case MeasurementProtocol.Reading.Known known when known.protocol().code() == code -> Optional.of(
                    "기준과 다른 측정 방법(" + known.protocol().id() + ")으로 잰 기록이라 평가하지 않고 보관합니다");
            case MeasurementProtocol.Reading.Known known -> Optional.of(code.koreanName() + "의 측정 방법이 아닌 "
                    + known.protocol().id() + "(으)로 기록되어 평가하지 않습니다");
            case MeasurementProtocol.Reading.Superseded superseded -> Optional.of("예전 측정 방식("
                    + superseded.id() + ")으로 잰 기록입니다. " + supersededBecause(superseded.protocol())
                    + " 그래서 기준과 비교하지 않고 보관만 하며, 지금 방식(" + superseded.protocol().id()
                    + ")의 기록과 변화를 비교하지 않습니다");
            case MeasurementProtocol.Reading.OtherVersion other -> Optional.of("이 서버가 모르는 측정 방식 버전("
                    + other.protocol().id().substring(0, other.protocol().id().lastIndexOf('/') + 1) + other.version()
                    + ")이라 보관만 합니다; 서버를 업데이트하면 평가합니다 (이 서버는 " + other.protocol().version()
                    + "판을 압니다)");
            case MeasurementProtocol.Reading.Unknown unknown -> Optional.of("알 수 없는 측정 방식('" + unknown.text()
                    + "')으로 기록되어 보관만 하고 평가하지 않습니다");
        };
    }

    /** What was wrong with the earlier version of a corrected procedure (see {@link MeasurementProtocol}). */
    static String supersededBecause(MeasurementProtocol corrected) {
        return switch (corrected) {
            case CHAIR_STAND_30S -> "등받이에 기댄 자세로 앉은 기준을 잡고, 끝까지 일어서지 않은 동작도 셌습니다.";
            case STEP_IN_PLACE_2MIN -> "무릎 높이와 관계없이 모든 걸음을 셌습니다.";
            case TIMED_UP_AND_GO -> "일어서는 도중에 시간을 재기 시작해 0.7-1.5초 짧게 잰 기록입니다.";
            case ONE_LEG_STANCE -> "들어 올린 발을 패드 옆에 내려도 시간을 계속 쟀습니다.";
            default -> "그 뒤 측정 방법이 바로잡혔습니다.";
        };
    }

    /** Chair stand, 2-minute step and chair sit-and-reach: 국민체력100 where it applies, the SFT range always. */
    private Grade functional(MeasurementCode code, double value, String sex, int age) {
        String item = KFIT100_ITEMS.get(code);
        Optional<CertificationGrades> korean = item == null ? Optional.empty() : norms.kfit100(item, sex, age);
        Grade us = sft(code.name(), value, sex, age, korean.isEmpty());
        if (korean.isEmpty()) {
            if (item != null && us.band() != Band.NOT_GRADED) {
                return new Grade(us.band(), us.percentile(), us.grade(), us.reference(), us.population(),
                        "국민체력100 어르신 기준은 65세부터라 미국 기준으로만 평가했습니다. " + us.note(), null);
            }
            return us;
        }
        return certification(korean.get(), value, us.band() == Band.NOT_GRADED ? null : us);
    }

    private static Grade certification(CertificationGrades grades, double value, Grade secondary) {
        Integer grade = grades.grade(value);
        String note = grade == null ? "3등급 기준에 못 미칩니다 (같은 나이·성별 한국 어르신 하위 30%)"
                : "국민체력100 공식 " + grade + "등급 (" + switch (grade) {
                    case 1 -> "상위 30% 이내";
                    case 2 -> "상위 30-50%";
                    default -> "상위 50-70%";
                } + ")";
        return new Grade(grades.band(value), null, grade, KFIT100_SOURCE + ", " + grades.describe(), POPULATION_KOREA,
                note, secondary);
    }

    /** The SFT normal range; {@code primary}: whether it is the grade (else the second reference, without a derived grade). */
    private Grade sft(String test, double value, String sex, int age, boolean primary) {
        int lookupAge = Math.min(age, OLDEST_SFT_AGE);
        Optional<NormalRange> found = norms.sft(test, sex, lookupAge);
        if (found.isEmpty()) {
            return Grade.notGraded(Units.sex(sex) + " " + age + "세의 정상 범위가 없습니다");
        }
        NormalRange range = found.get();
        String note = DERIVED_NOTE;
        if (age > OLDEST_SFT_AGE) {
            note = "가장 높은 연령대(90-94세) 기준과 비교했습니다. " + note;
        }
        return new Grade(range.band(value), range.percentile(value), primary ? range.grade(value) : null,
                SFT_SOURCE + ", " + range.describe(), POPULATION_US_1999, note, null);
    }

    private Grade tug(double seconds, int age) {
        Optional<NormTables.TugReference> found = norms.tug(age);
        String note = "평소 걸음의 3m TUG입니다; SFT 8피트 기준과 국민체력100 3m 표적 돌아오기(최대한 빨리) 기준은"
                + " 측정 방법이 달라 적용하지 않습니다";
        if (found.isEmpty()) {
            found = norms.tug(99);
            note = "가장 높은 연령대(80-99세) 참고값과 비교했습니다. " + note;
        }
        NormTables.TugReference reference = found.orElseThrow();
        Band band = seconds > reference.ciHigh() ? Band.BELOW : Band.WITHIN;
        return new Grade(band, null, null, "Bohannon 2006 (3m TUG) %d-%d세: 평균 %s초, %s초보다 느리면 평균보다 나쁨"
                .formatted(reference.ageFrom(), reference.ageTo(), Numbers.plain(reference.mean()),
                        Numbers.plain(reference.ciHigh())), POPULATION_TUG, note, null);
    }

    private Grade grip(double kg, String sex) {
        double lowUnder = norms.gripLowUnder(sex).orElseThrow();
        Band band = kg < lowUnder ? Band.BELOW : Band.WITHIN;
        return new Grade(band, null, null, "AWGS 2019: %s 악력 %s kg 미만이면 근력 저하"
                .formatted(Units.sex(sex), Numbers.plain(lowUnder)), POPULATION_AWGS,
                "낮음/낮지 않음만 가르는 기준입니다; 나이별 비교는 상대악력(국민체력100)을 보세요", null);
    }
}
