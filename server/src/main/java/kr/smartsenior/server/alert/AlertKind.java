package kr.smartsenior.server.alert;

/** What an alert is about, as staff filter by it. */
enum AlertKind {
    /** 낙상 위험 높음 or 주의 */
    FALL_RISK("낙상 위험"),
    /** 낙상 위험 확인 필요: no flag, but the evidence for 낮음 is incomplete */
    FALL_RISK_CHECK("낙상 위험 확인 필요"),
    /** a test's latest result against the median of the earlier ones, beyond measurement error */
    DECLINE("최근 저하"),
    /** a test's line through up to three years of results, beyond measurement error */
    SLOW_DECLINE("서서히 저하"),
    /** a senior who came before has not been seen for the configured number of days */
    ABSENCE("결석"),
    /** the senior told the kiosk they were in pain or dizzy */
    UNWELL("몸 불편 응답"),
    /** a site's fall-risk test whose kiosk measurement is not yet validated against hand timing */
    UNVALIDATED("측정 검증 전");

    private final String korean;

    AlertKind(String korean) {
        this.korean = korean;
    }

    public String korean() {
        return korean;
    }
}
