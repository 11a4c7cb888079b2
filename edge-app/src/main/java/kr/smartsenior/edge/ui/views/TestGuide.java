package kr.smartsenior.edge.ui.views;

import java.math.BigDecimal;
import java.math.RoundingMode;
import kr.smartsenior.edge.ui.ports.FitnessTests.Grade;
import kr.smartsenior.edge.ui.ports.FitnessTests.Step;
import kr.smartsenior.edge.ui.voice.Prompt;
import kr.smartsenior.protocol.MeasurementCode;
import kr.smartsenior.protocol.ResultBand;
import kr.smartsenior.protocol.Unit;

/**
 * How the screens present one test: its spoken steps, its demonstration and its result in plain
 * words. Tests without their own sentences get the general ones.
 */
public record TestGuide(MeasurementCode test, Prompt intro, Prompt practice, Prompt safety, Demo demo) {

    /** The animated demonstration shown with the instructions. */
    enum Demo {
        CHAIR_STAND, STEP_IN_PLACE, WALK, ONE_LEG, STAND
    }

    public static TestGuide of(MeasurementCode test) {
        return switch (test) {
            case CHAIR_STAND_30S -> new TestGuide(test, Prompt.CHAIR_STAND_INTRO, Prompt.CHAIR_STAND_PRACTICE,
                    Prompt.TEST_SAFETY, Demo.CHAIR_STAND);
            case STEP_IN_PLACE_2MIN -> new TestGuide(test, Prompt.STEP_IN_PLACE_INTRO, Prompt.TEST_PRACTICE,
                    Prompt.TEST_SAFETY, Demo.STEP_IN_PLACE);
            case TIMED_UP_AND_GO -> new TestGuide(test, Prompt.UP_AND_GO_INTRO, Prompt.TEST_PRACTICE, Prompt.TEST_SAFETY,
                    Demo.WALK);
            case ONE_LEG_STANCE -> new TestGuide(test, Prompt.ONE_LEG_INTRO, Prompt.TEST_PRACTICE, Prompt.ONE_LEG_SAFETY,
                    Demo.ONE_LEG);
            default -> new TestGuide(test, Prompt.TEST_INTRO, Prompt.TEST_PRACTICE, Prompt.TEST_SAFETY, Demo.STAND);
        };
    }

    String name() {
        return test.koreanName();
    }

    /** The sentence for a step at which the test waits. */
    public Prompt prompt(Step step) {
        return switch (step) {
            case SAFETY_CHECK -> safety;
            case INSTRUCTIONS -> intro;
            case PRACTICE -> practice;
        };
    }

    /**
     * The sentence for a step; the one-leg stance's instructions for a senior who chose to hold the chair
     * say to hold it instead of putting the hands on the hips.
     */
    public Prompt prompt(Step step, boolean heldChair) {
        if (heldChair && step == Step.INSTRUCTIONS && test == MeasurementCode.ONE_LEG_STANCE) {
            return Prompt.ONE_LEG_INTRO_CHAIR;
        }
        return prompt(step);
    }

    /** The value with its Korean unit, e.g. "14번", "85회", "8.4초", "23.5kg". */
    public String valueText(BigDecimal value) {
        int scale = test.unit() == Unit.COUNT ? 0 : 1;
        return value.setScale(scale, RoundingMode.HALF_UP).toPlainString() + unitWord();
    }

    /**
     * The Korean unit shown and said after the value: the 2-minute step counts knee lifts, "회" (not
     * steps: only the right knee reaching the target height counts); other counts are "번".
     */
    String unitWord() {
        return switch (test.unit()) {
            case COUNT -> test == MeasurementCode.STEP_IN_PLACE_2MIN ? "회" : "번";
            case SECONDS -> "초";
            case KILOGRAMS -> "kg";
            case CENTIMETRES -> "cm";
        };
    }

    /** The result in plain words. */
    public String resultSentence(BigDecimal value) {
        String v = valueText(value);
        return switch (test) {
            case CHAIR_STAND_30S -> "30초 동안 " + v + " 일어나셨어요.";
            case STEP_IN_PLACE_2MIN -> "2분 동안 오른쪽 무릎을 " + v + " 올리셨어요.";
            case TIMED_UP_AND_GO -> "다녀오는 데 " + v + " 걸렸어요.";
            case ONE_LEG_STANCE -> "한 발로 가장 오래 서 계신 기록은 " + v + "예요.";
            default -> "결과는 " + v + "이에요.";
        };
    }

    /** Before a one-leg stance's value when the senior held the chair: "의자 잡고 12.3초". */
    public static final String HELD_CHAIR = "의자 잡고 ";

    /**
     * The value as the result screen and the summary show it: a one-leg stance held at the chair says so
     * ("의자 잡고 12.3초"), so neither the senior nor staff take it for a hands-free time.
     */
    public String valueText(BigDecimal value, boolean heldChair) {
        return (heldChair ? HELD_CHAIR : "") + valueText(value);
    }

    /** The result in plain words; a one-leg stance held at the chair says it was with the chair. */
    public String resultSentence(BigDecimal value, boolean heldChair) {
        if (heldChair && test == MeasurementCode.ONE_LEG_STANCE) {
            return "의자를 잡고 한 발로 가장 오래 서 계신 기록은 " + valueText(value) + "예요.";
        }
        return resultSentence(value);
    }

    public static Prompt resultPrompt(Grade grade) {
        return switch (grade) {
            case GOOD -> Prompt.RESULT_GOOD;
            case FAIR -> Prompt.RESULT_FAIR;
            case LOW -> Prompt.RESULT_LOW;
            case UNRATED -> Prompt.RESULT_UNRATED;
        };
    }

    /**
     * The grade in words, large beside the grade picture and after a result on the summary: kind words
     * for the three bands (decision 0027: the band is against people of the same age and sex, never a
     * verdict on the person), and "기록했어요" (no judgement) where the server gives no band.
     */
    public static String gradeWord(Grade grade) {
        return switch (grade) {
            case GOOD -> "좋아요";
            case FAIR -> "보통이에요";
            case LOW -> "조금 더 힘내요";
            case UNRATED -> "기록했어요";
        };
    }

    /** The screens' grade for the server's band (above, within, below the usual range). */
    public static Grade grade(ResultBand band) {
        return switch (band) {
            case ABOVE -> Grade.GOOD;
            case WITHIN -> Grade.FAIR;
            case BELOW -> Grade.LOW;
        };
    }
}
