package kr.smartsenior.edge.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import kr.smartsenior.edge.store.LocalStore;
import kr.smartsenior.edge.store.Outbox;
import kr.smartsenior.edge.testing.Records;
import kr.smartsenior.protocol.Ack;
import kr.smartsenior.protocol.Decoded;
import kr.smartsenior.protocol.MeasurementRecord;
import kr.smartsenior.protocol.ProtocolCodec;
import kr.smartsenior.protocol.ReceivedBatch;
import kr.smartsenior.protocol.Rejection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(20)
class OutboxDrainerTest {

    private static final Duration LONG = Duration.ofMinutes(5);
    private static final Duration SHORT = Duration.ofMillis(100);

    @TempDir
    Path dataDir;

    private final ProtocolCodec codec = new ProtocolCodec();
    private final FakeLink link = new FakeLink();
    private LocalStore store;
    private OutboxDrainer drainer;

    @AfterEach
    void stop() {
        if (drainer != null) {
            drainer.close();
        }
        if (store != null) {
            store.close();
        }
    }

    @Test
    void sendsDueRecordsInBatchesOfBatchSize() {
        Outbox outbox = start(50, 8, LONG, LONG);
        List<UUID> ids = append(outbox, 120);

        link.goUp();

        await().until(() -> link.measurements.size() == 3);
        List<ReceivedBatch> batches = link.measurements.stream().map(this::decode).toList();
        assertThat(batches).extracting(batch -> batch.valid().size()).containsExactly(50, 50, 20);
        assertThat(batches).extracting(ReceivedBatch::deviceId).containsOnly("kiosk-01");
        assertThat(batches).extracting(ReceivedBatch::batchId).doesNotHaveDuplicates()
                .allMatch(id -> id.matches("[0-9a-f]{32}"));
        assertThat(batches).extracting(ReceivedBatch::sentAt).doesNotContainNull();
        assertThat(batches.stream().flatMap(batch -> batch.valid().stream()).map(MeasurementRecord::id))
                .containsExactlyElementsOf(ids);
        assertThat(outbox.size()).isEqualTo(120);
    }

    @Test
    void keepsAtMostTheWindowOfBatchesAwaitingAcks() {
        Outbox outbox = start(10, 2, LONG, LONG);
        append(outbox, 50);

        link.goUp();

        await().until(() -> link.measurements.size() == 2);
        await().during(Duration.ofMillis(300)).until(() -> link.measurements.size() == 2);
        drainer.ackArrived(ackAll(decode(link.measurements.getFirst())));
        await().until(() -> link.measurements.size() == 3);
        assertThat(outbox.size()).isEqualTo(40);
    }

    @Test
    void anAckForgetsAcceptedRecordsAndSetsRejectedOnesAside() {
        Outbox outbox = start(50, 8, LONG, LONG);
        List<UUID> ids = append(outbox, 3);
        link.goUp();
        await().until(() -> link.measurements.size() == 1);
        String batchId = decode(link.measurements.getFirst()).batchId();

        drainer.ackArrived(codec.encode(new Ack(batchId, ids.subList(0, 2),
                List.of(new Rejection(ids.get(2).toString(), "GRIP_STRENGTH value 140 outside 0..100")))));

        await().until(() -> outbox.size() == 0);
        assertThat(outbox.rejections(10)).singleElement()
                .satisfies(rejected -> assertThat(rejected.reason()).contains("outside"));
    }

    @Test
    void aMalformedAckIsIgnoredAndTheNextOneStillWorks() {
        Outbox outbox = start(50, 8, LONG, LONG);
        append(outbox, 5);
        link.goUp();
        await().until(() -> link.measurements.size() == 1);

        drainer.ackArrived("{\"batchId\": ".getBytes(StandardCharsets.UTF_8));
        drainer.ackArrived("[1,2,3]".getBytes(StandardCharsets.UTF_8));
        drainer.ackArrived(new byte[0]);
        drainer.ackArrived("{\"batchId\":\"x\",\"accepted\":[\"not-a-uuid\"]}".getBytes(StandardCharsets.UTF_8));
        await().during(Duration.ofMillis(200)).until(() -> outbox.size() == 5);
        drainer.ackArrived(ackAll(decode(link.measurements.getFirst())));

        await().until(() -> outbox.size() == 0);
    }

    @Test
    void unackedRecordsAreSentAgainWithTheSameIdsAfterABackoff() {
        Outbox outbox = start(50, 8, SHORT, Duration.ofMillis(300));
        List<UUID> ids = append(outbox, 2);
        link.goUp();

        await().until(() -> link.measurements.size() >= 3);

        List<ReceivedBatch> batches = link.measurements.stream().map(this::decode).toList();
        assertThat(batches).allSatisfy(batch ->
                assertThat(batch.valid()).extracting(MeasurementRecord::id).containsExactlyElementsOf(ids));
        assertThat(batches).extracting(ReceivedBatch::batchId).doesNotHaveDuplicates();
        assertThat(outbox.due(Instant.now().plus(LONG), 10)).allSatisfy(pending ->
                assertThat(pending.attempts()).isGreaterThanOrEqualTo(2));
    }

    @Test
    void nothingIsSentWhileTheLinkIsDown() {
        Outbox outbox = start(50, 8, SHORT, SHORT);
        append(outbox, 4);
        drainer.wake();

        await().during(Duration.ofMillis(300)).until(() -> link.measurements.isEmpty());
        link.goUp();

        // at least one: with a 100 ms backoff and no acks it re-sends before Awaitility may first look
        await().until(() -> !link.measurements.isEmpty());
    }

    @Test
    void aReconnectSendsEverythingWaitingAtOnce() {
        Outbox outbox = start(50, 8, LONG, LONG);
        append(outbox, 3);
        link.goUp();
        await().until(() -> link.measurements.size() == 1);

        link.goDown();
        link.goUp();

        await().until(() -> link.measurements.size() == 2);
        assertThat(decode(link.measurements.get(1)).valid()).hasSize(3);
    }

    @Test
    void aRecordAppendedLaterIsSentWhenTheDrainerIsWoken() {
        Outbox outbox = start(50, 8, LONG, LONG);
        link.goUp();
        await().during(Duration.ofMillis(100)).until(() -> link.measurements.isEmpty());

        append(outbox, 1);
        drainer.wake();

        await().atMost(Duration.ofSeconds(10)).until(() -> link.measurements.size() == 1); // far below the 1 min safety net
    }

    @Test
    void aPublishTheClientRefusesIsTriedAgain() {
        Outbox outbox = start(50, 8, SHORT, SHORT);
        append(outbox, 1);
        link.refusing = true;
        link.goUp();
        await().during(Duration.ofMillis(200)).until(() -> link.measurements.isEmpty());

        link.refusing = false;

        await().until(() -> !link.measurements.isEmpty());
        drainer.close(); // the short backoff would send again; stop to compare stable numbers
        assertThat(outbox.due(Instant.now().plus(LONG), 1).getFirst().attempts())
                .as("only publishes the client took count as attempts")
                .isEqualTo(link.measurements.size());
    }

    private Outbox start(int batchSize, int window, Duration initial, Duration max) {
        store = LocalStore.open(dataDir);
        SyncSettings settings = new SyncSettings("demo-01", "kiosk-01", "tcp://127.0.0.1:1", "test", batchSize, window,
                initial, max, Duration.ofMinutes(1));
        drainer = new OutboxDrainer(store.outbox(), link, codec, new Backoff(initial, max, new SplittableRandom(7)),
                settings, Clock.systemUTC());
        link.start(drainer);
        drainer.start();
        return store.outbox();
    }

    private static List<UUID> append(Outbox outbox, int count) {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            MeasurementRecord record = Records.chairStands("M" + (i % 7), 8 + i % 12);
            outbox.append(record);
            ids.add(record.id());
        }
        return ids;
    }

    private ReceivedBatch decode(byte[] payload) {
        Decoded<ReceivedBatch> decoded = codec.decodeBatch(payload, Instant.now());
        assertThat(decoded).isInstanceOf(Decoded.Ok.class);
        ReceivedBatch batch = ((Decoded.Ok<ReceivedBatch>) decoded).value();
        assertThat(batch.rejected()).isEmpty();
        return batch;
    }

    private byte[] ackAll(ReceivedBatch batch) {
        return codec.encode(new Ack(batch.batchId(), batch.valid().stream().map(MeasurementRecord::id).toList(), List.of()));
    }
}
