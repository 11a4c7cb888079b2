package kr.smartsenior.edge.measure;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kr.smartsenior.protocol.MeasurementCode;
import kr.smartsenior.protocol.MeasurementProtocol;

/**
 * Items the kiosk cannot measure, typed in by staff: grip strength per hand (best of the trials),
 * the Senior Fitness Test's chair sit-and-reach (best trial, negative when the fingers stop short of
 * the toes; the norm the server grades it against is for this procedure), height, and
 * weight with the BMI computed from the height. Values outside the catalogue's range are refused
 * with a message naming the item, so a typo never reaches the outbox.
 */
public final class StaffEntry {

    /** Which hand a grip trial was. */
    public enum Hand {
        LEFT, RIGHT
    }

    static final int MAX_TRIALS = 3;

    private StaffEntry() {
    }

    /** Grip strength of one hand, kg; the best trial is the result. */
    public static TestResult grip(Hand hand, List<BigDecimal> trialsKg) {
        List<BigDecimal> trials = checkTrials(MeasurementCode.GRIP_STRENGTH, trialsKg);
        Map<String, Object> detail = staff(MeasurementProtocol.GRIP);
        detail.put("hand", hand.name().toLowerCase(java.util.Locale.ROOT));
        detail.put("trials", trials);
        return new TestResult(MeasurementCode.GRIP_STRENGTH, best(trials), detail);
    }

    /** Chair sit-and-reach, cm (negative short of the toes); the best trial is the result. */
    public static TestResult sitAndReach(List<BigDecimal> trialsCm) {
        List<BigDecimal> trials = checkTrials(MeasurementCode.SIT_AND_REACH, trialsCm);
        Map<String, Object> detail = staff(MeasurementProtocol.CHAIR_SIT_AND_REACH);
        detail.put("trials", trials);
        return new TestResult(MeasurementCode.SIT_AND_REACH, best(trials), detail);
    }

    public static TestResult height(BigDecimal cm) {
        return new TestResult(MeasurementCode.HEIGHT, check(MeasurementCode.HEIGHT, cm), staff(MeasurementProtocol.HEIGHT));
    }

    /** Weight, kg; with a height (cm) the BMI goes into the detail. */
    public static TestResult weight(BigDecimal kg, BigDecimal heightCm) {
        BigDecimal weight = check(MeasurementCode.WEIGHT, kg);
        Map<String, Object> detail = staff(MeasurementProtocol.WEIGHT);
        if (heightCm != null) {
            BigDecimal height = check(MeasurementCode.HEIGHT, heightCm);
            detail.put("heightCm", height);
            detail.put("bmi", bmi(weight, height));
        }
        return new TestResult(MeasurementCode.WEIGHT, weight, detail);
    }

    /** kg / m², to one decimal. */
    public static BigDecimal bmi(BigDecimal kg, BigDecimal cm) {
        BigDecimal metres = cm.movePointLeft(2);
        return kg.divide(metres.multiply(metres), 1, RoundingMode.HALF_UP);
    }

    private static Map<String, Object> staff(MeasurementProtocol protocol) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("protocol", protocol.id());
        detail.put("source", "staff");
        return detail;
    }

    private static List<BigDecimal> checkTrials(MeasurementCode code, List<BigDecimal> trials) {
        if (trials == null || trials.isEmpty() || trials.size() > MAX_TRIALS) {
            throw new IllegalArgumentException(code.koreanName() + ": 1 to " + MAX_TRIALS + " trials, got "
                    + (trials == null ? 0 : trials.size()));
        }
        return trials.stream().map(value -> check(code, value)).toList();
    }

    private static BigDecimal check(MeasurementCode code, BigDecimal value) {
        if (value == null) {
            throw new IllegalArgumentException(code.koreanName() + ": a value is needed");
        }
        if (value.compareTo(code.min()) < 0 || value.compareTo(code.max()) > 0) {
            throw new IllegalArgumentException(code.koreanName() + ": " + value.toPlainString() + " "
                    + code.unit().wireName() + " is outside " + code.min() + " to " + code.max());
        }
        if (value.stripTrailingZeros().scale() > 1) {
            throw new IllegalArgumentException(code.koreanName() + ": one decimal place at most, got " + value.toPlainString());
        }
        return value.setScale(1, RoundingMode.UNNECESSARY);
    }

    private static BigDecimal best(List<BigDecimal> trials) {
        return trials.stream().max(Comparator.naturalOrder()).orElseThrow();
    }
}
