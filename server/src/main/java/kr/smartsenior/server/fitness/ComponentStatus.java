package kr.smartsenior.server.fitness;

/** The picture of one component from its current results. */
public enum ComponentStatus {
    NO_DATA,
    /** at least one current result below its normal range (or BMI outside normal / pre-obese) */
    NEEDS_WORK,
    /** graded results within their ranges */
    OK,
    /** every graded result above its range */
    GOOD
}
