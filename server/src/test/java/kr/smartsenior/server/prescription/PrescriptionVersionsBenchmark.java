package kr.smartsenior.server.prescription;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import kr.smartsenior.protocol.MeasurementBatch;
import kr.smartsenior.protocol.MeasurementCode;
import kr.smartsenior.protocol.MeasurementRecord;
import kr.smartsenior.protocol.ProtocolCodec;
import kr.smartsenior.server.screening.ScreeningQuestion;
import kr.smartsenior.server.testsupport.MqttTestClient;
import kr.smartsenior.server.testsupport.TestDatabase;
import kr.smartsenior.server.testsupport.TestServer;
import org.junit.jupiter.api.Test;

/**
 * Not a test (its name matches neither Surefire's nor Failsafe's patterns): how many prescription
 * versions a busy day makes. SSC_BENCH_MEMBERS seniors (default 100), each screened (version 1), then
 * visit SSC_BENCH_KIOSKS kiosks (default 10, in parallel) one after another; each visit sends
 * SSC_BENCH_RESULTS results (default 10) in as many batches, SSC_BENCH_GAP_MS apart (default 100), as
 * the kiosk does after each test. The server runs with SSC_BENCH_QUIET (default 2s) as its quiet
 * period (0s: re-prescribe after every batch). SSC_BENCH_VISIT: {@code battery} (default: the tests in
 * turn) or {@code retest} (the timed up-and-go again and again, 13.6-17 s: always a high fall risk, only
 * the value changes). Counts the versions made by the visits once nothing
 * changes any more, and writes them to target/bench-prescription-versions.txt. Through the real
 * server: embedded broker, SQLite.
 *
 * <pre>mvn -pl protocol,firmware-config,edge-app,server test -Dtest=PrescriptionVersionsBenchmark \
 *     -Dsurefire.failIfNoSpecifiedTests=false</pre>
 */
class PrescriptionVersionsBenchmark {

    /** code, typical value, spread: a visit measures these in turn (values vary, flags come and go). */
    static final Object[][] TESTS = {{MeasurementCode.CHAIR_STAND_30S, 12, 4}, {MeasurementCode.TIMED_UP_AND_GO, 10, 3},
            {MeasurementCode.STEP_IN_PLACE_2MIN, 85, 20}, {MeasurementCode.ONE_LEG_STANCE, 12, 8},
            {MeasurementCode.GRIP_STRENGTH, 22, 6}, {MeasurementCode.SIT_AND_REACH, 2, 6}};

    private final ProtocolCodec codec = new ProtocolCodec();

    @Test
    void run() throws Exception {
        int members = setting("SSC_BENCH_MEMBERS", 100);
        int results = setting("SSC_BENCH_RESULTS", 10);
        int kiosks = setting("SSC_BENCH_KIOSKS", 10);
        int gapMs = setting("SSC_BENCH_GAP_MS", 100);
        String quiet = System.getenv().getOrDefault("SSC_BENCH_QUIET", "2s");
        boolean retest = "retest".equals(System.getenv("SSC_BENCH_VISIT"));
        Path dataDir = Files.createTempDirectory("ssc-bench-versions");
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("SSC_DATA_DIR", dataDir.toString());
        settings.put("SSC_MQTT_URL", "");
        settings.put("SSC_MQTT_PORT", "0");
        settings.put("SSC_DB_URL", "");
        settings.put("SSC_PRESCRIPTION_QUIET_PERIOD", quiet);
        settings.put("SSC_PRESCRIPTION_MAX_DELAY", "10m");
        try (TestServer server = TestServer.start(settings, List.of(() -> TestDatabase.deleteTree(dataDir)))) {
            String siteId = "bench-" + UUID.randomUUID().toString().substring(0, 6);
            server.api().createSite(siteId, "벤치마크 경로당");
            List<String> ids = new ArrayList<>();
            for (int m = 0; m < members; m++) {
                String id = server.api().createMember(siteId, "회원" + m, 1940 + m % 20, m % 2 == 0 ? "F" : "M");
                server.api().post("/api/members/" + id + "/screening", clearScreening());
                ids.add(id);
            }
            long before = versions(server, siteId);
            long start = System.nanoTime();
            ExecutorService pool = Executors.newFixedThreadPool(kiosks);
            List<Future<?>> done = new ArrayList<>();
            for (int k = 0; k < kiosks; k++) {
                int kiosk = k;
                done.add(pool.submit(() -> {
                    try (MqttTestClient client = new MqttTestClient(server.mqttUri(), siteId, "kiosk-" + kiosk)) {
                        for (int m = kiosk; m < ids.size(); m += kiosks) {
                            visit(client, "kiosk-" + kiosk, ids.get(m), results, gapMs, retest, new Random(m));
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            pool.shutdown();
            double sendSeconds = (System.nanoTime() - start) / 1e9;
            long after = settled(server, siteId, Duration.parse("PT" + quiet.toUpperCase()).plusSeconds(5));
            double totalSeconds = (System.nanoTime() - start) / 1e9;
            long made = after - before;
            String report = """
                    %s visit, quiet period %s: %d seniors x %d results (%d batches from %d kiosks, %d ms apart) in %.1f s
                    new prescription versions: %d (%.2f per senior), settled after %.1f s
                    """.formatted(retest ? "retest" : "battery", quiet, members, results, members * results, kiosks, gapMs, sendSeconds, made,
                    (double) made / members, totalSeconds);
            System.out.print(report);
            Files.writeString(Path.of("target", "bench-prescription-versions.txt"), report,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        }
    }

    private void visit(MqttTestClient client, String deviceId, String memberId, int results, int gapMs,
            boolean retest, Random random)
            throws InterruptedException {
        OffsetDateTime at = OffsetDateTime.now(ZoneOffset.ofHours(9)).minusMinutes(results);
        for (int r = 0; r < results; r++) {
            Object[] test = retest ? new Object[] {MeasurementCode.TIMED_UP_AND_GO} : TESTS[r % TESTS.length];
            double value = retest ? 13.6 + random.nextDouble() * 3.4
                    : Math.max(1, (int) test[1] + random.nextGaussian() * (int) test[2]);
            MeasurementRecord record = MeasurementRecord.of(memberId, (MeasurementCode) test[0],
                    BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP), at.plusMinutes(r), Map.of());
            String batchId = "bv-" + UUID.randomUUID().toString().substring(0, 8);
            client.publishMeasurements(codec.encode(new MeasurementBatch(batchId, deviceId,
                    OffsetDateTime.now(ZoneOffset.ofHours(9)), List.of(record))));
            client.awaitAck(batchId, Duration.ofSeconds(20));
            Thread.sleep(gapMs);
        }
    }

    /** The site's version count once it has not changed for {@code stable}. */
    private static long settled(TestServer server, String siteId, Duration stable) throws InterruptedException {
        long last = -1;
        long unchangedSince = System.nanoTime();
        while (true) {
            long now = versions(server, siteId);
            if (now != last) {
                last = now;
                unchangedSince = System.nanoTime();
            } else if (System.nanoTime() - unchangedSince > stable.toNanos()) {
                return now;
            }
            Thread.sleep(500);
        }
    }

    private static long versions(TestServer server, String siteId) {
        return server.jdbc().sql("SELECT COUNT(*) FROM prescription WHERE site_id = ?").param(siteId)
                .query(Long.class).single();
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
