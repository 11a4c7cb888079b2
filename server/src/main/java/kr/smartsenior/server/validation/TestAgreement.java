package kr.smartsenior.server.validation;

import java.math.BigDecimal;

/**
 * 검증 측정 of one test at one site: the kiosk against staff hand timing, as staff read it.
 *
 * @param protocol           the procedure compared (today's; other procedures are not counted)
 * @param n                  pairs counted
 * @param unreadable         records whose hand reference is not a non-negative number (not counted)
 * @param meanDifference     mean of kiosk - hand (null under 2 pairs)
 * @param sd                 SD of the differences
 * @param lowerLimit         95 % limit of agreement, mean - 1.96 SD
 * @param upperLimit         mean + 1.96 SD
 * @param limitCiHalfWidth   95 % confidence half-width of each limit
 * @param threshold          the test's smallest real change (null when it has none: never validated)
 * @param thresholdProvisional the smallest real change is a project placeholder
 * @param minimumPairs       pairs needed before a test can be validated
 * @param validated          n reaches the minimum and both limits (with their confidence half-width)
 *                           lie within ± the smallest real change
 * @param status             검증 완료 or 검증 전, with why in Korean
 */
public record TestAgreement(String siteId, String code, String name, String unit, String protocol, int n,
        int unreadable, BigDecimal meanDifference, BigDecimal sd, BigDecimal lowerLimit, BigDecimal upperLimit,
        BigDecimal limitCiHalfWidth, BigDecimal threshold, boolean thresholdProvisional, String thresholdSource,
        int minimumPairs, boolean validated, String status) {
}
