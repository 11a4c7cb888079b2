package kr.smartsenior.edge.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import kr.smartsenior.edge.testing.MutableClock;
import kr.smartsenior.edge.testing.Records;
import kr.smartsenior.protocol.Ack;
import kr.smartsenior.protocol.Decoded;
import kr.smartsenior.protocol.MeasurementRecord;
import kr.smartsenior.protocol.ProtocolCodec;
import kr.smartsenior.protocol.ReceivedBatch;
import kr.smartsenior.protocol.Rejection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteOutboxTest {

    private static final Instant START = Instant.parse("2025-03-01T01:00:00Z");

    @TempDir
    Path dataDir;

    private final MutableClock clock = new MutableClock(START);
    private LocalStore store;
    private Outbox outbox;

    @BeforeEach
    void open() {
        store = LocalStore.open(dataDir, clock);
        outbox = store.outbox();
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void appendedRecordIsDueAtOnceAsTheCodecsJson() {
        MeasurementRecord record = Records.grip("A1", "27.5");

        assertThat(outbox.append(record)).isTrue();

        List<PendingRecord> due = outbox.due(clock.instant(), 10);
        assertThat(due).singleElement().satisfies(pending -> {
            assertThat(pending.id()).isEqualTo(record.id());
            assertThat(pending.attempts()).isZero();
            assertThat(pending.json()).isEqualTo(new String(new ProtocolCodec().encode(record), StandardCharsets.UTF_8));
        });
        assertThat(outbox.size()).isEqualTo(1);
    }

    @Test
    void appendingTheSameIdTwiceKeepsOneRecord() {
        MeasurementRecord record = Records.grip("A1", "27.5");

        outbox.append(record);
        boolean again = outbox.append(record);

        assertThat(again).isFalse();
        assertThat(outbox.size()).isEqualTo(1);
    }

    @Test
    void dueGivesTheOldestFirstUpToTheLimit() {
        List<UUID> ids = appendRecords(5);

        List<PendingRecord> due = outbox.due(clock.instant(), 3);

        assertThat(due).extracting(PendingRecord::id).containsExactlyElementsOf(ids.subList(0, 3));
    }

    @Test
    void retryCountsAnAttemptAndHidesRecordsUntilTheirTime() {
        List<UUID> ids = appendRecords(3);
        Instant later = clock.instant().plus(Duration.ofSeconds(10));

        outbox.scheduleRetry(ids.subList(0, 2), later);

        assertThat(outbox.due(clock.instant(), 10)).extracting(PendingRecord::id).containsExactly(ids.get(2));
        assertThat(outbox.nextDue()).contains(clock.instant());
        clock.advance(Duration.ofSeconds(10));
        assertThat(outbox.due(clock.instant(), 10))
                .extracting(PendingRecord::id, PendingRecord::attempts)
                .containsExactly(
                        tuple(ids.get(0), 1),
                        tuple(ids.get(1), 1),
                        tuple(ids.get(2), 0));
    }

    @Test
    void acknowledgeDeletesAcceptedAndSetsRejectedAsideWithTheReason() {
        List<UUID> ids = appendRecords(3);

        Acknowledged done = outbox.acknowledge(new Ack("b1", List.of(ids.get(0)),
                List.of(new Rejection(ids.get(1).toString(), "GRIP_STRENGTH value 140 outside 0..100"))));

        assertThat(done).isEqualTo(new Acknowledged(1, 1));
        assertThat(outbox.due(clock.instant(), 10)).extracting(PendingRecord::id).containsExactly(ids.get(2));
        assertThat(outbox.rejections(10)).singleElement().satisfies(rejected -> {
            assertThat(rejected.id()).isEqualTo(ids.get(1).toString());
            assertThat(rejected.reason()).isEqualTo("GRIP_STRENGTH value 140 outside 0..100");
            assertThat(rejected.json()).contains(ids.get(1).toString());
            assertThat(rejected.rejectedAt()).isEqualTo(clock.instant());
        });
    }

    @Test
    void acknowledgeIgnoresIdsTheOutboxDoesNotHold() {
        List<UUID> ids = appendRecords(1);

        Acknowledged done = outbox.acknowledge(new Ack("b1", List.of(UUID.randomUUID()),
                List.of(new Rejection("not-a-uuid", "id is not a UUID"), new Rejection(UUID.randomUUID().toString(), "x"))));

        assertThat(done).isEqualTo(new Acknowledged(0, 0));
        assertThat(outbox.size()).isEqualTo(1);
        assertThat(outbox.due(clock.instant(), 10)).extracting(PendingRecord::id).containsExactlyElementsOf(ids);
        assertThat(outbox.rejections(10)).isEmpty();
    }

    @Test
    void rejectionsMatchIdsWrittenInUpperCase() {
        List<UUID> ids = appendRecords(1);

        Acknowledged done = outbox.acknowledge(new Ack("b1", List.of(),
                List.of(new Rejection(ids.get(0).toString().toUpperCase(), "takenAt is more than 24 h in the future"))));

        assertThat(done.rejected()).isEqualTo(1);
        assertThat(outbox.size()).isZero();
    }

    @Test
    void onlyTheNewestThousandRejectionsAreKept() {
        List<UUID> ids = appendRecords(SqliteOutbox.REJECTED_KEPT + 5);
        List<Rejection> rejections = ids.stream().map(id -> new Rejection(id.toString(), "refused")).toList();

        outbox.acknowledge(new Ack("b1", List.of(), rejections));

        List<RejectedRecord> kept = outbox.rejections(SqliteOutbox.REJECTED_KEPT + 100);
        assertThat(kept).hasSize(SqliteOutbox.REJECTED_KEPT);
        assertThat(kept.getFirst().id()).isEqualTo(ids.getLast().toString());
        assertThat(kept.getLast().id()).isEqualTo(ids.get(5).toString());
    }

    @Test
    void makeAllDueBringsScheduledRecordsForward() {
        List<UUID> ids = appendRecords(2);
        outbox.scheduleRetry(ids, clock.instant().plus(Duration.ofMinutes(2)));

        int made = outbox.makeAllDue();

        assertThat(made).isEqualTo(2);
        assertThat(outbox.due(clock.instant(), 10)).extracting(PendingRecord::attempts).containsExactly(1, 1);
    }

    @Test
    void nextDueIsEmptyForAnEmptyOutbox() {
        assertThat(outbox.nextDue()).isEmpty();
        assertThat(outbox.size()).isZero();
    }

    @Test
    void pendingRecordsAndTheirAttemptsSurviveReopening() {
        List<UUID> ids = appendRecords(3);
        Instant retryAt = clock.instant().plus(Duration.ofSeconds(30));
        outbox.scheduleRetry(ids.subList(0, 1), retryAt);
        outbox.acknowledge(new Ack("b1", List.of(ids.get(2)), List.of()));
        store.close();

        store = LocalStore.open(dataDir, clock);
        outbox = store.outbox();

        assertThat(outbox.size()).isEqualTo(2);
        assertThat(outbox.nextDue()).contains(clock.instant());
        clock.advance(Duration.ofSeconds(30));
        assertThat(outbox.due(clock.instant(), 10))
                .extracting(PendingRecord::id, PendingRecord::attempts)
                .containsExactly(tuple(ids.get(0), 1),
                        tuple(ids.get(1), 0));
    }

    @Test
    void storedRecordsDecodeBackToWhatWasRecorded() {
        MeasurementRecord record = Records.grip("A1", "27.5");
        outbox.append(record);
        String json = outbox.due(clock.instant(), 1).getFirst().json();
        byte[] batch = ("{\"batchId\":\"b1\",\"deviceId\":\"kiosk-01\",\"records\":[" + json + "]}")
                .getBytes(StandardCharsets.UTF_8);

        Decoded<ReceivedBatch> decoded = new ProtocolCodec().decodeBatch(batch, Instant.now());

        assertThat(decoded).isInstanceOf(Decoded.Ok.class);
        assertThat(((Decoded.Ok<ReceivedBatch>) decoded).value().valid()).containsExactly(record);
    }

    @Test
    void opensInWalModeWithFullSync() {
        String journal = store.read(connection -> pragma(connection, "journal_mode"));
        String synchronous = store.read(connection -> pragma(connection, "synchronous"));

        assertThat(journal).isEqualToIgnoringCase("wal");
        assertThat(synchronous).isEqualTo("2"); // FULL
    }

    @Test
    void refusesAFileFromANewerKiosk() throws Exception {
        store.close();
        try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve(LocalStore.FILE_NAME));
                Statement statement = raw.createStatement()) {
            statement.execute("PRAGMA user_version = " + (LocalStore.SCHEMA_VERSION + 1));
        }

        assertThatThrownBy(() -> LocalStore.open(dataDir, clock))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("newer");
        store = LocalStore.open(dataDir.resolve("other"), clock); // for @AfterEach
    }

    @Test
    void aClosedStoreSaysSo() {
        store.close();

        assertThatThrownBy(() -> outbox.size()).isInstanceOf(StoreException.class).hasMessageContaining("closed");
        store.close(); // twice is fine
    }

    private List<UUID> appendRecords(int count) {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            MeasurementRecord record = Records.chairStands("M" + i, 10 + i % 10);
            outbox.append(record);
            ids.add(record.id());
        }
        return ids;
    }

    private static String pragma(Connection connection, String name) throws java.sql.SQLException {
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery("PRAGMA " + name)) {
            result.next();
            return result.getString(1);
        }
    }
}
