package kr.smartsenior.edge.bench;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import kr.smartsenior.edge.Kiosk;
import kr.smartsenior.edge.KioskSettings;
import kr.smartsenior.edge.simulate.SimulatedSessions;
import kr.smartsenior.protocol.MeasurementCode;
import kr.smartsenior.protocol.MeasurementRecord;

/**
 * Measures the kiosk's two costs: appending results durably, and emptying a full outbox through the
 * whole path (publish, the server's validation and commit, its ack, the kiosk's delete).
 *
 * <p>Each round appends {@code SSC_BENCH_RECORDS} results to a fresh store while offline, then starts
 * the kiosk against {@code SSC_MQTT_URL} and times until the outbox is empty: a kiosk restarted with a
 * full outbox. Prints each round and the medians. Run by {@code scripts/bench-sync.sh}, which starts
 * a server with the members first; see {@code docs/benchmarks.md}.
 */
public final class SyncBenchmark {

    static final int DEFAULT_RECORDS = 5_000;
    static final int DEFAULT_ROUNDS = 3;
    static final Duration DRAIN_LIMIT = Duration.ofMinutes(5);
    /** Nothing listens here: the kiosk stays offline while the outbox fills. */
    private static final String NOWHERE = "tcp://127.0.0.1:9";

    private SyncBenchmark() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "kiosk-logback.xml"); // before the first logger
        }
        Map<String, String> env = new HashMap<>(System.getenv());
        int records = Integer.parseInt(env.getOrDefault("SSC_BENCH_RECORDS", String.valueOf(DEFAULT_RECORDS)));
        int rounds = Integer.parseInt(env.getOrDefault("SSC_BENCH_ROUNDS", String.valueOf(DEFAULT_ROUNDS)));
        List<Double> appendRates = new ArrayList<>();
        List<Double> drainRates = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            Path dir = Files.createTempDirectory("ssc-bench-kiosk");
            env.put(KioskSettings.ENV_DATA_DIR, dir.toString());
            env.put(KioskSettings.ENV_DEVICE_ID, "bench-" + round);
            KioskSettings settings = KioskSettings.fromEnvironment(env);
            if (settings.simulateMembers().isEmpty()) {
                throw new IllegalArgumentException("SSC_SIM_MEMBERS must name members the server knows");
            }
            double appendRate = fill(settings, records);
            double drainRate = drain(settings, records);
            System.out.printf(Locale.ROOT, "round %d: append %.0f records/s, drain %.0f records/s%n", round, appendRate,
                    drainRate);
            appendRates.add(appendRate);
            drainRates.add(drainRate);
        }
        System.out.printf(Locale.ROOT, "median of %d rounds of %d records: append %.0f records/s, drain %.0f records/s%n",
                rounds, records, median(appendRates), median(drainRates));
    }

    private static double fill(KioskSettings settings, int records) {
        KioskSettings offline = new KioskSettings(settings.siteId(), settings.deviceId(), NOWHERE, settings.dataDir(),
                settings.batchSize(), settings.initialBackoff(), settings.maxBackoff(), settings.statusInterval(),
                settings.simulateMembers(), settings.simulateEvery());
        List<String> members = settings.simulateMembers();
        try (Kiosk kiosk = Kiosk.start(offline)) {
            long start = System.nanoTime();
            for (int i = 0; i < records; i++) {
                kiosk.record(MeasurementRecord.of(members.get(i % members.size()), MeasurementCode.CHAIR_STAND_30S,
                        BigDecimal.valueOf(8 + i % 12), OffsetDateTime.now(SimulatedSessions.SEOUL), Map.of()));
            }
            return records / seconds(start);
        }
    }

    private static double drain(KioskSettings settings, int records) throws InterruptedException {
        long start = System.nanoTime();
        try (Kiosk kiosk = Kiosk.start(settings)) {
            long deadline = start + DRAIN_LIMIT.toNanos();
            while (kiosk.outboxSize() > 0) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(kiosk.outboxSize() + " records still waiting after " + DRAIN_LIMIT);
                }
                Thread.sleep(5);
            }
            return records / seconds(start);
        }
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int mid = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(mid) : (sorted.get(mid - 1) + sorted.get(mid)) / 2;
    }
}
