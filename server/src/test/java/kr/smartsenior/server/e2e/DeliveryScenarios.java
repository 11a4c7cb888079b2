package kr.smartsenior.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import kr.smartsenior.edge.Kiosk;
import kr.smartsenior.edge.KioskSettings;
import kr.smartsenior.protocol.MeasurementCode;
import kr.smartsenior.protocol.MeasurementRecord;
import kr.smartsenior.server.testsupport.TestDatabase;
import kr.smartsenior.server.testsupport.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole path, kiosk to database and back, with each part failing in turn. Every scenario ends
 * the same way: every record the kiosks kept is stored exactly once and every outbox is empty.
 * Subclasses choose the broker and database.
 */
abstract class DeliveryScenarios {

    private static final Logger log = LoggerFactory.getLogger(DeliveryScenarios.class);

    private static final Duration DRAIN = Duration.ofSeconds(120);
    private static final OffsetDateTime TAKEN = OffsetDateTime.now(ZoneOffset.ofHours(9)).withNano(0);

    private final List<AutoCloseable> open = new ArrayList<>();
    private final String siteId = "e2e-" + UUID.randomUUID().toString().substring(0, 8);

    /** A fresh broker and database for one test; {@code restartable} when it will restart the broker. */
    abstract Infrastructure infrastructure(boolean restartable);

    @AfterEach
    void closeEverything() throws Exception {
        for (AutoCloseable closeable : open.reversed()) {
            closeable.close();
        }
    }

    @Test
    @Timeout(240)
    void everyRecordFromSeveralBusyKiosksIsStoredExactlyOnce() throws Exception {
        Infrastructure infra = keep(infrastructure(false));
        TestServer server = keep(infra.startServer());
        List<String> members = registerSiteAndMembers(server, 3);
        int kiosks = 3;
        int perKiosk = 1_000;

        List<Kiosk> running = new ArrayList<>();
        for (int k = 1; k <= kiosks; k++) {
            running.add(keep(Kiosk.start(settings(infra, "kiosk-" + k, newDataDir()))));
        }
        long start = System.nanoTime();
        List<String> recorded = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(kiosks)) {
            List<Future<List<String>>> work = new ArrayList<>();
            for (Kiosk kiosk : running) {
                work.add(pool.submit(() -> record(kiosk, members, perKiosk)));
            }
            for (Future<List<String>> done : work) {
                recorded.addAll(done.get(DRAIN.toSeconds(), TimeUnit.SECONDS));
            }
        }
        awaitEmpty(running);
        double seconds = (System.nanoTime() - start) / 1e9;
        log.info(String.format(Locale.ROOT, "e2e %s: %d records from %d kiosks stored and acknowledged in %.2f s"
                + " (%.0f records/s)", getClass().getSimpleName(), recorded.size(), kiosks, seconds, recorded.size() / seconds));

        assertStoredExactlyOnce(infra, recorded);
        assertThat(server.api().stats().get("stored").asLong()).isEqualTo(recorded.size());
    }

    @Test
    @Timeout(240)
    void aServerKilledBetweenCommitAndAckLosesNothingAndStoresNothingTwice() throws Exception {
        Infrastructure infra = keep(infrastructure(false));
        CountDownLatch crashed = CrashBetweenCommitAndAck.arm();
        TestServer first = keep(infra.startServer(CrashBetweenCommitAndAck.class));
        List<String> members = registerSiteAndMembers(first, 2);
        Kiosk kiosk = keep(Kiosk.start(settings(infra, "kiosk-1", newDataDir())));

        List<String> recorded = record(kiosk, members, 300);
        assertThat(crashed.await(60, TimeUnit.SECONDS)).as("the server went down").isTrue();

        int committedWithoutAck = infra.storedIds(siteId).size();
        assertThat(committedWithoutAck).as("records committed before the crash").isPositive();
        assertThat(kiosk.outboxSize()).as("no ack ever reached the kiosk").isEqualTo(recorded.size());

        TestServer second = keep(infra.startServer());
        awaitEmpty(List.of(kiosk));
        assertStoredExactlyOnce(infra, recorded);
        assertThat(second.api().stats().get("duplicate").asLong())
                .as("the records committed before the crash came again and were recognised")
                .isGreaterThanOrEqualTo(committedWithoutAck);
    }

    @Test
    @Timeout(240)
    void aBrokerRestartedMidBatchLosesNothingAndStoresNothingTwice() throws Exception {
        Infrastructure infra = keep(infrastructure(true));
        TestServer server = keep(infra.startServer());
        List<String> members = registerSiteAndMembers(server, 2);
        Kiosk kiosk = keep(Kiosk.start(settings(infra, "kiosk-1", newDataDir())));
        await().atMost(Duration.ofSeconds(30)).until(kiosk::connected);

        List<String> recorded;
        try (ExecutorService senior = Executors.newSingleThreadExecutor()) {
            // the senior keeps exercising while the broker goes down and comes back
            Future<List<String>> recording = senior.submit(() -> record(kiosk, members, 5_000));
            await().atMost(DRAIN).pollInterval(Duration.ofMillis(10)).until(() -> !infra.storedIds(siteId).isEmpty());
            long waitingAtRestart = kiosk.outboxSize();
            infra.restartBroker();
            recorded = recording.get(DRAIN.toSeconds(), TimeUnit.SECONDS);
            assertThat(waitingAtRestart).as("records sent but not yet acknowledged when the broker went down")
                    .isPositive();
        }
        awaitEmpty(List.of(kiosk));
        assertStoredExactlyOnce(infra, recorded);
    }

    @Test
    @Timeout(240)
    void aKioskRestartedWithAFullOutboxSendsEverythingOnce() throws Exception {
        Infrastructure infra = keep(infrastructure(false));
        TestServer server = keep(infra.startServer());
        List<String> members = registerSiteAndMembers(server, 2);
        Path dataDir = newDataDir();

        // offline all day: the broker address answers nothing
        KioskSettings offline = settings(infra, "kiosk-1", dataDir);
        offline = new KioskSettings(offline.siteId(), offline.deviceId(), "tcp://127.0.0.1:9", dataDir,
                offline.batchSize(), offline.initialBackoff(), offline.maxBackoff(), offline.statusInterval(),
                List.of(), offline.simulateEvery());
        List<String> recorded;
        try (Kiosk kiosk = Kiosk.start(offline)) {
            recorded = record(kiosk, members, 1_000);
            assertThat(kiosk.outboxSize()).isEqualTo(1_000);
        }

        // back online, but switched off again in the middle of sending
        long waitingAtSwitchOff;
        try (Kiosk kiosk = Kiosk.start(settings(infra, "kiosk-1", dataDir))) {
            await().atMost(DRAIN).pollInterval(Duration.ofMillis(5)).until(() -> !infra.storedIds(siteId).isEmpty());
            waitingAtSwitchOff = kiosk.outboxSize();
        }
        assertThat(waitingAtSwitchOff).as("switched off with records still waiting").isPositive();

        try (Kiosk kiosk = Kiosk.start(settings(infra, "kiosk-1", dataDir))) {
            awaitEmpty(List.of(kiosk));
        }
        assertStoredExactlyOnce(infra, recorded);
    }

    private List<String> registerSiteAndMembers(TestServer server, int count) {
        server.api().createSite(siteId, "종단간 시험 경로당");
        List<String> members = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            members.add(server.api().createMember(siteId, "시험 어르신 " + i, 1940 + i, i % 2 == 0 ? "F" : "M"));
        }
        return members;
    }

    private KioskSettings settings(Infrastructure infra, String deviceId, Path dataDir) {
        return KioskSettings.of(siteId, deviceId, infra.kioskBrokerUrl(), dataDir)
                .withBackoff(Duration.ofMillis(200), Duration.ofSeconds(2));
    }

    private static List<String> record(Kiosk kiosk, List<String> members, int count) {
        List<String> ids = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            MeasurementRecord record = MeasurementRecord.of(members.get(i % members.size()),
                    MeasurementCode.CHAIR_STAND_30S, BigDecimal.valueOf(8 + i % 15), TAKEN.minusSeconds(i), Map.of());
            kiosk.record(record);
            ids.add(record.id().toString());
        }
        return ids;
    }

    private static void awaitEmpty(List<Kiosk> kiosks) {
        await().atMost(DRAIN).pollInterval(Duration.ofMillis(50))
                .until(() -> kiosks.stream().mapToLong(Kiosk::outboxSize).sum() == 0);
    }

    private void assertStoredExactlyOnce(Infrastructure infra, List<String> recorded) {
        List<String> stored = infra.storedIds(siteId);
        assertThat(stored).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(recorded);
    }

    private Path newDataDir() throws IOException {
        Path dir = Files.createTempDirectory("ssc-e2e-kiosk-");
        open.add(() -> TestDatabase.deleteTree(dir));
        return dir;
    }

    private <T extends AutoCloseable> T keep(T closeable) {
        open.add(closeable);
        return closeable;
    }
}
