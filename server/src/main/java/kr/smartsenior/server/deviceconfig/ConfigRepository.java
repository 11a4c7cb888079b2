package kr.smartsenior.server.deviceconfig;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** The {@code device_config} table: one row per site and per device that has settings of its own. */
@Component
final class ConfigRepository {

    static final String SITE = "site";
    static final String DEVICE = "device";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> SETTINGS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    ConfigRepository(JdbcClient jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /** One scope's settings. */
    record Row(String scope, String targetId, long version, Map<String, Object> settings, Instant updatedAt, String updatedBy) {
    }

    Optional<Row> find(String scope, String targetId) {
        return jdbc.sql("SELECT scope, target_id, version, settings, updated_at_ms, updated_by FROM device_config"
                        + " WHERE scope = ? AND target_id = ?")
                .params(scope, targetId)
                .query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getLong(3), read(rs.getString(4)),
                        Instant.ofEpochMilli(rs.getLong(5)), rs.getString(6)))
                .optional();
    }

    /** Replaces a scope's settings under the next version of the shared counter; returns the new row. */
    Row put(String scope, String targetId, Map<String, Object> settings, Instant at, String by) {
        return transactions.execute(status -> {
            long version = jdbc.sql("SELECT COALESCE(MAX(version), 0) + 1 FROM device_config").query(Long.class).single();
            int updated = jdbc.sql("""
                    UPDATE device_config SET version = ?, settings = ?, updated_at = ?, updated_at_ms = ?, updated_by = ?
                    WHERE scope = ? AND target_id = ?""")
                    .params(version, write(settings), at.toString(), at.toEpochMilli(), by, scope, targetId)
                    .update();
            if (updated == 0) {
                jdbc.sql("""
                        INSERT INTO device_config (scope, target_id, version, settings, updated_at, updated_at_ms, updated_by)
                        VALUES (?, ?, ?, ?, ?, ?, ?)""")
                        .params(scope, targetId, version, write(settings), at.toString(), at.toEpochMilli(), by)
                        .update();
            }
            return new Row(scope, targetId, version, Map.copyOf(settings), at, by);
        });
    }

    private static Map<String, Object> read(String json) {
        try {
            return JSON.readValue(json, SETTINGS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("device_config.settings is not the JSON this server writes", e);
        }
    }

    private static String write(Map<String, Object> settings) {
        try {
            return JSON.writeValueAsString(settings);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("settings cannot be written as JSON", e);
        }
    }
}
