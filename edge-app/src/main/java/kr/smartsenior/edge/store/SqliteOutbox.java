package kr.smartsenior.edge.store;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import kr.smartsenior.protocol.Ack;
import kr.smartsenior.protocol.MeasurementRecord;
import kr.smartsenior.protocol.ProtocolCodec;
import kr.smartsenior.protocol.Rejection;

/** The outbox in {@code kiosk.db}: table {@code outbox} for waiting records, {@code rejected} for refused ones. */
final class SqliteOutbox implements Outbox {

    /** How many rejected records are kept for staff; older ones are dropped. */
    static final int REJECTED_KEPT = 1000;
    /** A reason from the server longer than this is cut (it is for people, and the server is not trusted). */
    static final int MAX_REASON_LENGTH = 500;

    private final LocalStore store;
    private final ProtocolCodec codec;
    private final Clock clock;

    SqliteOutbox(LocalStore store, ProtocolCodec codec, Clock clock) {
        this.store = store;
        this.codec = codec;
        this.clock = clock;
    }

    @Override
    public boolean append(MeasurementRecord record) {
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(record.id(), "record id");
        String json = new String(codec.encode(record), StandardCharsets.UTF_8);
        long now = clock.millis();
        return store.write(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO outbox (id, json, appended_at, attempts, next_attempt_at)
                    VALUES (?, ?, ?, 0, ?) ON CONFLICT (id) DO NOTHING""")) {
                insert.setString(1, record.id().toString());
                insert.setString(2, json);
                insert.setLong(3, now);
                insert.setLong(4, now);
                return insert.executeUpdate() == 1;
            }
        });
    }

    @Override
    public List<PendingRecord> due(Instant now, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        return store.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement("""
                    SELECT id, json, attempts FROM outbox
                    WHERE next_attempt_at <= ? ORDER BY seq LIMIT ?""")) {
                select.setLong(1, now.toEpochMilli());
                select.setInt(2, limit);
                List<PendingRecord> due = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        due.add(new PendingRecord(UUID.fromString(rows.getString(1)), rows.getString(2), rows.getInt(3)));
                    }
                }
                return due;
            }
        });
    }

    @Override
    public void scheduleRetry(Collection<UUID> ids, Instant nextAttempt) {
        if (ids.isEmpty()) {
            return;
        }
        store.write(connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE outbox SET attempts = attempts + 1, next_attempt_at = ? WHERE id = ?")) {
                for (UUID id : ids) {
                    update.setLong(1, nextAttempt.toEpochMilli());
                    update.setString(2, id.toString());
                    update.addBatch();
                }
                update.executeBatch();
            }
            return null;
        });
    }

    @Override
    public Acknowledged acknowledge(Ack ack) {
        long now = clock.millis();
        return store.write(connection -> {
            int accepted = 0;
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM outbox WHERE id = ?")) {
                for (UUID id : ack.accepted()) {
                    if (id != null) {
                        delete.setString(1, id.toString());
                        accepted += delete.executeUpdate();
                    }
                }
                int rejected = 0;
                try (PreparedStatement moveAside = connection.prepareStatement("""
                        INSERT INTO rejected (id, json, reason, rejected_at)
                        SELECT id, json, ?, ? FROM outbox WHERE id = ?""")) {
                    for (Rejection rejection : ack.rejected()) {
                        Optional<String> id = canonicalId(rejection == null ? null : rejection.id());
                        if (id.isEmpty()) {
                            continue;
                        }
                        moveAside.setString(1, clip(rejection.reason()));
                        moveAside.setLong(2, now);
                        moveAside.setString(3, id.get());
                        if (moveAside.executeUpdate() == 1) {
                            delete.setString(1, id.get());
                            delete.executeUpdate();
                            rejected++;
                        }
                    }
                }
                if (rejected > 0) {
                    trimRejected(connection);
                }
                return new Acknowledged(accepted, rejected);
            }
        });
    }

    @Override
    public int makeAllDue() {
        long now = clock.millis();
        return store.write(connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE outbox SET next_attempt_at = ? WHERE next_attempt_at > ?")) {
                update.setLong(1, now);
                update.setLong(2, now);
                return update.executeUpdate();
            }
        });
    }

    @Override
    public long size() {
        return store.read(connection -> {
            try (PreparedStatement count = connection.prepareStatement("SELECT count(*) FROM outbox");
                    ResultSet rows = count.executeQuery()) {
                return rows.next() ? rows.getLong(1) : 0L;
            }
        });
    }

    @Override
    public Optional<Instant> nextDue() {
        return store.read(connection -> {
            try (PreparedStatement min = connection.prepareStatement("SELECT min(next_attempt_at) FROM outbox");
                    ResultSet rows = min.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                long at = rows.getLong(1);
                return rows.wasNull() ? Optional.<Instant>empty() : Optional.of(Instant.ofEpochMilli(at));
            }
        });
    }

    @Override
    public List<RejectedRecord> rejections(int limit) {
        return store.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT id, json, reason, rejected_at FROM rejected ORDER BY seq DESC LIMIT ?")) {
                select.setInt(1, Math.max(0, limit));
                List<RejectedRecord> found = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        found.add(new RejectedRecord(rows.getString(1), rows.getString(2), rows.getString(3),
                                Instant.ofEpochMilli(rows.getLong(4))));
                    }
                }
                return found;
            }
        });
    }

    private static void trimRejected(Connection connection) throws SQLException {
        try (PreparedStatement trim = connection.prepareStatement("""
                DELETE FROM rejected WHERE seq <= (SELECT seq FROM rejected ORDER BY seq DESC LIMIT 1 OFFSET ?)""")) {
            trim.setInt(1, REJECTED_KEPT);
            trim.executeUpdate();
        }
    }

    /** Rejection ids are the text the kiosk sent; ours are canonical lower-case UUIDs. */
    private static Optional<String> canonicalId(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(text).toString());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String clip(String reason) {
        if (reason == null || reason.isBlank()) {
            return "no reason given";
        }
        return reason.length() > MAX_REASON_LENGTH ? reason.substring(0, MAX_REASON_LENGTH) + "…" : reason;
    }
}
