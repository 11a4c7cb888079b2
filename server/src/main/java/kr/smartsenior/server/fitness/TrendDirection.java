package kr.smartsenior.server.fitness;

/** A result against the senior's own earlier results, beyond the test's measurement error. */
public enum TrendDirection {
    /** no earlier result */
    FIRST,
    /** the change is within measurement error */
    STABLE,
    IMPROVED,
    DECLINED,
    /** changed beyond the threshold in a test without a better direction (weight) */
    INCREASED,
    DECREASED,
    /** no measurement error is known for this test, so no change is called */
    NOT_ASSESSED
}
