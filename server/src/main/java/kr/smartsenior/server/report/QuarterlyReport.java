package kr.smartsenior.server.report;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import kr.smartsenior.protocol.MeasurementCode;
import kr.smartsenior.server.alert.AlertHandling;
import kr.smartsenior.server.fitness.Evaluator;

/**
 * The district's quarterly report, per site and for the district (the last row), as the PDF and the
 * workbook print it; counts only, no names, small counts hidden ({@link SmallCounts}).
 *
 * <ul>
 * <li><b>Participation</b>: seniors registered at the quarter's end (withdrawn seniors are not
 * registered), seniors who came at least once (any record, test or exercise, at the site), visits (a
 * senior's day with a record at the site, Korean time), visits per senior who came.</li>
 * <li><b>Change per test</b> (the graded tests): per senior, the result of a day is the day's best
 * (highest; lowest for timed tests, where lower is better). The end is the senior's last day in the
 * quarter; the start is their last day in the previous quarter, else their first day in this one
 * (if earlier than the end). Change = end - start, in the test's unit. Improved / held / declined: the
 * change in the good direction / within / in the bad direction beyond the test's smallest real change
 * (docs/fitness-norms.md, section 3). A senior counts at their site now. Results of withdrawn seniors
 * (anonymous) still count: they are why the anonymous rows are kept.</li>
 * <li><b>Alerts handled</b> per kind: opened (raised in the quarter), of those acknowledged (any staff
 * action) and resolved by the quarter's end, the median days from raised to resolved, and the alerts
 * still open at the quarter's end (raised at any time, not resolved, condition still holding).</li>
 * </ul>
 * The district row sums the sites' counts (a senior who came to two sites counts at both); medians
 * and means are over the district's seniors.
 */
record QuarterlyReport(Quarter quarter, Instant madeAt, List<String> rows, List<MeasurementCode> tests,
        Map<String, String> alertKinds, Map<SmallCounts.Cell, Integer> counts, Set<SmallCounts.Cell> hidden,
        Map<SmallCounts.Cell, Double> figures) {

    /** The key of the "every kind" column of alerts. */
    static final String ALL_KINDS = "ALL";
    static final String REGISTERED = "registered";
    static final String VISITORS = "visitors";
    static final String VISITS = "visits";
    static final String VISITS_PER_VISITOR = "visitsPerVisitor";
    static final List<String> CHANGE_PARTS = List.of("improved", "held", "declined");
    static final List<String> ALERT_COUNTS = List.of("opened", "acknowledged", "resolved", "open");

    static String test(MeasurementCode code, String what) {
        return "test." + code.name() + "." + what;
    }

    static String alert(String kind, String what) {
        return "alert." + kind + "." + what;
    }

    /** The district's row (the last). */
    int totalRow() {
        return rows.size() - 1;
    }

    /** A count as shown: "12", "5명 미만" or "비공개"; "" when there is no such count. */
    String count(int row, String key) {
        SmallCounts.Cell cell = new SmallCounts.Cell(row, key);
        Integer count = counts.get(cell);
        if (count == null) {
            return "";
        }
        return SmallCounts.text(count, hidden.contains(cell), key.equals(VISITS) ? "회" : key.startsWith("alert.") ? "건" : "명");
    }

    /** A count that is shown (not hidden), or null. */
    Integer shownCount(int row, String key) {
        SmallCounts.Cell cell = new SmallCounts.Cell(row, key);
        return hidden.contains(cell) ? null : counts.get(cell);
    }

    /** A median or mean, or null when there is none or it would describe fewer than 5 people. */
    Double figure(int row, String key) {
        return figures.get(new SmallCounts.Cell(row, key));
    }

    // ---------------------------------------------------------------- computing it

    /** A site (id and name). */
    record SiteName(String id, String name) {
    }

    /** A registered senior's site and the day they were registered. */
    record Registration(String siteId, Instant registeredAt) {
    }

    /** A senior's day with a record at a site (day: days since 1970-01-01, Korean time). */
    record Visit(String siteId, String memberId, long day) {
    }

    /** A test result; {@code siteId} the senior's site now. */
    record Result(String siteId, String memberId, MeasurementCode code, Instant takenAt, double value) {
    }

    /** The tests reported: those with a better direction (height and weight are not a change to report). */
    static final List<MeasurementCode> TESTS = DistrictView.TESTS;

    static QuarterlyReport compute(Quarter quarter, Instant madeAt, List<SiteName> sites,
            List<Registration> registrations, List<Visit> visits, List<Result> results, List<AlertHandling.Fact> alerts,
            Map<MeasurementCode, Double> smallestRealChange) {
        List<String> rows = new ArrayList<>(sites.stream().map(SiteName::name).toList());
        rows.add("구 전체");
        Map<String, Integer> rowOf = new HashMap<>();
        for (int i = 0; i < sites.size(); i++) {
            rowOf.put(sites.get(i).id(), i);
        }
        int total = sites.size();
        Map<SmallCounts.Cell, Integer> counts = new LinkedHashMap<>();
        Map<SmallCounts.Cell, Double> figures = new HashMap<>();
        Map<String, String> kinds = new LinkedHashMap<>(AlertHandling.KINDS);
        kinds.put(ALL_KINDS, "전체");
        List<String> keys = new ArrayList<>(List.of(REGISTERED, VISITORS, VISITS));
        for (MeasurementCode code : TESTS) {
            keys.add(test(code, "compared"));
            CHANGE_PARTS.forEach(p -> keys.add(test(code, p)));
        }
        for (String kind : kinds.keySet()) {
            ALERT_COUNTS.forEach(c -> keys.add(alert(kind, c)));
        }
        for (int row = 0; row <= total; row++) {
            for (String key : keys) {
                counts.put(new SmallCounts.Cell(row, key), 0);
            }
        }

        // participation
        for (Registration r : registrations) {
            Integer row = rowOf.get(r.siteId());
            if (row != null && r.registeredAt().isBefore(quarter.end())) {
                add(counts, row, REGISTERED, 1);
            }
        }
        Map<Integer, Set<String>> visitors = new HashMap<>();
        for (Visit v : visits) {
            Integer row = rowOf.get(v.siteId());
            if (row != null) {
                add(counts, row, VISITS, 1);
                visitors.computeIfAbsent(row, k -> new HashSet<>()).add(v.memberId());
            }
        }
        visitors.forEach((row, who) -> add(counts, row, VISITORS, who.size()));

        // change per test
        Map<Integer, Map<MeasurementCode, List<Double>>> changes = new HashMap<>();
        Map<String, Map<MeasurementCode, List<Result>>> bySenior = new LinkedHashMap<>();
        for (Result r : results) {
            if (rowOf.containsKey(r.siteId()) && TESTS.contains(r.code())) {
                bySenior.computeIfAbsent(r.memberId(), k -> new TreeMap<>()).computeIfAbsent(r.code(), k -> new ArrayList<>())
                        .add(r);
            }
        }
        bySenior.forEach((member, perTest) -> perTest.forEach((code, list) -> {
            Double change = change(quarter, code, list);
            if (change == null) {
                return;
            }
            int row = rowOf.get(list.getLast().siteId());
            double threshold = smallestRealChange.getOrDefault(code, 0.0);
            int better = Evaluator.better(code);
            String part = change * better > threshold + 1e-9 ? "improved"
                    : -change * better > threshold + 1e-9 ? "declined" : "held";
            for (int r : List.of(row, total)) {
                add(counts, r, test(code, "compared"), 1);
                add(counts, r, test(code, part), 1);
                changes.computeIfAbsent(r, k -> new HashMap<>()).computeIfAbsent(code, k -> new ArrayList<>()).add(change);
            }
        }));

        // alerts handled
        Map<Integer, Map<String, List<Double>>> daysToResolve = new HashMap<>();
        for (AlertHandling.Fact a : alerts) {
            Integer row = rowOf.get(a.siteId());
            if (row == null) {
                continue;
            }
            boolean opened = !a.raisedAt().isBefore(quarter.start()) && a.raisedAt().isBefore(quarter.end());
            for (String kind : List.of(a.kind(), ALL_KINDS)) {
                if (!kinds.containsKey(kind)) {
                    continue;
                }
                if (a.openAtMoment()) {
                    add(counts, row, alert(kind, "open"), 1);
                }
                if (opened) {
                    add(counts, row, alert(kind, "opened"), 1);
                    if (a.acknowledgedAt() != null) {
                        add(counts, row, alert(kind, "acknowledged"), 1);
                    }
                    if (a.resolvedAt() != null) {
                        add(counts, row, alert(kind, "resolved"), 1);
                        double days = Duration.between(a.raisedAt(), a.resolvedAt()).toMinutes() / 1440.0;
                        for (int r : List.of(row, total)) {
                            daysToResolve.computeIfAbsent(r, k -> new HashMap<>())
                                    .computeIfAbsent(kind, k -> new ArrayList<>()).add(days);
                        }
                    }
                }
            }
        }

        // the district sums the sites
        for (String key : keys) {
            if (key.startsWith("test.")) {
                continue; // counted per senior above
            }
            int sum = 0;
            for (int row = 0; row < total; row++) {
                sum += counts.get(new SmallCounts.Cell(row, key));
            }
            counts.put(new SmallCounts.Cell(total, key), sum);
        }

        List<SmallCounts.Sum> sums = new ArrayList<>();
        for (String key : keys) {
            List<SmallCounts.Cell> sitesCells = new ArrayList<>();
            for (int row = 0; row < total; row++) {
                sitesCells.add(new SmallCounts.Cell(row, key));
            }
            sums.add(new SmallCounts.Sum(new SmallCounts.Cell(total, key), sitesCells));
        }
        for (int row = 0; row <= total; row++) {
            final int r = row;
            for (MeasurementCode code : TESTS) {
                sums.add(new SmallCounts.Sum(new SmallCounts.Cell(r, test(code, "compared")),
                        CHANGE_PARTS.stream().map(p -> new SmallCounts.Cell(r, test(code, p))).toList()));
            }
            for (String what : ALERT_COUNTS) {
                sums.add(new SmallCounts.Sum(new SmallCounts.Cell(r, alert(ALL_KINDS, what)), AlertHandling.KINDS.keySet()
                        .stream().map(k -> new SmallCounts.Cell(r, alert(k, what))).toList()));
            }
        }
        Set<SmallCounts.Cell> hidden = SmallCounts.hidden(counts, sums);

        // medians and means, only over 5 or more people (or alerts) and when their counts are shown
        for (int row = 0; row <= total; row++) {
            int visitorCount = counts.get(new SmallCounts.Cell(row, VISITORS));
            if (visitorCount >= SmallCounts.THRESHOLD && !hidden.contains(new SmallCounts.Cell(row, VISITORS))
                    && !hidden.contains(new SmallCounts.Cell(row, VISITS))) {
                figures.put(new SmallCounts.Cell(row, VISITS_PER_VISITOR),
                        round(counts.get(new SmallCounts.Cell(row, VISITS)) / (double) visitorCount, 1));
            }
            for (MeasurementCode code : TESTS) {
                List<Double> list = changes.getOrDefault(row, Map.of()).getOrDefault(code, List.of());
                if (list.size() >= SmallCounts.THRESHOLD) {
                    figures.put(new SmallCounts.Cell(row, test(code, "median")), round(median(list), 2));
                }
            }
            for (String kind : kinds.keySet()) {
                List<Double> list = daysToResolve.getOrDefault(row, Map.of()).getOrDefault(kind, List.of());
                if (list.size() >= SmallCounts.THRESHOLD) {
                    figures.put(new SmallCounts.Cell(row, alert(kind, "medianDays")), round(median(list), 1));
                }
            }
        }
        return new QuarterlyReport(quarter, madeAt, List.copyOf(rows), TESTS, kinds, counts, hidden, figures);
    }

    /** A senior's change in one test over the quarter (see the class comment), or null when not comparable. */
    static Double change(Quarter quarter, MeasurementCode code, List<Result> results) {
        int better = Evaluator.better(code);
        TreeMap<LocalDate, Double> bestOfDay = new TreeMap<>();
        for (Result r : results) {
            if (r.takenAt().isBefore(quarter.previous().start()) || !r.takenAt().isBefore(quarter.end())) {
                continue;
            }
            LocalDate day = r.takenAt().atZone(Quarter.SEOUL).toLocalDate();
            bestOfDay.merge(day, r.value(), (a, b) -> better < 0 ? Math.min(a, b) : Math.max(a, b));
        }
        var inQuarter = bestOfDay.tailMap(quarter.firstDay(), true);
        if (inQuarter.isEmpty()) {
            return null;
        }
        var before = bestOfDay.headMap(quarter.firstDay(), false);
        Map.Entry<LocalDate, Double> end = inQuarter.lastEntry();
        Map.Entry<LocalDate, Double> start = before.isEmpty() ? inQuarter.firstEntry() : before.lastEntry();
        if (start.getKey().equals(end.getKey())) {
            return null;
        }
        return end.getValue() - start.getValue();
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted(Comparator.naturalOrder()).toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }

    private static void add(Map<SmallCounts.Cell, Integer> counts, int row, String key, int amount) {
        counts.merge(new SmallCounts.Cell(row, key), amount, Integer::sum);
    }
}
