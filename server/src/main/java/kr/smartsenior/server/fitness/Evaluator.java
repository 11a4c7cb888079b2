package kr.smartsenior.server.fitness;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kr.smartsenior.protocol.MeasurementCode;
import kr.smartsenior.server.member.MemberDirectory.Senior;
import org.springframework.stereotype.Component;

/**
 * Evaluates a senior from their stored results: grade of each test's latest result, trend against
 * their own earlier results, fall risk ({@link FallRiskAssessment}, which also reads the latest
 * screening's fall questions), components and BMI.
 */
@Component
public final class Evaluator {

    /** Results older than this are history (trends), not the current picture (grades, flags). */
    public static final Duration CURRENT = Duration.ofDays(365);
    /** The trend compares the latest result with the median of up to this many earlier ones. */
    static final int TREND_BASELINE_RESULTS = 3;

    private final NormTables norms;
    private final Grader grader;
    private final MeasurementHistory history;
    private final Clock clock;
    private final FallRiskAssessment fallRisk;

    Evaluator(NormTables norms, Grader grader, MeasurementHistory history, Clock clock, FallRiskAssessment fallRisk) {
        this.norms = norms;
        this.grader = grader;
        this.history = history;
        this.clock = clock;
        this.fallRisk = fallRisk;
    }

    /**
     * The published normal range (25th-75th percentile) of a test for this sex and age, for charts;
     * empty where the test has no such norm (TUG, one-leg stance, grip, height, weight).
     */
    public Optional<NormalBand> normalBand(String code, String sex, int age) {
        return norms.sft(code, sex, age).map(r -> new NormalBand(r.low(), r.high(), r.lowerIsBetter(), r.describe()));
    }

    /** A normal range as a chart shades it; {@code reference} names the age band and source. */
    public record NormalBand(double low, double high, boolean lowerIsBetter, String reference) {
    }

    /** The evaluation as of now, from the stored results. */
    public Evaluation evaluate(Senior senior) {
        return evaluate(senior, history.of(senior.id()), clock.instant());
    }

    /** The evaluation of these results (oldest first) as of {@code now}. */
    public Evaluation evaluate(Senior senior, List<Result> results, Instant now) {
        Map<MeasurementCode, List<Result>> byCode = new EnumMap<>(MeasurementCode.class);
        for (Result result : results) {
            if (!result.isTest()) {
                continue;
            }
            MeasurementCode.fromWire(result.code())
                    .ifPresent(code -> byCode.computeIfAbsent(code, c -> new ArrayList<>()).add(result));
        }
        Instant currentFrom = now.minus(CURRENT);
        Map<MeasurementCode, Evaluation.TestResult> latest = new LinkedHashMap<>();
        byCode.forEach((code, list) -> {
            Result last = list.getLast();
            int age = last.takenAt().getYear() - senior.birthYear();
            Grade grade = grader.grade(code, last.value().doubleValue(), senior.sex(), age, last.detail());
            latest.put(code, new Evaluation.TestResult(code.name(), code.koreanName(), last.value(),
                    code.unit().wireName(), last.takenAt(), age, !last.takenAt().toInstant().isBefore(currentFrom), grade,
                    trend(code, list)));
        });
        Evaluation.Bmi bmi = bmi(latest);
        Evaluation.FallRisk fallRisk = this.fallRisk.assess(senior, results, now);
        int age = OffsetDateTime.ofInstant(now, java.time.ZoneOffset.UTC).getYear() - senior.birthYear();
        return new Evaluation(senior.id(), senior.sex(), age, now, List.copyOf(latest.values()), fallRisk,
                components(latest, fallRisk, bmi), bmi);
    }

    Evaluation.Trend trend(MeasurementCode code, List<Result> list) {
        Result last = list.getLast();
        List<Result> earlier = list.subList(Math.max(0, list.size() - 1 - TREND_BASELINE_RESULTS), list.size() - 1);
        Optional<NormTables.MeasurementError> error = norms.error(code);
        BigDecimal threshold = error.map(e -> BigDecimal.valueOf(e.threshold())).orElse(null);
        boolean relative = error.map(NormTables.MeasurementError::relative).orElse(false);
        boolean provisional = error.map(NormTables.MeasurementError::provisional).orElse(false);
        String source = error.map(NormTables.MeasurementError::source).orElse(null);
        if (earlier.isEmpty()) {
            return new Evaluation.Trend(TrendDirection.FIRST, null, null, 0, threshold, relative, provisional, source,
                    null);
        }
        double baseline = median(earlier);
        double change = last.value().doubleValue() - baseline;
        TrendDirection direction;
        if (error.isEmpty()) {
            direction = TrendDirection.NOT_ASSESSED;
        } else {
            double limit = relative ? error.get().threshold() * Math.abs(baseline) : error.get().threshold();
            if (Math.abs(change) <= limit + 1e-9) {
                direction = TrendDirection.STABLE;
            } else {
                direction = switch (better(code)) {
                    case 1 -> change > 0 ? TrendDirection.IMPROVED : TrendDirection.DECLINED;
                    case -1 -> change < 0 ? TrendDirection.IMPROVED : TrendDirection.DECLINED;
                    default -> change > 0 ? TrendDirection.INCREASED : TrendDirection.DECREASED;
                };
            }
        }
        return new Evaluation.Trend(direction, Numbers.round(baseline, 2), Numbers.round(change, 2), earlier.size(),
                threshold, relative, provisional, source, earlier.getLast().takenAt());
    }

    /** 1: higher is better; -1: lower is better (times); 0: neither. */
    public static int better(MeasurementCode code) {
        return switch (code) {
            case TIMED_UP_AND_GO, FIGURE_8_WALK -> -1;
            case HEIGHT, WEIGHT, STEP_JUMP, BALANCE, INTERVAL, UNWELL_TODAY, EXERCISE_EFFORT -> 0;
            default -> 1;
        };
    }

    private static double median(List<Result> results) {
        double[] values = results.stream().mapToDouble(r -> r.value().doubleValue()).sorted().toArray();
        int mid = values.length / 2;
        return values.length % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
    }

    private Evaluation.Bmi bmi(Map<MeasurementCode, Evaluation.TestResult> latest) {
        Evaluation.TestResult height = latest.get(MeasurementCode.HEIGHT);
        Evaluation.TestResult weight = latest.get(MeasurementCode.WEIGHT);
        if (height == null || weight == null) {
            return null;
        }
        double metres = height.value().doubleValue() / 100;
        double value = weight.value().doubleValue() / (metres * metres);
        NormTables.BmiClass bmiClass = norms.bmiClass(value);
        return new Evaluation.Bmi(BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP), bmiClass.name(),
                bmiClass.korean(), height.takenAt(), weight.takenAt(), "KSSO 2022 (Korean adults)");
    }

    private List<Evaluation.ComponentSummary> components(Map<MeasurementCode, Evaluation.TestResult> latest,
            Evaluation.FallRisk fallRisk, Evaluation.Bmi bmi) {
        List<Evaluation.ComponentSummary> summaries = new ArrayList<>();
        for (FitnessComponent component : FitnessComponent.values()) {
            List<Evaluation.TestResult> current = component.tests().stream().map(latest::get)
                    .filter(r -> r != null && r.current()).toList();
            List<String> basis = current.stream().map(r -> "%s %s %s (%s): %s".formatted(r.code(),
                    r.value().toPlainString(), r.unit(), r.takenAt().toLocalDate(), r.grade().band())).toList();
            ComponentStatus status;
            if (component == FitnessComponent.BODY_COMPOSITION) {
                status = bmi == null ? ComponentStatus.NO_DATA
                        : bmi.bmiClass().equals("NORMAL") || bmi.bmiClass().equals("PRE_OBESE") ? ComponentStatus.OK
                        : ComponentStatus.NEEDS_WORK;
                if (bmi != null) {
                    basis = new ArrayList<>(basis);
                    basis.add("BMI " + bmi.value().toPlainString() + " (" + bmi.bmiClass() + ")");
                }
            } else if (current.isEmpty()) {
                status = ComponentStatus.NO_DATA;
            } else {
                List<Band> graded = current.stream().map(r -> r.grade().band()).filter(b -> b != Band.NOT_GRADED)
                        .toList();
                boolean balanceRisk = component == FitnessComponent.BALANCE_AGILITY && fallRisk.flags().stream()
                        .anyMatch(f -> !f.code().equals(MeasurementCode.CHAIR_STAND_30S.name()));
                if (graded.contains(Band.BELOW) || balanceRisk) {
                    status = ComponentStatus.NEEDS_WORK;
                } else if (!graded.isEmpty() && graded.stream().allMatch(b -> b == Band.ABOVE)) {
                    status = ComponentStatus.GOOD;
                } else {
                    status = ComponentStatus.OK;
                }
            }
            summaries.add(new Evaluation.ComponentSummary(component, component.korean(), status,
                    componentTrend(current), basis));
        }
        return summaries;
    }

    private static TrendDirection componentTrend(List<Evaluation.TestResult> current) {
        List<TrendDirection> trends = current.stream().map(r -> r.trend().direction()).toList();
        for (TrendDirection direction : List.of(TrendDirection.DECLINED, TrendDirection.IMPROVED,
                TrendDirection.DECREASED, TrendDirection.INCREASED, TrendDirection.STABLE, TrendDirection.FIRST)) {
            if (trends.contains(direction)) {
                return direction;
            }
        }
        return TrendDirection.NOT_ASSESSED;
    }
}
