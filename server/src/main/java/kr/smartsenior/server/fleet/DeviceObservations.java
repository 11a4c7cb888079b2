package kr.smartsenior.server.fleet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The part of each kiosk's {@link DeviceStatusRegistry.Observation} that must outlive a server restart
 * (table {@code device_observation}, V33): its state and since when, since when each condition has
 * been reported, and its recent outbox sizes. Without it every problem would start again at the
 * restart ("offline since 09:02" when the kiosk went dark yesterday). One small upsert per status.
 */
@Component
final class DeviceObservations {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Long>> CONDITIONS = new TypeReference<>() {
    };
    private static final TypeReference<List<long[]>> OUTBOX = new TypeReference<>() {
    };

    private final JdbcClient jdbc;

    DeviceObservations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What was remembered of this kiosk, if anything. */
    Optional<DeviceStatusRegistry.Memory> load(DeviceStatusRegistry.Device device) {
        return jdbc.sql("""
                SELECT state, state_since_ms, conditions, outbox FROM device_observation WHERE site_id = ? AND device_id = ?""")
                .params(device.siteId(), device.deviceId())
                .query((rs, n) -> memory(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4)))
                .optional();
    }

    void save(DeviceStatusRegistry.Device device, DeviceStatusRegistry.Memory memory, Instant now) {
        Map<String, Long> conditions = new LinkedHashMap<>();
        memory.conditions().forEach((condition, since) -> conditions.put(condition, since.toEpochMilli()));
        List<long[]> outbox = memory.outbox().stream().map(s -> new long[] {s.at().toEpochMilli(), s.size()}).toList();
        jdbc.sql("""
                INSERT INTO device_observation (site_id, device_id, state, state_since_ms, conditions, outbox, updated_at_ms)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (site_id, device_id) DO UPDATE SET state = excluded.state, state_since_ms = excluded.state_since_ms,
                    conditions = excluded.conditions, outbox = excluded.outbox, updated_at_ms = excluded.updated_at_ms""")
                .params(device.siteId(), device.deviceId(), memory.state(), memory.stateSince().toEpochMilli(),
                        write(conditions), write(outbox), now.toEpochMilli())
                .update();
    }

    void forget(DeviceStatusRegistry.Device device) {
        jdbc.sql("DELETE FROM device_observation WHERE site_id = ? AND device_id = ?")
                .params(device.siteId(), device.deviceId()).update();
    }

    private static DeviceStatusRegistry.Memory memory(String state, long stateSince, String conditionsJson, String outboxJson) {
        try {
            Map<String, Instant> conditions = new LinkedHashMap<>();
            JSON.readValue(conditionsJson, CONDITIONS).forEach((condition, ms) -> conditions.put(condition, Instant.ofEpochMilli(ms)));
            List<DeviceStatusRegistry.OutboxSample> outbox = new ArrayList<>();
            for (long[] sample : JSON.readValue(outboxJson, OUTBOX)) {
                outbox.add(new DeviceStatusRegistry.OutboxSample(Instant.ofEpochMilli(sample[0]), sample[1]));
            }
            return new DeviceStatusRegistry.Memory(state, Instant.ofEpochMilli(stateSince), List.copyOf(outbox),
                    Map.copyOf(conditions));
        } catch (JsonProcessingException | RuntimeException e) {
            throw new IllegalStateException("unreadable device_observation row: " + e.getMessage(), e);
        }
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
