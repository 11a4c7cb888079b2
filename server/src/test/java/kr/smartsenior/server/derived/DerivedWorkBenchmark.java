package kr.smartsenior.server.derived;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kr.smartsenior.server.fitness.MeasurementHistory;
import kr.smartsenior.server.fitness.ThreeYearHistory;
import kr.smartsenior.server.screening.ScreeningQuestion;
import kr.smartsenior.server.testsupport.RequiredServices;
import kr.smartsenior.server.testsupport.TestDatabase;
import kr.smartsenior.server.testsupport.TestServer;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Not a test (its name matches neither Surefire's nor Failsafe's patterns): derived-work throughput
 * of one server instance against two on one PostgreSQL database, in one run. SSC_BENCH_SITES sites
 * (default 4) of SSC_BENCH_MEMBERS seniors in all (default 80), each screened and with a realistic
 * three-year history ({@code ThreeYearHistory}: ~1,700 records). Each round notes every member's
 * prescription and alerts and every site's roster as due at once, and times until the queue is empty;
 * rounds alternate one instance (the second's {@code ssc-derived} worker stopped) and two, SSC_BENCH_ROUNDS
 * of each (default 5), after a warm-up. Also times one member's read for the evaluation: the whole
 * history against the bounded read. Both instances run in this JVM (two Spring contexts, each with its
 * own embedded broker), on SSC_DERIVED_THREADS threads each (default 2). Writes
 * target/bench-derived.txt.
 *
 * <pre>scripts/bench-derived.sh</pre>
 */
class DerivedWorkBenchmark {

    @Test
    void run() throws Exception {
        int sites = setting("SSC_BENCH_SITES", 4);
        int members = setting("SSC_BENCH_MEMBERS", 80);
        int rounds = setting("SSC_BENCH_ROUNDS", 5);
        String threads = System.getenv().getOrDefault("SSC_DERIVED_THREADS", "2");
        String loadBefore = Files.readString(Path.of("/proc/loadavg")).strip();
        RequiredServices.PostgresSchema schema = RequiredServices.freshPostgresSchema();
        TestServer a = null;
        TestServer b = null;
        try {
            a = start(schema, threads);
            b = start(schema, threads);
            List<String> siteIds = new ArrayList<>();
            List<String> memberIds = new ArrayList<>();
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            long setupStart = System.nanoTime();
            for (int s = 0; s < sites; s++) {
                String siteId = "bd-" + UUID.randomUUID().toString().substring(0, 6);
                a.api().createSite(siteId, "벤치마크 경로당 " + s);
                siteIds.add(siteId);
            }
            int records = 0;
            for (int m = 0; m < members; m++) {
                String siteId = siteIds.get(m % sites);
                String id = a.api().createMember(siteId, "회원" + m, 1940 + m % 20, m % 2 == 0 ? "F" : "M");
                a.api().post("/api/members/" + id + "/screening", clearScreening());
                records += ThreeYearHistory.write(a.bean(JdbcTemplate.class), id, siteId, now, m);
                memberIds.add(id);
            }
            a.jdbc().sql("ANALYZE measurement").update();
            double setupSeconds = (System.nanoTime() - setupStart) / 1e9;

            WorkQueue queue = a.bean(WorkQueue.class);
            DerivedWorker workerA = a.context().getBean(DerivedWorker.class);
            DerivedWorker workerB = b.context().getBean(DerivedWorker.class);
            JdbcClient jdbc = a.jdbc();
            round(queue, jdbc, memberIds, siteIds); // warm-up (and the first prescriptions from the histories)
            List<Double> one = new ArrayList<>();
            List<Double> two = new ArrayList<>();
            List<String> splits = new ArrayList<>();
            for (int r = 0; r < 2 * rounds; r++) {
                boolean both = r % 2 == 1;
                if (both && !workerB.isRunning()) {
                    workerB.start();
                } else if (!both && workerB.isRunning()) {
                    workerB.stop();
                }
                long doneA = workerA.done(WorkKind.PRESCRIBE);
                long doneB = workerB.done(WorkKind.PRESCRIBE);
                double seconds = round(queue, jdbc, memberIds, siteIds);
                (both ? two : one).add(seconds);
                if (both) {
                    splits.add((workerA.done(WorkKind.PRESCRIBE) - doneA) + "/" + (workerB.done(WorkKind.PRESCRIBE) - doneB));
                }
            }
            int rows = 2 * members + sites;

            MeasurementHistory history = a.bean(MeasurementHistory.class);
            List<Double> whole = new ArrayList<>();
            List<Double> bounded = new ArrayList<>();
            int wholeRows = 0;
            int boundedRows = 0;
            Instant from = Instant.now().minus(Duration.ofDays(60));
            for (int rep = 0; rep < 3; rep++) {
                for (String id : memberIds) {
                    long t0 = System.nanoTime();
                    wholeRows += history.of(id).size();
                    long t1 = System.nanoTime();
                    boundedRows += history.forEvaluation(id, from).size();
                    long t2 = System.nanoTime();
                    whole.add((t1 - t0) / 1e6);
                    bounded.add((t2 - t1) / 1e6);
                }
            }
            String report = """
                    derived work, %d sites, %d seniors with three-year histories (%d records, set up in %.0f s), \
                    %s threads per instance
                    a round: %d rows (prescription and alerts of every senior, roster of every site) due at once
                    one instance:  median %.2f s a round (%.0f rows/s); rounds %s
                    two instances: median %.2f s a round (%.0f rows/s); rounds %s; prescriptions split a/b %s
                    two against one: %.2fx the throughput (ratio of medians)
                    one senior's read for the evaluation: whole history median %.2f ms (%d records), \
                    bounded (exercise and checks of the last 60 days) median %.2f ms (%d records)
                    load average before %s, after %s
                    """.formatted(sites, members, records, setupSeconds, threads, rows, median(one), rows / median(one),
                    fmt(one), median(two), rows / median(two), fmt(two), splits, median(one) / median(two),
                    median(whole), wholeRows / (3 * members), median(bounded), boundedRows / (3 * members), loadBefore,
                    Files.readString(Path.of("/proc/loadavg")).strip());
            System.out.print(report);
            Files.writeString(Path.of("target", "bench-derived.txt"), report, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } finally {
            if (b != null) {
                b.close();
            }
            if (a != null) {
                a.close();
            }
            schema.drop();
        }
    }

    /** Notes every member's and site's work as due now and waits until the queue is empty; seconds. */
    private static double round(WorkQueue queue, JdbcClient jdbc, List<String> memberIds, List<String> siteIds)
            throws InterruptedException {
        long start = System.nanoTime();
        queue.enqueue(WorkKind.PRESCRIBE, memberIds, Duration.ZERO, Duration.ZERO);
        queue.enqueue(WorkKind.ALERTS, memberIds, Duration.ZERO, Duration.ZERO);
        queue.enqueue(WorkKind.ROSTER, siteIds, Duration.ZERO, Duration.ZERO);
        while (jdbc.sql("SELECT COUNT(*) FROM derived_work").query(Integer.class).single() > 0) {
            Thread.sleep(20);
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private static TestServer start(RequiredServices.PostgresSchema schema, String threads) throws Exception {
        Path dataDir = Files.createTempDirectory("ssc-bench-derived-");
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("SSC_DATA_DIR", dataDir.toString());
        settings.put("SSC_MQTT_URL", "");
        settings.put("SSC_MQTT_PORT", "0");
        settings.put("SSC_DB_URL", schema.jdbcUrl());
        settings.put("SSC_CARD_KEY", "8f2b7c1d9e4a6f3b5c7d9e1f2a4b6c8d0e2f4a6b8c0d2e4f6a8b0c2d4e6f8a0b");
        settings.put("SSC_DERIVED_THREADS", threads);
        settings.put("SSC_DERIVED_POLL", "100ms");
        return TestServer.start(settings, List.of(() -> TestDatabase.deleteTree(dataDir)));
    }

    private static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    private static String fmt(List<Double> values) {
        return Arrays.toString(values.stream().map(v -> String.format("%.2f", v)).toArray());
    }

    private static Map<String, Object> clearScreening() {
        Map<String, Object> answers = new LinkedHashMap<>();
        for (ScreeningQuestion q : ScreeningQuestion.values()) {
            answers.put(q.name(), false);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("answers", answers);
        body.put("systolic", 120);
        body.put("diastolic", 80);
        return body;
    }

    private static int setting(String name, int fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.strip());
    }
}
