package kr.smartsenior.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import kr.smartsenior.edge.testing.EmbeddedBroker;
import kr.smartsenior.edge.testing.FakeServer;
import kr.smartsenior.edge.testing.Records;
import kr.smartsenior.protocol.Channel;
import kr.smartsenior.protocol.DeviceStatus;
import kr.smartsenior.protocol.MeasurementRecord;
import kr.smartsenior.protocol.Topics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A kiosk syncing through a real broker (Moquette) to a tiny fake server. */
@Timeout(60)
class KioskSyncIT {

    private static final Logger log = LoggerFactory.getLogger(KioskSyncIT.class);
    private static final Duration INITIAL = Duration.ofMillis(200);
    private static final Duration MAX = Duration.ofSeconds(1);
    private static final String SITE = "it-01";
    private static final String DEVICE = "kiosk-07";

    @TempDir
    Path dataDir;

    private EmbeddedBroker broker;
    private final List<AutoCloseable> open = new ArrayList<>();

    @BeforeEach
    void startBroker() {
        broker = EmbeddedBroker.onFreePort().start();
    }

    @AfterEach
    void stopEverything() throws Exception {
        for (AutoCloseable closeable : open.reversed()) {
            closeable.close();
        }
        broker.stop();
    }

    @Test
    void theOutboxDrainsToZeroWhenTheServerAcksEverything() throws Exception {
        FakeServer server = keep(FakeServer.acking(broker.url()));
        Kiosk kiosk = keep(Kiosk.start(settings()));

        List<UUID> ids = record(kiosk, 20);

        await().atMost(Duration.ofSeconds(10)).until(() -> kiosk.outboxSize() == 0);
        assertThat(server.receivedIds()).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(kiosk.connected()).isTrue();
    }

    @Test
    void withoutAcksRecordsStayAndAreSentAgainWithBackoff() throws Exception {
        FakeServer server = keep(FakeServer.silent(broker.url()));
        Kiosk kiosk = keep(Kiosk.start(settings()));

        List<UUID> ids = record(kiosk, 3);

        await().atMost(Duration.ofSeconds(15))
                .until(() -> ids.stream().allMatch(id -> server.deliveries().getOrDefault(id, List.of()).size() >= 3));
        assertThat(kiosk.outboxSize()).isEqualTo(3);
        List<Instant> times = server.deliveries().get(ids.getFirst());
        for (int i = 1; i < times.size(); i++) {
            assertThat(Duration.between(times.get(i - 1), times.get(i))).isGreaterThan(INITIAL.minusMillis(50));
        }

        server.setAcking(true);
        await().atMost(Duration.ofSeconds(10)).until(() -> kiosk.outboxSize() == 0);
    }

    @Test
    void aMalformedAckIsIgnoredAndTheKioskKeepsWorking() throws Exception {
        FakeServer server = keep(FakeServer.silent(broker.url()));
        Kiosk kiosk = keep(Kiosk.start(settings()));
        await().until(kiosk::connected);
        List<UUID> first = record(kiosk, 2);
        await().until(() -> server.receivedIds().containsAll(first));

        String acks = Topics.of(SITE, DEVICE, Channel.ACKS);
        server.publish(acks, "{not json");
        server.publish(acks, "[\"accepted\"]");
        server.publish(acks, "{\"batchId\":\"x\",\"accepted\":[\"" + first.getFirst() + "\",42]}");
        server.publish(acks, "\u0000\u0001garbage");
        server.setAcking(true);
        List<UUID> second = record(kiosk, 2);

        await().atMost(Duration.ofSeconds(10)).until(() -> kiosk.outboxSize() == 0);
        assertThat(server.receivedIds()).containsAll(first).containsAll(second);
        assertThat(kiosk.connected()).isTrue();
    }

    @Test
    void afterTheBrokerRestartsTheKioskReconnectsAndDrains() throws Exception {
        FakeServer before = keep(FakeServer.acking(broker.url()));
        Kiosk kiosk = keep(Kiosk.start(settings()));
        record(kiosk, 5);
        await().atMost(Duration.ofSeconds(10)).until(() -> kiosk.outboxSize() == 0);

        broker.stop();
        await().atMost(Duration.ofSeconds(10)).until(() -> !kiosk.connected());
        List<UUID> whileDown = record(kiosk, 5);
        assertThat(kiosk.outboxSize()).isEqualTo(5);
        before.close();
        open.remove(before);

        broker.start();
        FakeServer after = keep(FakeServer.acking(broker.url()));

        await().atMost(Duration.ofSeconds(20)).until(() -> kiosk.connected() && kiosk.outboxSize() == 0);
        assertThat(after.receivedIds()).containsAll(whileDown);
    }

    @Test
    void aKioskStartedWithoutABrokerKeepsRecordingAndSyncsWhenOneAppears() throws Exception {
        broker.stop();
        long started = System.nanoTime();
        Kiosk kiosk = keep(Kiosk.start(settings()));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));

        List<UUID> ids = record(kiosk, 4);
        assertThat(kiosk.connected()).isFalse();
        assertThat(kiosk.outboxSize()).isEqualTo(4);
        await().during(Duration.ofMillis(1500)).until(() -> kiosk.outboxSize() == 4); // several failed connects

        broker.start();
        FakeServer server = keep(FakeServer.acking(broker.url()));

        await().atMost(Duration.ofSeconds(15)).until(() -> kiosk.outboxSize() == 0);
        assertThat(server.receivedIds()).containsAll(ids);
    }

    @Test
    void aKioskClosedWithAFullOutboxDrainsItAfterARestart() throws Exception {
        int count = 1000;
        Set<UUID> ids;
        long recordMillis;
        try (Kiosk first = Kiosk.start(settings())) { // nobody acks: the broker has no server
            long t0 = System.nanoTime();
            ids = new HashSet<>(record(first, count));
            recordMillis = Duration.ofNanos(System.nanoTime() - t0).toMillis();
            assertThat(first.outboxSize()).isEqualTo(count);
        }
        FakeServer server = keep(FakeServer.acking(broker.url()));

        long t0 = System.nanoTime();
        Kiosk second = keep(Kiosk.start(settings()));
        await().atMost(Duration.ofSeconds(30)).until(() -> second.outboxSize() == 0);
        long drainMillis = Duration.ofNanos(System.nanoTime() - t0).toMillis();

        assertThat(server.receivedIds()).containsAll(ids);
        log.info("MEASURED: {} appends (each fsync'd) took {} ms ({} per second); draining {} records after a restart "
                + "took {} ms including connect ({} records per second, {} batches)", count, recordMillis,
                count * 1000 / Math.max(1, recordMillis), count, drainMillis, count * 1000 / Math.max(1, drainMillis),
                server.batches());
    }

    @Test
    void theRetainedStatusIsOnlineWhileConnectedAndOfflineAfterClose() throws Exception {
        FakeServer server = keep(FakeServer.silent(broker.url()));
        Kiosk kiosk = Kiosk.start(settings());
        record(kiosk, 2);

        await().until(() -> {
            DeviceStatus status = server.status(SITE, DEVICE);
            return status != null && status.state().equals(DeviceStatus.ONLINE);
        });
        assertThat(server.status(SITE, DEVICE).version()).isNotBlank();
        kiosk.close();
        kiosk.close(); // twice is fine

        await().until(() -> server.status(SITE, DEVICE).state().equals(DeviceStatus.OFFLINE));
        assertThat(server.status(SITE, DEVICE).outbox()).isEqualTo(2);
        FakeServer latecomer = keep(FakeServer.silent(broker.url()));
        await().until(() -> latecomer.status(SITE, DEVICE) != null); // retained
        assertThat(latecomer.status(SITE, DEVICE).state()).isEqualTo(DeviceStatus.OFFLINE);
    }

    @Test
    void closingStopsEveryThreadTheKioskStarted() {
        Kiosk kiosk = Kiosk.start(settings());
        await().until(kiosk::connected);
        assertThat(kioskThreads()).isNotEmpty();

        kiosk.close();

        await().atMost(Duration.ofSeconds(5)).until(() -> kioskThreads().isEmpty());
    }

    @Test
    void closingWhileTheBrokerIsUnreachableStopsEveryThreadToo() {
        broker.stop();
        Kiosk kiosk = Kiosk.start(settings());
        await().during(Duration.ofMillis(800)).until(() -> !kiosk.connected()); // a few connect attempts

        kiosk.close();

        await().atMost(Duration.ofSeconds(5)).until(() -> kioskThreads().isEmpty());
    }

    /** Our threads and Paho's (named after the client id). */
    private static List<String> kioskThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .map(Thread::getName)
                .filter(name -> name.startsWith("ssc-") || name.contains("ssc-" + SITE + "-" + DEVICE))
                .toList();
    }

    @Test
    void whenTheConnectionDropsTheLastWillSaysOfflineUntilTheKioskIsBack() throws Exception {
        FakeServer server = keep(FakeServer.silent(broker.url()));
        Kiosk kiosk = keep(Kiosk.start(settings()));
        await().until(() -> server.stateHistory(SITE, DEVICE).contains(DeviceStatus.ONLINE));

        broker.dropClient("ssc-" + SITE + "-" + DEVICE);

        await().atMost(Duration.ofSeconds(10))
                .until(() -> server.stateHistory(SITE, DEVICE), states -> states.size() >= 3);
        assertThat(server.stateHistory(SITE, DEVICE)).containsExactly(DeviceStatus.ONLINE, DeviceStatus.OFFLINE,
                DeviceStatus.ONLINE);
        await().until(kiosk::connected);
    }

    private KioskSettings settings() {
        return KioskSettings.of(SITE, DEVICE, broker.url(), dataDir).withBackoff(INITIAL, MAX);
    }

    private static List<UUID> record(Kiosk kiosk, int count) {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            MeasurementRecord record = i % 2 == 0 ? Records.chairStands("M" + i % 13, 8 + i % 12)
                    : Records.grip("M" + i % 13, "2" + i % 10 + ".5");
            kiosk.record(record);
            ids.add(record.id());
        }
        return ids;
    }

    private <T extends AutoCloseable> T keep(T closeable) {
        open.add(closeable);
        return closeable;
    }
}
