package kr.smartsenior.server.fitness;

/**
 * Overall fall risk (낙상 위험): HIGH restricts the prescription, ELEVATED adds support and balance
 * emphasis, NEEDS_CHECK means the evidence for "낮음" is incomplete (what is missing is listed).
 */
public enum FallRiskLevel {
    /** 확인 필요: no flag raised, but not every piece LOW needs is there (see the assessment's missing list) */
    NEEDS_CHECK("확인 필요"),
    /** 낮음: recent gait and balance tests by today's procedures, no flag, no fall in the past year */
    LOW("낮음"),
    /** 주의 */
    ELEVATED("주의"),
    /** 높음 */
    HIGH("높음");

    private final String korean;

    FallRiskLevel(String korean) {
        this.korean = korean;
    }

    /** The label staff see. */
    public String korean() {
        return korean;
    }
}
