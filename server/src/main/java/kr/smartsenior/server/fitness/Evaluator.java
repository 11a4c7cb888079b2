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
    /** 상대악력 uses the weight taken nearest the grip, if within this long of it (project rule). */
    static final Duration RELATIVE_GRIP_WEIGHT_WITHIN = Duration.ofDays(90);

    private final NormTables norms;
    private final Grader grader;
    private final Trends trends;
    private final MeasurementHistory history;
    private final Clock clock;
    private final FallRiskAssessment fallRisk;

    Evaluator(NormTables norms, Grader grader, MeasurementHistory history, Clock clock, FallRiskAssessment fallRisk) {
        this.norms = norms;
        this.grader = grader;
        this.trends = new Trends(norms);
        this.history = history;
        this.clock = clock;
        this.fallRisk = fallRisk;
    }

    /**
     * The usual range of a test for this sex and age, for charts: the 국민체력100 grade 3 to grade 1
     * cut-offs (30th-70th percentile of Korean seniors) where the Korean norm grades the test, else
     * the SFT 25th-75th percentile of US seniors; empty where the test has no such norm (TUG,
     * one-leg stance, grip, height, weight). {@code population} names whom it describes.
     */
    public Optional<NormalBand> normalBand(String code, String sex, int age) {
        Optional<MeasurementCode> known = MeasurementCode.fromWire(code);
        String item = known.map(Grader.KFIT100_ITEMS::get).orElse(null);
        Optional<CertificationGrades> korean = item == null ? Optional.empty() : norms.kfit100(item, sex, age);
        if (korean.isPresent()) {
            CertificationGrades g = korean.get();
            return Optional.of(new NormalBand(g.low(), g.high(), g.lowerIsBetter(), Grader.KFIT100_SOURCE + ", "
                    + g.describe(), Grader.POPULATION_KOREA, "하위 30%~상위 30%"));
        }
        return norms.sft(code, sex, Math.min(age, Grader.OLDEST_SFT_AGE)).map(r -> new NormalBand(r.low(), r.high(),
                r.lowerIsBetter(), Grader.SFT_SOURCE + ", " + r.describe(), Grader.POPULATION_US_1999,
                "하위 25%~상위 25%"));
    }

    /**
     * A usual range as a chart shades it; {@code reference} names the age band and source,
     * {@code population} whom the range describes and {@code range} which percentiles (both Korean).
     */
    public record NormalBand(double low, double high, boolean lowerIsBetter, String reference, String population,
            String range) {
    }

    /**
     * What a chart of one test draws beside a result taken at this sex and age: the range the server
     * grades that result against ({@link #normalBand} where there is one; the one-sided references of
     * the 3 m TUG (no slower than Bohannon 2006's upper confidence limit) and of grip (AWGS 2019's
     * low-strength cut-off)), every fall-risk cut-off of {@code fall-risk-cutoffs.csv} for the test
     * (the chair stand's from the STEADI table for this sex and age), and whether lower is better.
     * Nothing below the age the norms start at, as the grader.
     */
    public ChartGuide chartGuide(String code, String sex, int age) {
        Optional<MeasurementCode> known = MeasurementCode.fromWire(code);
        if (known.isEmpty()) {
            return new ChartGuide(null, null, null, null, false, List.of());
        }
        MeasurementCode test = known.get();
        boolean lowerIsBetter = better(test) < 0;
        Double low = null;
        Double high = null;
        String population = null;
        String range = null;
        if (test == MeasurementCode.GRIP_STRENGTH) {
            low = norms.gripLowUnder(sex).orElse(null);
            population = Grader.POPULATION_AWGS;
            range = low == null ? null : "근력 저하 기준(" + Units.value(low, "kg") + ") 이상";
        } else if (age >= Grader.YOUNGEST_NORM_AGE && test == MeasurementCode.TIMED_UP_AND_GO) {
            Optional<NormTables.TugReference> reference = norms.tug(age).or(() -> norms.tug(99));
            if (reference.isPresent()) {
                high = reference.get().ciHigh();
                population = Grader.POPULATION_TUG;
                range = "평균 참고값 상한(" + Units.value(high, "s") + ") 이하";
            }
        } else if (age >= Grader.YOUNGEST_NORM_AGE) {
            Optional<NormalBand> band = normalBand(code, sex, age);
            if (band.isPresent()) {
                low = band.get().low();
                high = band.get().high();
                population = band.get().population();
                range = band.get().range();
            }
        }
        List<FallRiskLine> lines = new ArrayList<>();
        for (NormTables.FallRiskCutoff cutoff : norms.fallRiskCutoffs()) {
            if (cutoff.code() != test) {
                continue;
            }
            Double threshold = cutoff.threshold();
            if (threshold == null) {
                threshold = age < Grader.YOUNGEST_NORM_AGE ? null : norms.steadiChairStand(sex,
                        Math.min(age, Grader.OLDEST_SFT_AGE)).map(Integer::doubleValue).orElse(null);
            }
            if (threshold == null) {
                continue;
            }
            String unit = test.unit().wireName();
            lines.add(new FallRiskLine(cutoff.flag(), threshold, "낙상 위험 " + cutoff.level().korean() + ": "
                    + Units.value(threshold, unit) + (cutoff.atLeast() ? " 이상" : " 미만"), cutoff.atLeast(),
                    cutoff.level(), cutoff.source()));
        }
        return new ChartGuide(low, high, population, range, lowerIsBetter, List.copyOf(lines));
    }

    /**
     * What a chart draws beside one result (see {@link #chartGuide}).
     *
     * @param low        the graded range's lower end, or null (none, or open below: TUG)
     * @param high       its upper end, or null (none, or open above: grip)
     * @param population whom the range describes (Korean), or null when there is no range
     * @param range      which part of them, in Korean ("하위 30%~상위 30%"), or null
     * @param fallRisk   the fall-risk cut-offs of this test
     */
    public record ChartGuide(Double low, Double high, String population, String range, boolean lowerIsBetter,
            List<FallRiskLine> fallRisk) {
    }

    /**
     * A fall-risk cut-off as a chart line: {@code atLeast} a result at or above it raises the flag
     * (else one below it); {@code korean} the legend ("낙상 위험 주의: 12초 이상"), {@code source} whose
     * cut-off it is ("CDC STEADI 2017").
     */
    public record FallRiskLine(String flag, double value, String korean, boolean atLeast, FallRiskLevel level,
            String source) {
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
        byCode.forEach((code, list) -> latest.put(code, code == MeasurementCode.GRIP_STRENGTH
                ? grip(senior, list, byCode.getOrDefault(MeasurementCode.WEIGHT, List.of()), currentFrom)
                : test(senior, code, list, currentFrom)));
        Evaluation.Bmi bmi = bmi(latest);
        Evaluation.FallRisk fallRisk = this.fallRisk.assess(senior, results, now);
        int age = OffsetDateTime.ofInstant(now, java.time.ZoneOffset.UTC).getYear() - senior.birthYear();
        return new Evaluation(senior.id(), senior.sex(), age, now, List.copyOf(latest.values()), fallRisk,
                components(latest, fallRisk, bmi), bmi);
    }

    private Evaluation.TestResult test(Senior senior, MeasurementCode code, List<Result> list, Instant currentFrom) {
        Result last = list.getLast();
        int age = last.takenAt().getYear() - senior.birthYear();
        Grade grade = grader.grade(code, last.value().doubleValue(), senior.sex(), age, last.detail());
        List<Result> comparable = Trends.sameProcedureAsLast(code, list);
        Evaluation.Trend trend = trends.of(code, code.unit().wireName(), comparable.stream()
                .map(r -> new Trends.Point(r.value().doubleValue(), r.takenAt())).toList(),
                list.size() - comparable.size());
        return new Evaluation.TestResult(code.name(), code.koreanName(), last.value(), code.unit().wireName(),
                last.takenAt(), age, !last.takenAt().toInstant().isBefore(currentFrom), grade, trend, List.of(), null);
    }

    /**
     * Grip: the latest day's best trial of the better hand is graded; the trend follows that value
     * day by day, and each hand's own value has its own trend; 상대악력 from the weight nearest the day.
     */
    private Evaluation.TestResult grip(Senior senior, List<Result> records, List<Result> weights, Instant currentFrom) {
        MeasurementCode code = MeasurementCode.GRIP_STRENGTH;
        String unit = code.unit().wireName();
        List<Result> comparable = Trends.sameProcedureAsLast(code, records);
        int excluded = records.size() - comparable.size();
        List<GripSessions.Session> sessions = GripSessions.of(comparable);
        GripSessions.Session last = sessions.getLast();
        int age = last.takenAt().getYear() - senior.birthYear();
        Grade grade = grader.grade(code, last.best(), senior.sex(), age, last.bestRecord().detail());
        Evaluation.Trend trend = trends.of(code, unit, sessions.stream()
                .map(s -> new Trends.Point(s.best(), s.takenAt())).toList(), excluded);
        List<Evaluation.HandResult> hands = new ArrayList<>();
        for (String hand : List.of(GripSessions.RIGHT, GripSessions.LEFT)) {
            List<Trends.Point> series = sessions.stream().filter(s -> s.hands().containsKey(hand))
                    .map(s -> new Trends.Point(s.hands().get(hand), s.takenAt())).toList();
            if (!series.isEmpty()) {
                Trends.Point latestOfHand = series.getLast();
                hands.add(new Evaluation.HandResult(hand, GripSessions.korean(hand),
                        Numbers.round(latestOfHand.value(), 2), latestOfHand.takenAt(),
                        trends.of(code, unit, series, excluded)));
            }
        }
        BigDecimal value = Numbers.round(last.best(), 2);
        return new Evaluation.TestResult(code.name(), code.koreanName(), value, unit, last.takenAt(), age,
                !last.takenAt().toInstant().isBefore(currentFrom), grade, trend, List.copyOf(hands),
                relativeGrip(senior, last, weights, age));
    }

    private Evaluation.RelativeGrip relativeGrip(Senior senior, GripSessions.Session grip, List<Result> weights,
            int age) {
        Result nearest = null;
        for (Result weight : weights) {
            Duration apart = Duration.between(weight.takenAt(), grip.takenAt()).abs();
            if (apart.compareTo(RELATIVE_GRIP_WEIGHT_WITHIN) <= 0 && weight.value().signum() > 0 && (nearest == null
                    || apart.compareTo(Duration.between(nearest.takenAt(), grip.takenAt()).abs()) < 0)) {
                nearest = weight;
            }
        }
        if (nearest == null) {
            return new Evaluation.RelativeGrip(null, null, null, Grade.notGraded(
                    "악력 측정 전후 90일 안에 잰 몸무게가 없어 상대악력을 계산하지 않았습니다"));
        }
        double percent = grip.best() / nearest.value().doubleValue() * 100;
        return new Evaluation.RelativeGrip(Numbers.round(percent, 1), nearest.value(), nearest.takenAt(),
                grader.relativeGrip(Numbers.round(percent, 1).doubleValue(), senior.sex(), age));
    }

    /** 1: higher is better; -1: lower is better (times); 0: neither. */
    public static int better(MeasurementCode code) {
        return switch (code) {
            case TIMED_UP_AND_GO, FIGURE_8_WALK -> -1;
            case HEIGHT, WEIGHT, STEP_JUMP, BALANCE, INTERVAL, UNWELL_TODAY, EXERCISE_EFFORT -> 0;
            default -> 1;
        };
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
            List<String> basis = new ArrayList<>();
            for (Evaluation.TestResult r : current) {
                basis.add(basis(r.name(), r.value().doubleValue(), r.unit(), r.takenAt(), r.grade()));
                if (r.relativeGrip() != null && r.relativeGrip().value() != null) {
                    basis.add(basis("상대악력", r.relativeGrip().value().doubleValue(), "%", r.takenAt(),
                            r.relativeGrip().grade()));
                }
            }
            ComponentStatus status;
            if (component == FitnessComponent.BODY_COMPOSITION) {
                status = bmi == null ? ComponentStatus.NO_DATA
                        : bmi.bmiClass().equals("NORMAL") || bmi.bmiClass().equals("PRE_OBESE") ? ComponentStatus.OK
                        : ComponentStatus.NEEDS_WORK;
                if (bmi != null) {
                    basis.add("BMI " + bmi.value().toPlainString() + " (" + bmi.korean() + ")");
                }
            } else if (current.isEmpty()) {
                status = ComponentStatus.NO_DATA;
            } else {
                List<Band> graded = new ArrayList<>();
                for (Evaluation.TestResult r : current) {
                    graded.add(r.grade().band());
                    if (r.relativeGrip() != null) {
                        graded.add(r.relativeGrip().grade().band());
                    }
                }
                graded.removeIf(b -> b == Band.NOT_GRADED);
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
                    componentTrend(current), List.copyOf(basis)));
        }
        return summaries;
    }

    /** "30초 의자에 앉았다 일어서기 14회 (2026-11-01): 정상 범위, 국민체력100 3등급" */
    private static String basis(String name, double value, String unit, OffsetDateTime takenAt, Grade grade) {
        String text = "%s %s (%s): %s".formatted(name, Units.value(value, unit), takenAt.toLocalDate(),
                grade.band().korean());
        if (grade.grade() != null && Grader.POPULATION_KOREA.equals(grade.population())) {
            text += ", 국민체력100 " + grade.grade() + "등급";
        }
        return text;
    }

    /**
     * The strongest direction among the tests' short-term changes, their long-term trends and each
     * grip hand's: a decline anywhere shows first, so a slow decline is not hidden by a stable visit.
     */
    private static TrendDirection componentTrend(List<Evaluation.TestResult> current) {
        List<TrendDirection> trends = new ArrayList<>();
        for (Evaluation.TestResult r : current) {
            addTrend(trends, r.trend());
            r.hands().forEach(h -> addTrend(trends, h.trend()));
        }
        for (TrendDirection direction : List.of(TrendDirection.DECLINED, TrendDirection.IMPROVED,
                TrendDirection.DECREASED, TrendDirection.INCREASED, TrendDirection.STABLE, TrendDirection.FIRST)) {
            if (trends.contains(direction)) {
                return direction;
            }
        }
        return TrendDirection.NOT_ASSESSED;
    }

    private static void addTrend(List<TrendDirection> trends, Evaluation.Trend trend) {
        trends.add(trend.direction());
        if (trend.longTerm() != null && trend.longTerm().direction() != TrendDirection.NOT_ASSESSED) {
            trends.add(trend.longTerm().direction());
        }
    }
}
