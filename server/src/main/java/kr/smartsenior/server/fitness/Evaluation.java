package kr.smartsenior.server.fitness;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * A senior's fitness as of {@code evaluatedAt}: the latest result of every test with its grade and
 * trend, fall-risk flags, a picture per component and BMI. Every number says where it came from.
 *
 * @param age the age this year (from the birth year; each result is graded at its own age)
 */
public record Evaluation(String memberId, String sex, int age, Instant evaluatedAt, List<TestResult> results,
        FallRisk fallRisk, List<ComponentSummary> components, Bmi bmi) {

    /**
     * The latest result of one test. {@code current}: taken within the last 12 months. For grip the
     * value is the best trial of the better hand on the latest day, {@code hands} each hand's own
     * latest value and trend, {@code relativeGrip} that value per body weight; both empty/null for
     * other tests.
     */
    public record TestResult(String code, String name, BigDecimal value, String unit, OffsetDateTime takenAt,
            int ageAtTest, boolean current, Grade grade, Trend trend, List<HandResult> hands,
            RelativeGrip relativeGrip) {
    }

    /**
     * The latest result against the median of up to 3 earlier ones (short-term), and the long-term
     * trend beside it. Only results taken by the latest's procedure are compared.
     *
     * @param change      latest minus baseline (null when FIRST)
     * @param threshold   the smallest change counted as real (absolute, or a fraction when relative)
     * @param provisional the threshold is a project placeholder, not a published value
     * @param previousAt  when the most recent earlier result was taken
     * @param excluded    earlier results left out because another procedure took them (e.g. superseded)
     * @param korean      the short-term change in words, for staff
     */
    public record Trend(TrendDirection direction, BigDecimal baseline, BigDecimal change, int earlierResults,
            BigDecimal threshold, boolean relative, boolean provisional, String source, OffsetDateTime previousAt,
            int excluded, String korean, LongTermTrend longTerm) {
    }

    /**
     * The least-squares line through the results of up to the last three years (at least 3 results
     * over at least 12 months, else NOT_ASSESSED with null numbers).
     *
     * @param perYear      the line's change per year, in the test's unit
     * @param fittedChange the line's change across the span of the results, compared with the threshold
     * @param threshold    the measurement error the fitted change must exceed (absolute)
     * @param korean       the trend in words, for staff
     */
    public record LongTermTrend(TrendDirection direction, BigDecimal perYear, BigDecimal fittedChange, int results,
            OffsetDateTime from, BigDecimal threshold, boolean provisional, String korean) {
    }

    /** One hand's latest grip (best trial that day) and its own trend. */
    public record HandResult(String hand, String korean, BigDecimal value, OffsetDateTime takenAt, Trend trend) {
    }

    /**
     * 상대악력 as 국민체력100 reports it: the grip value ÷ body weight × 100, with the weight used
     * and its grade against the Korean senior cut-offs.
     */
    public record RelativeGrip(BigDecimal value, BigDecimal weight, OffsetDateTime weightAt, Grade grade) {
    }

    /**
     * Fall risk from STEADI's key questions and the fall-risk tests of the last 12 months
     * ({@link FallRiskAssessment}).
     *
     * @param korean      the level as staff read it (낮음, 주의, 높음, 확인 필요)
     * @param flags       flags raised by test results
     * @param keyAnswers  the latest screening's "yes" answers to STEADI's key questions
     * @param reasons     why the level is what it is, in Korean
     * @param missing     what "낮음" still needs, in Korean (empty when nothing is missing)
     * @param notMeasured fall-risk tests without a current result
     */
    public record FallRisk(FallRiskLevel level, String korean, List<FallRiskFlag> flags, List<KeyAnswer> keyAnswers,
            List<String> reasons, List<String> missing, List<String> notMeasured) {
    }

    /**
     * One raised flag with the rule and the number that raised it.
     *
     * @param protocol          how the result was taken ({@code detail.protocol}), or null
     * @param earlierProcedure  taken by a superseded (or unknown) procedure: it raises, never lowers
     * @param validated         the test's kiosk agreement with hand timing at the senior's site is within
     *                          its smallest real change; a flag not yet validated still counts
     * @param note              Korean note for staff ("검증 전", "이전 절차로 측정"), or null
     * @param korean            the flag in words staff read: the test, its result and the cut-off it met
     *                          ("3m 표적 돌아오기 14초: 12초 이상 (CDC STEADI 2017)")
     */
    public record FallRiskFlag(String flag, String code, BigDecimal value, String rule, FallRiskLevel level,
            String source, OffsetDateTime takenAt, String protocol, boolean earlierProcedure, boolean validated,
            String note, String korean) {
    }

    /** A STEADI key question answered "yes": screened at risk. */
    public record KeyAnswer(String question, String korean, OffsetDateTime answeredAt, FallRiskLevel level,
            String source) {
    }

    /**
     * One component: status from current results, the strongest trend among its tests (short- and
     * long-term, each grip hand); {@code basis} says in Korean which results it rests on.
     */
    public record ComponentSummary(FitnessComponent component, String korean, ComponentStatus status,
            TrendDirection trend, List<String> basis) {
    }

    /** BMI from the latest height and weight, or null fields when either is missing. */
    public record Bmi(BigDecimal value, String bmiClass, String korean, OffsetDateTime heightAt,
            OffsetDateTime weightAt, String source) {
    }

    public Optional<TestResult> result(String code) {
        return results.stream().filter(r -> r.code().equals(code)).findFirst();
    }

    public ComponentSummary component(FitnessComponent component) {
        return components.stream().filter(c -> c.component() == component).findFirst().orElseThrow();
    }
}
