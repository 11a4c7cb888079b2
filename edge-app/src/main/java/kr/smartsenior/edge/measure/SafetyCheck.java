package kr.smartsenior.edge.measure;

import java.util.ArrayList;
import java.util.List;

/**
 * The questions asked before any test, every day: pain today, dizziness today, and the blood
 * pressure when it was measured. Any "yes", a pressure of {@value #SYSTOLIC_LIMIT}/{@value
 * #DIASTOLIC_LIMIT} mmHg or above, or a high pressure on the member's record, means no test today.
 *
 * @param painToday          pain in the chest, joints or back today
 * @param dizzyToday         dizziness or feeling faint today
 * @param systolic           mmHg, or null when not measured
 * @param diastolic          mmHg, or null when not measured
 * @param highPressureOnFile the member's prescription carries a blood-pressure restriction: staff measured
 *                           {@value #SYSTOLIC_LIMIT}/{@value #DIASTOLIC_LIMIT} mmHg or above and no lower
 *                           reading since (the server's {@code SAFE-BP-HIGH} or {@code SAFE-BP-SEVERE})
 */
public record SafetyCheck(boolean painToday, boolean dizzyToday, Integer systolic, Integer diastolic,
        boolean highPressureOnFile) {

    public static final int SYSTOLIC_LIMIT = 160;
    public static final int DIASTOLIC_LIMIT = 100;

    /** The questions and a pressure measured today, with nothing on file. */
    public SafetyCheck(boolean painToday, boolean dizzyToday, Integer systolic, Integer diastolic) {
        this(painToday, dizzyToday, systolic, diastolic, false);
    }

    public SafetyCheck {
        if ((systolic == null) != (diastolic == null)) {
            throw new IllegalArgumentException("blood pressure needs both numbers, or neither");
        }
        if (systolic != null && (systolic < 50 || systolic > 300 || diastolic < 20 || diastolic > 200 || diastolic >= systolic)) {
            throw new IllegalArgumentException("blood pressure " + systolic + "/" + diastolic + " cannot be right; measure again");
        }
    }

    /** No pain, no dizziness, pressure not measured. */
    public static SafetyCheck allClear() {
        return new SafetyCheck(false, false, null, null);
    }

    /** Why testing is not safe today; empty when the senior may be tested. */
    public List<String> reasonsNotToTest() {
        List<String> reasons = new ArrayList<>();
        if (painToday) {
            reasons.add("오늘 통증이 있어요");
        }
        if (dizzyToday) {
            reasons.add("오늘 어지러움이 있어요");
        }
        if (systolic != null && (systolic >= SYSTOLIC_LIMIT || diastolic >= DIASTOLIC_LIMIT)) {
            reasons.add("혈압이 높아요 (" + systolic + "/" + diastolic + ")");
        }
        if (highPressureOnFile) {
            reasons.add("혈압이 높다고 기록되어 있어요");
        }
        return List.copyOf(reasons);
    }

    public boolean cleared() {
        return reasonsNotToTest().isEmpty();
    }
}
