package kr.smartsenior.protocol;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * The catalogue of what a kiosk can record: fitness tests and exercise programs, each with its
 * unit and the range a real person can produce. A value outside the range is a sensor fault or a
 * forgery, never a result.
 *
 * <p>Ranges are deliberately wider than any published norm (the fastest or strongest 65-year-old
 * still fits; a 240-stand chair test does not). Exercise records carry the session's active
 * duration in seconds as their value; program details go in {@code detail}.
 */
public enum MeasurementCode {
    CHAIR_STAND_30S(RecordKind.TEST, Unit.COUNT, "0", "60", "30초 의자에 앉았다 일어서기"),
    STEP_IN_PLACE_2MIN(RecordKind.TEST, Unit.COUNT, "0", "250", "2분 제자리 걷기"),
    TIMED_UP_AND_GO(RecordKind.TEST, Unit.SECONDS, "1", "180", "3m 표적 돌아오기"),
    ONE_LEG_STANCE(RecordKind.TEST, Unit.SECONDS, "0", "180", "한 발로 서기"),
    FIGURE_8_WALK(RecordKind.TEST, Unit.SECONDS, "3", "300", "8자 보행"),
    GRIP_STRENGTH(RecordKind.TEST, Unit.KILOGRAMS, "0", "100", "악력"),
    SIT_AND_REACH(RecordKind.TEST, Unit.CENTIMETRES, "-50", "50", "의자에 앉아 윗몸 앞으로 굽히기"),
    HEIGHT(RecordKind.TEST, Unit.CENTIMETRES, "100", "220", "키"),
    WEIGHT(RecordKind.TEST, Unit.KILOGRAMS, "25", "200", "몸무게"),
    STEP_JUMP(RecordKind.EXERCISE, Unit.SECONDS, "0", "3600", "스텝 & 점프"),
    BALANCE(RecordKind.EXERCISE, Unit.SECONDS, "0", "3600", "밸런스"),
    INTERVAL(RecordKind.EXERCISE, Unit.SECONDS, "0", "3600", "고강도 인터벌"),
    /**
     * The senior answered "yes" to the day's safety question before the tests ("아프거나 어지러우세요?"):
     * no test today, and staff should ask how they are. The value is always 1.
     */
    UNWELL_TODAY(RecordKind.CHECK, Unit.COUNT, "1", "1", "몸이 불편하다고 답함"),
    /**
     * How hard the exercise session just ended felt to the senior, 0 (nothing at all) to 10 (the
     * hardest they can imagine): Borg's CR10 scale, asked on the kiosk right after each session.
     * {@code detail.program} names the program ({@code "STEP_JUMP"}), {@code detail.level} its level.
     */
    EXERCISE_EFFORT(RecordKind.CHECK, Unit.COUNT, "0", "10", "운동 후 힘든 정도");

    private final RecordKind kind;
    private final Unit unit;
    private final BigDecimal min;
    private final BigDecimal max;
    private final String koreanName;

    MeasurementCode(RecordKind kind, Unit unit, String min, String max, String koreanName) {
        this.kind = kind;
        this.unit = unit;
        this.min = new BigDecimal(min);
        this.max = new BigDecimal(max);
        this.koreanName = koreanName;
    }

    public RecordKind kind() {
        return kind;
    }

    public Unit unit() {
        return unit;
    }

    /** Smallest plausible value, inclusive. */
    public BigDecimal min() {
        return min;
    }

    /** Largest plausible value, inclusive. */
    public BigDecimal max() {
        return max;
    }

    /** The name shown to seniors and staff. */
    public String koreanName() {
        return koreanName;
    }

    /** The code with this exact wire name, if the catalogue has it. */
    public static Optional<MeasurementCode> fromWire(String text) {
        if (text == null) {
            return Optional.empty();
        }
        for (MeasurementCode code : values()) {
            if (code.name().equals(text)) {
                return Optional.of(code);
            }
        }
        return Optional.empty();
    }
}
