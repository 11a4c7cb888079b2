package kr.smartsenior.server.fitness;

/** A result against the senior's own earlier results, beyond the test's measurement error. */
public enum TrendDirection {
    /** no earlier result */
    FIRST("첫 측정"),
    /** the change is within measurement error */
    STABLE("유지"),
    IMPROVED("좋아짐"),
    DECLINED("나빠짐"),
    /** changed beyond the threshold in a test without a better direction (weight) */
    INCREASED("늘어남"),
    DECREASED("줄어듦"),
    /** no measurement error is known for this test, or too few results, so no change is called */
    NOT_ASSESSED("판단하지 않음");

    private final String korean;

    TrendDirection(String korean) {
        this.korean = korean;
    }

    /** The word staff read. */
    public String korean() {
        return korean;
    }
}
