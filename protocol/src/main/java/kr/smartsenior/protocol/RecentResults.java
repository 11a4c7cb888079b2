package kr.smartsenior.protocol;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A member's latest results of one test as the server stored and graded them, for the kiosk's "내 기록":
 * at most {@link #MAX_RESULTS}, oldest first, all taken by one procedure (the latest one's), with the
 * server's trend over them.
 *
 * <pre>{@code
 * {"code": "CHAIR_STAND_30S", "protocol": "chair-stand-30s/2", "trend": "IMPROVED",
 *  "results": [["2026-09-01", 11, "BELOW"], ["2026-11-02", 14, "WITHIN"]]}
 * }</pre>
 *
 * <p>Each result is written as an array (day, value, band or null) to keep a site's roster small.
 *
 * @param code     the test
 * @param protocol the procedure the results were taken by ({@link MeasurementProtocol#id()})
 * @param trend    the latest result against the earlier ones, beyond the test's measurement error
 * @param results  oldest first, the latest last
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RecentResults(MeasurementCode code, String protocol, Trend trend, List<Result> results) {

    /** Results kept per test: enough to see a trend, small enough for a roster of a whole site. */
    public static final int MAX_RESULTS = 5;

    public RecentResults {
        Objects.requireNonNull(code, "code");
        trend = trend == null ? Trend.NOT_CALLED : trend;
        results = results == null ? List.of()
                : List.copyOf(results.subList(Math.max(0, results.size() - MAX_RESULTS), results.size()));
    }

    /**
     * The server's trend: the latest result against the median of up to three earlier ones, beyond the
     * test's smallest real change (server {@code fitness.Trends}, {@code norms/measurement-error.csv}).
     */
    public enum Trend {
        IMPROVED,
        /** within the smallest real change */
        STEADY,
        DECLINED,
        /**
         * Not called: the first result, no published smallest real change for the test (a project
         * placeholder is not said to a senior), or a trend this build does not know.
         */
        NOT_CALLED;

        static Trend fromWire(String text) {
            for (Trend trend : values()) {
                if (trend.name().equals(text)) {
                    return trend;
                }
            }
            return NOT_CALLED;
        }
    }

    /**
     * One stored result.
     *
     * @param day   the day it was taken (the kiosk's date; no time of day)
     * @param value in the test's unit
     * @param band  the server's band, or null when the server does not grade it
     */
    @JsonFormat(shape = JsonFormat.Shape.ARRAY)
    @JsonPropertyOrder({"day", "value", "band"})
    public record Result(LocalDate day, BigDecimal value, ResultBand band) {

        public Result {
            Objects.requireNonNull(day, "day");
            Objects.requireNonNull(value, "value");
        }
    }
}
