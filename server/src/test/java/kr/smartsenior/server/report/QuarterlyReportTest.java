package kr.smartsenior.server.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kr.smartsenior.protocol.MeasurementCode;
import kr.smartsenior.server.alert.AlertHandling;
import kr.smartsenior.server.report.QuarterlyReport.Registration;
import kr.smartsenior.server.report.QuarterlyReport.Result;
import kr.smartsenior.server.report.QuarterlyReport.SiteName;
import kr.smartsenior.server.report.QuarterlyReport.Visit;
import org.junit.jupiter.api.Test;

/** The quarterly figures from rows, without a database: what counts, lower-is-better, small counts. */
class QuarterlyReportTest {

    static final Quarter Q3 = new Quarter(2026, 3);
    /** 15 August 2026, 10:00 KST. */
    static final Instant MID = Instant.parse("2026-08-15T01:00:00Z");
    /** 15 May 2026 (the previous quarter). */
    static final Instant PREVIOUS = Instant.parse("2026-05-15T01:00:00Z");
    static final Map<MeasurementCode, Double> MDC = Map.of(MeasurementCode.TIMED_UP_AND_GO, 1.14,
            MeasurementCode.CHAIR_STAND_30S, 2.5, MeasurementCode.FIGURE_8_WALK, 1.5);

    private static Result tug(String member, Instant at, double seconds) {
        return new Result("a", member, MeasurementCode.TIMED_UP_AND_GO, at, seconds);
    }

    private static QuarterlyReport report(List<Result> results) {
        return QuarterlyReport.compute(Q3, MID, List.of(new SiteName("a", "가 경로당"), new SiteName("b", "나 경로당")),
                List.of(), List.of(), results, List.of(), MDC);
    }

    @Test
    void timedTestsImproveWhenTheTimeFallsBeyondTheSmallestRealChange() {
        // TUG changes -3, -2 (improved: faster by more than 1.14 s), -1, 0, +0.5 (held), +1.5 (declined)
        List<Result> results = new ArrayList<>();
        double[] changes = {-3, -2, -1, 0, 0.5, 1.5};
        for (int i = 0; i < changes.length; i++) {
            results.add(tug("m" + i, PREVIOUS, 10));
            results.add(tug("m" + i, MID, 10 + changes[i]));
        }
        QuarterlyReport report = report(results);
        int a = 0;
        assertThat(report.counts().get(cell(a, "compared"))).isEqualTo(6);
        assertThat(report.counts().get(cell(a, "improved"))).isEqualTo(2);
        assertThat(report.counts().get(cell(a, "held"))).isEqualTo(3);
        assertThat(report.counts().get(cell(a, "declined"))).isEqualTo(1);
        assertThat(report.figure(a, QuarterlyReport.test(MeasurementCode.TIMED_UP_AND_GO, "median"))).isEqualTo(-0.5);
        // six compared are shown; improved 2, held 3, declined 1 are each fewer than five
        assertThat(report.count(a, key("compared"))).isEqualTo("6");
        assertThat(report.count(a, key("improved"))).isEqualTo("5명 미만");
        assertThat(report.count(a, key("held"))).isEqualTo("5명 미만");
        assertThat(report.count(a, key("declined"))).isEqualTo("5명 미만");
        // the district row counts the same seniors
        assertThat(report.counts().get(cell(report.totalRow(), "compared"))).isEqualTo(6);
    }

    @Test
    void higherIsBetterTestsImproveWhenTheCountRises() {
        List<Result> results = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            results.add(new Result("a", "m" + i, MeasurementCode.CHAIR_STAND_30S, PREVIOUS, 12));
            results.add(new Result("a", "m" + i, MeasurementCode.CHAIR_STAND_30S, MID, 15));
        }
        QuarterlyReport report = report(results);
        String improved = QuarterlyReport.test(MeasurementCode.CHAIR_STAND_30S, "improved");
        assertThat(report.count(0, improved)).isEqualTo("5");
        assertThat(report.figure(0, QuarterlyReport.test(MeasurementCode.CHAIR_STAND_30S, "median"))).isEqualTo(3.0);
    }

    @Test
    void theStartIsThePreviousQuartersLastDayElseThisQuartersFirstDay() {
        Instant july = Instant.parse("2026-07-02T01:00:00Z");
        Instant september = Instant.parse("2026-09-20T01:00:00Z");
        // previous quarter's last result wins over the first of this quarter
        assertThat(QuarterlyReport.change(Q3, MeasurementCode.TIMED_UP_AND_GO,
                List.of(tug("x", PREVIOUS, 9), tug("x", PREVIOUS.plus(Duration.ofDays(20)), 12), tug("x", july, 11),
                        tug("x", september, 10)))).isEqualTo(-2.0);
        // no earlier quarter: first day of this quarter against the last
        assertThat(QuarterlyReport.change(Q3, MeasurementCode.TIMED_UP_AND_GO,
                List.of(tug("x", july, 11), tug("x", september, 10)))).isEqualTo(-1.0);
        // two results on one day are the day's best (for a timed test, the shortest), not a change
        assertThat(QuarterlyReport.change(Q3, MeasurementCode.TIMED_UP_AND_GO,
                List.of(tug("x", september, 14), tug("x", september.plusSeconds(600), 10)))).isNull();
        assertThat(QuarterlyReport.change(Q3, MeasurementCode.TIMED_UP_AND_GO,
                List.of(tug("x", july, 11), tug("x", september, 14), tug("x", september.plusSeconds(600), 10))))
                .isEqualTo(-1.0);
        // only a result before the quarter: nothing to say about this quarter
        assertThat(QuarterlyReport.change(Q3, MeasurementCode.TIMED_UP_AND_GO, List.of(tug("x", PREVIOUS, 9)))).isNull();
        // two quarters back is too old to be the start
        assertThat(QuarterlyReport.change(Q3, MeasurementCode.TIMED_UP_AND_GO,
                List.of(tug("x", Instant.parse("2026-03-01T01:00:00Z"), 20), tug("x", september, 10)))).isNull();
    }

    @Test
    void aResultAtSeoulMidnightOnTheFirstDayBelongsToTheQuarter() {
        Instant firstMoment = Q3.start(); // 1 July 00:00 KST = 30 June 15:00 UTC
        Instant lastMomentBefore = firstMoment.minusSeconds(1);
        Instant september = Instant.parse("2026-09-20T01:00:00Z");
        // 1 July 00:00 KST is this quarter's first day: it is the start only if there is no previous one
        assertThat(QuarterlyReport.change(Q3, MeasurementCode.TIMED_UP_AND_GO,
                List.of(tug("x", firstMoment, 12), tug("x", september, 10)))).isEqualTo(-2.0);
        assertThat(QuarterlyReport.change(Q3, MeasurementCode.TIMED_UP_AND_GO,
                List.of(tug("x", lastMomentBefore, 15), tug("x", firstMoment, 12), tug("x", september, 10))))
                .isEqualTo(-5.0);
        // 1 October 00:00 KST is the next quarter
        assertThat(QuarterlyReport.change(Q3, MeasurementCode.TIMED_UP_AND_GO,
                List.of(tug("x", september, 10), tug("x", Q3.end(), 5)))).isNull();
    }

    @Test
    void participationCountsRegisteredAtTheEndVisitorsAndVisits() {
        List<Registration> registered = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            registered.add(new Registration("a", PREVIOUS));
        }
        registered.add(new Registration("a", Q3.end())); // registered after the quarter
        registered.add(new Registration("b", PREVIOUS));
        List<Visit> visits = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            for (int day = 0; day <= i; day++) {
                visits.add(new Visit("a", "m" + i, 20_600 + day));
            }
        }
        QuarterlyReport report = QuarterlyReport.compute(Q3, MID, List.of(new SiteName("a", "가"), new SiteName("b", "나")),
                registered, visits, List.of(), List.of(), MDC);
        assertThat(report.counts().get(new SmallCounts.Cell(0, QuarterlyReport.REGISTERED))).isEqualTo(7);
        assertThat(report.count(0, QuarterlyReport.VISITORS)).isEqualTo("6");
        assertThat(report.count(0, QuarterlyReport.VISITS)).isEqualTo("21");
        assertThat(report.figure(0, QuarterlyReport.VISITS_PER_VISITOR)).isEqualTo(3.5);
        // site b: one senior registered, who never came: hidden; no one came, so no mean
        assertThat(report.count(1, QuarterlyReport.REGISTERED)).isEqualTo("5명 미만");
        assertThat(report.count(1, QuarterlyReport.VISITS)).isEqualTo("0");
        assertThat(report.figure(1, QuarterlyReport.VISITS_PER_VISITOR)).isNull();
        // the district (8 registered) would give site b's 1 back from site a's 7: so a's is hidden too
        assertThat(report.count(2, QuarterlyReport.REGISTERED)).isEqualTo("8");
        assertThat(report.count(0, QuarterlyReport.REGISTERED)).isEqualTo("비공개");
    }

    @Test
    void aMeanOfFewerThanFivePeopleIsNotShown() {
        List<Visit> visits = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            visits.add(new Visit("a", "m" + i, 20_600));
            visits.add(new Visit("a", "m" + i, 20_601));
        }
        QuarterlyReport report = QuarterlyReport.compute(Q3, MID, List.of(new SiteName("a", "가")), List.of(), visits,
                List.of(), List.of(), MDC);
        assertThat(report.count(0, QuarterlyReport.VISITORS)).isEqualTo("5명 미만");
        assertThat(report.count(0, QuarterlyReport.VISITS)).isEqualTo("8");
        assertThat(report.figure(0, QuarterlyReport.VISITS_PER_VISITOR)).isNull();
    }

    @Test
    void alertsOpenedAcknowledgedResolvedAndStillOpenAtTheEnd() {
        List<AlertHandling.Fact> alerts = new ArrayList<>();
        for (int days = 1; days <= 5; days++) {
            alerts.add(new AlertHandling.Fact("a", "ABSENCE", MID, MID.plusSeconds(60),
                    MID.plus(Duration.ofDays(days)), false));
        }
        alerts.add(new AlertHandling.Fact("a", "FALL_RISK", MID, null, null, true)); // opened, untouched, open
        alerts.add(new AlertHandling.Fact("a", "DECLINE", PREVIOUS, PREVIOUS, null, true)); // older, still open
        alerts.add(new AlertHandling.Fact("a", "UNWELL", MID, null, null, false)); // condition ended by itself
        alerts.add(new AlertHandling.Fact("elsewhere", "UNWELL", MID, null, null, true)); // an unknown site
        QuarterlyReport report = QuarterlyReport.compute(Q3, MID, List.of(new SiteName("a", "가")), List.of(), List.of(),
                List.of(), alerts, MDC);
        assertThat(report.counts().get(new SmallCounts.Cell(0, QuarterlyReport.alert("ABSENCE", "opened")))).isEqualTo(5);
        assertThat(report.count(0, QuarterlyReport.alert("ABSENCE", "acknowledged"))).isEqualTo("5");
        assertThat(report.count(0, QuarterlyReport.alert("ABSENCE", "resolved"))).isEqualTo("5");
        assertThat(report.figure(0, QuarterlyReport.alert("ABSENCE", "medianDays"))).isEqualTo(3.0);
        String all = QuarterlyReport.ALL_KINDS;
        assertThat(report.counts().get(new SmallCounts.Cell(0, QuarterlyReport.alert(all, "opened")))).isEqualTo(7);
        assertThat(report.counts().get(new SmallCounts.Cell(0, QuarterlyReport.alert(all, "open")))).isEqualTo(2);
        assertThat(report.count(0, QuarterlyReport.alert(all, "open"))).isEqualTo("5건 미만");
        assertThat(report.counts().get(new SmallCounts.Cell(1, QuarterlyReport.alert(all, "opened")))).isEqualTo(7);
    }

    @Test
    void noNameIsInTheReport() {
        QuarterlyReport report = report(List.of(tug("m1", PREVIOUS, 10), tug("m1", MID, 9)));
        assertThat(report.rows()).containsExactly("가 경로당", "나 경로당", "구 전체");
        assertThat(report.counts().keySet()).allSatisfy(c -> assertThat(c.key()).doesNotContain("m1"));
    }

    private static String key(String part) {
        return QuarterlyReport.test(MeasurementCode.TIMED_UP_AND_GO, part);
    }

    private static SmallCounts.Cell cell(int row, String part) {
        return new SmallCounts.Cell(row, key(part));
    }
}
