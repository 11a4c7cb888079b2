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

    /** The latest result of one test. {@code current}: taken within the last 12 months. */
    public record TestResult(String code, String name, BigDecimal value, String unit, OffsetDateTime takenAt,
            int ageAtTest, boolean current, Grade grade, Trend trend) {
    }

    /**
     * The latest result against the median of up to 3 earlier ones.
     *
     * @param change      latest minus baseline (null when FIRST)
     * @param threshold   the smallest change counted as real (absolute, or a fraction when relative)
     * @param provisional the threshold is a project placeholder, not a published value
     * @param previousAt  when the most recent earlier result was taken
     */
    public record Trend(TrendDirection direction, BigDecimal baseline, BigDecimal change, int earlierResults,
            BigDecimal threshold, boolean relative, boolean provisional, String source, OffsetDateTime previousAt) {
    }

    /** Fall-risk flags from current results, and which fall-risk tests have no current result. */
    public record FallRisk(FallRiskLevel level, List<FallRiskFlag> flags, List<String> notMeasured) {
    }

    /** One raised flag with the rule and the number that raised it. */
    public record FallRiskFlag(String flag, String code, BigDecimal value, String rule, FallRiskLevel level,
            String source) {
    }

    /** One component: status from current results, the strongest trend among its tests. */
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
