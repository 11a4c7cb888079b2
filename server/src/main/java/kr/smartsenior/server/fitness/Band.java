package kr.smartsenior.server.fitness;

/** Where a result lies against its norm for the same sex and age band. */
public enum Band {
    /** worse than the normal range (or below a low-strength cut-off) */
    BELOW("정상 범위보다 낮음"),
    /** within the normal range (or not below a cut-off) */
    WITHIN("정상 범위"),
    /** better than the normal range */
    ABOVE("정상 범위보다 좋음"),
    /** no published norm is used for this test (the reason is given) */
    NOT_GRADED("기준 없음");

    private final String korean;

    Band(String korean) {
        this.korean = korean;
    }

    public String korean() {
        return korean;
    }
}
