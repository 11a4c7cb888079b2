package kr.smartsenior.server.fitness;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.Period;
import java.util.List;
import java.util.Optional;
import kr.smartsenior.protocol.MeasurementCode;
import kr.smartsenior.protocol.MeasurementProtocol;
import kr.smartsenior.protocol.RecordDetail;

/**
 * A senior's results of one test against their own earlier ones, beyond the test's measurement
 * error: the short-term change (latest against the median of up to three earlier results) and the
 * long-term trend (least-squares line through the results of up to the last three years, at least
 * twelve months of them), so a slow decline that never shows between two visits is still called.
 * Only results taken by the same procedure as the latest are compared. Pure.
 */
final class Trends {

    /** The short-term change compares the latest result with the median of up to this many earlier ones. */
    static final int BASELINE_RESULTS = 3;
    /** The long-term trend reads the results of this period before the latest. */
    static final Period LONG_TERM_WINDOW = Period.ofYears(3);
    /** ... and is called only when they span at least this long ... */
    static final Duration LONG_TERM_MIN_SPAN = Duration.ofDays(365);
    /** ... and are at least this many. */
    static final int LONG_TERM_MIN_RESULTS = 3;
    private static final double DAYS_PER_YEAR = 365.25;

    /** One value of the series, oldest first. */
    record Point(double value, OffsetDateTime takenAt) {
    }

    private final NormTables norms;

    Trends(NormTables norms) {
        this.norms = norms;
    }

    /**
     * The results taken by the same procedure as the last one, oldest first: a superseded version,
     * another protocol or an unknown one is never compared with today's procedure. A record without
     * a protocol id counts as the catalogue's procedure, as the grade reads it.
     */
    static List<Result> sameProcedureAsLast(MeasurementCode code, List<Result> results) {
        if (results.isEmpty()) {
            return results;
        }
        String last = procedure(code, results.getLast());
        return results.stream().filter(r -> procedure(code, r).equals(last)).toList();
    }

    /** The procedure a result was taken by, as a key: today's protocol id for the catalogue's procedure. */
    static String procedure(MeasurementCode code, Result result) {
        Object id = result.detail() == null ? null : result.detail().get(RecordDetail.PROTOCOL);
        return switch (MeasurementProtocol.read(id)) {
            case MeasurementProtocol.Reading.Absent a -> MeasurementProtocol.of(code).id();
            case MeasurementProtocol.Reading.Known k -> k.protocol().id();
            case MeasurementProtocol.Reading.Superseded s -> s.id();
            case MeasurementProtocol.Reading.OtherVersion o -> String.valueOf(id);
            case MeasurementProtocol.Reading.Unknown u -> "?" + u.text();
        };
    }

    /**
     * The trend of a series (oldest first, the latest last), all taken by one procedure.
     *
     * @param excluded earlier results of the test left out because another procedure took them
     */
    Evaluation.Trend of(MeasurementCode code, String unit, List<Point> series, int excluded) {
        Point last = series.getLast();
        List<Point> earlier = series.subList(Math.max(0, series.size() - 1 - BASELINE_RESULTS), series.size() - 1);
        Optional<NormTables.MeasurementError> error = norms.error(code);
        BigDecimal threshold = error.map(e -> BigDecimal.valueOf(e.threshold())).orElse(null);
        boolean relative = error.map(NormTables.MeasurementError::relative).orElse(false);
        boolean provisional = error.map(NormTables.MeasurementError::provisional).orElse(false);
        String source = error.map(NormTables.MeasurementError::source).orElse(null);
        Evaluation.LongTermTrend longTerm = longTerm(code, unit, series, error);
        if (earlier.isEmpty()) {
            return new Evaluation.Trend(TrendDirection.FIRST, null, null, 0, threshold, relative, provisional, source,
                    null, excluded, "첫 측정입니다" + excludedNote(excluded), longTerm);
        }
        double baseline = median(earlier);
        double change = last.value() - baseline;
        TrendDirection direction;
        String korean;
        String from = "이전 %d회 중앙값 %s 대비 %s".formatted(earlier.size(), Units.value(baseline, unit),
                signed(change, unit));
        if (error.isEmpty()) {
            direction = TrendDirection.NOT_ASSESSED;
            korean = from + ": 측정 오차가 알려지지 않아 변화를 판단하지 않습니다";
        } else {
            double limit = limit(error.get(), baseline);
            direction = Math.abs(change) <= limit + 1e-9 ? TrendDirection.STABLE : direction(code, change);
            korean = from + ": " + beyondError(limit, unit, provisional, direction, direction.korean());
        }
        return new Evaluation.Trend(direction, Numbers.round(baseline, 2), Numbers.round(change, 2), earlier.size(),
                threshold, relative, provisional, source, earlier.getLast().takenAt(), excluded,
                korean + excludedNote(excluded), longTerm);
    }

    /**
     * The least-squares line through the results of the last {@link #LONG_TERM_WINDOW}: its change
     * across the span of those results, against the measurement error. Fitting all the results makes
     * this change at least as precise as the difference of two single results the error was
     * published for (the variance of the fitted change is σ²·span²/Sxx, at most 2σ² when three or
     * more results are spread over the span), so the same threshold calls no more noise.
     */
    Evaluation.LongTermTrend longTerm(MeasurementCode code, String unit, List<Point> series,
            Optional<NormTables.MeasurementError> error) {
        OffsetDateTime latest = series.getLast().takenAt();
        OffsetDateTime windowStart = latest.minus(LONG_TERM_WINDOW);
        List<Point> window = series.stream().filter(p -> !p.takenAt().isBefore(windowStart)).toList();
        OffsetDateTime first = window.getFirst().takenAt();
        Duration span = Duration.between(first, latest);
        if (window.size() < LONG_TERM_MIN_RESULTS || span.compareTo(LONG_TERM_MIN_SPAN) < 0) {
            return new Evaluation.LongTermTrend(TrendDirection.NOT_ASSESSED, null, null, window.size(),
                    window.size() > 1 ? first : null, null, false,
                    "장기 추세는 1년 이상에 걸친 기록이 3회 이상 있어야 봅니다 (최근 3년 " + window.size() + "회)");
        }
        double[] years = window.stream().mapToDouble(p -> Duration.between(first, p.takenAt()).toMinutes()
                / (DAYS_PER_YEAR * 24 * 60)).toArray();
        double[] values = window.stream().mapToDouble(Point::value).toArray();
        double perYear = slope(years, values);
        double spanYears = years[years.length - 1];
        double fittedChange = perYear * spanYears;
        String what = "최근 %s %d회 기록의 추세: 1년에 %s, 기간 전체 %s".formatted(period(spanYears), window.size(),
                signed(perYear, unit), signed(fittedChange, unit));
        if (error.isEmpty()) {
            return new Evaluation.LongTermTrend(TrendDirection.NOT_ASSESSED, Numbers.round(perYear, 2),
                    Numbers.round(fittedChange, 2), window.size(), first, null, false,
                    what + ": 측정 오차가 알려지지 않아 판단하지 않습니다");
        }
        double mean = java.util.Arrays.stream(values).average().orElseThrow();
        double limit = limit(error.get(), mean);
        TrendDirection direction = Math.abs(fittedChange) <= limit + 1e-9 ? TrendDirection.STABLE
                : direction(code, fittedChange);
        String korean = what + ": " + beyondError(limit, unit, error.get().provisional(), direction,
                direction == TrendDirection.DECLINED ? "서서히 나빠짐" : direction.korean());
        return new Evaluation.LongTermTrend(direction, Numbers.round(perYear, 2), Numbers.round(fittedChange, 2),
                window.size(), first, Numbers.round(limit, 2), error.get().provisional(), korean);
    }

    /** "측정 오차(2.9 kg) 이내라 유지" or "측정 오차(2.5회, 잠정)보다 커서 나빠짐" */
    private static String beyondError(double limit, String unit, boolean provisional, TrendDirection direction,
            String word) {
        return "측정 오차(" + Units.value(limit, unit) + (provisional ? ", 잠정" : "") + ")"
                + (direction == TrendDirection.STABLE ? " 이내라 " : "보다 커서 ") + word;
    }

    private static double limit(NormTables.MeasurementError error, double baseline) {
        return error.relative() ? error.threshold() * Math.abs(baseline) : error.threshold();
    }

    private static TrendDirection direction(MeasurementCode code, double change) {
        return switch (Evaluator.better(code)) {
            case 1 -> change > 0 ? TrendDirection.IMPROVED : TrendDirection.DECLINED;
            case -1 -> change < 0 ? TrendDirection.IMPROVED : TrendDirection.DECLINED;
            default -> change > 0 ? TrendDirection.INCREASED : TrendDirection.DECREASED;
        };
    }

    static double slope(double[] x, double[] y) {
        double mx = java.util.Arrays.stream(x).average().orElseThrow();
        double my = java.util.Arrays.stream(y).average().orElseThrow();
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
        }
        return sxx == 0 ? 0 : sxy / sxx;
    }

    private static double median(List<Point> points) {
        double[] values = points.stream().mapToDouble(Point::value).sorted().toArray();
        int mid = values.length / 2;
        return values.length % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
    }

    private static String signed(double change, String unit) {
        double rounded = Numbers.round(change, 2).doubleValue();
        return (rounded > 0 ? "+" : "") + Units.value(rounded, unit);
    }

    private static String period(double years) {
        long months = Math.round(years * 12);
        return months % 12 == 0 ? months / 12 + "년" : months / 12 > 0 ? months / 12 + "년 " + months % 12 + "개월"
                : months + "개월";
    }

    private static String excludedNote(int excluded) {
        return excluded == 0 ? "" : " (다른 측정 방식으로 잰 이전 기록 " + excluded + "회는 비교하지 않았습니다)";
    }
}
