package kr.smartsenior.server.provisioning;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The kiosks the district has provisioned, revoked ones included. Public for the fleet, the remote
 * configuration and the roster, which publish to each active device of a site.
 */
@Component
public final class ProvisionedDevices {

    private static final String COLUMNS = "id, site_id, mqtt_username, pin_map_revision, created_at, created_at_ms, revoked_at";

    private final JdbcClient jdbc;

    ProvisionedDevices(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A provisioned kiosk.
     *
     * @param createdAtMs when it was provisioned, epoch milliseconds
     * @param revokedAt   when its identity was revoked (ISO-8601), or null while it is active
     */
    public record Device(String id, String siteId, String mqttUsername, String pinMapRevision, String createdAt,
            long createdAtMs, String revokedAt) {

        public boolean active() {
            return revokedAt == null;
        }
    }


    /** Every device, by site and id. */
    public List<Device> all() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM device ORDER BY site_id, id").query(ProvisionedDevices::device).list();
    }

    /** The devices of a site that are not revoked, by id. */
    public List<Device> activeAt(String siteId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM device WHERE site_id = ? AND revoked_at IS NULL ORDER BY id")
                .param(siteId).query(ProvisionedDevices::device).list();
    }

    public Optional<Device> find(String deviceId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM device WHERE id = ?").param(deviceId)
                .query(ProvisionedDevices::device).optional();
    }

    /**
     * The active device whose broker account these are (user name and password, as in its bundle), or
     * empty: a kiosk fetches its update bundle with the credentials it already has (decision 0040).
     */
    public Optional<Device> authenticate(String username, String password) {
        if (username == null || password == null || username.length() > 64 || password.length() > 200) {
            return Optional.empty();
        }
        Optional<String> hash = jdbc.sql("SELECT password_hash FROM device WHERE mqtt_username = ? AND revoked_at IS NULL")
                .param(username).query(String.class).optional();
        if (hash.isEmpty() || !MosquittoPasswordHash.matches(password, hash.get())) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM device WHERE mqtt_username = ?").param(username)
                .query(ProvisionedDevices::device).optional();
    }

    boolean exists(String deviceId) {
        return jdbc.sql("SELECT COUNT(*) FROM device WHERE id = ? OR mqtt_username = ?").params(deviceId, deviceId)
                .query(Long.class).single() > 0;
    }

    /** Broker accounts of the active devices, by user name. */
    List<BrokerAccessFiles.DeviceAccount> activeAccounts() {
        return jdbc.sql("""
                SELECT site_id, id, mqtt_username, password_hash FROM device WHERE revoked_at IS NULL ORDER BY mqtt_username""")
                .query((rs, n) -> new BrokerAccessFiles.DeviceAccount(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4)))
                .list();
    }

    void insert(Device device, String passwordHash, String createdBy) {
        jdbc.sql("""
                INSERT INTO device (id, site_id, mqtt_username, password_hash, pin_map_revision, created_at, created_at_ms,
                                    created_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(device.id(), device.siteId(), device.mqttUsername(), passwordHash, device.pinMapRevision(),
                        device.createdAt(), device.createdAtMs(), createdBy)
                .update();
    }

    /** Marks the device revoked; false if it was already. */
    boolean revoke(String deviceId, String at, String by) {
        return jdbc.sql("UPDATE device SET revoked_at = ?, revoked_by = ? WHERE id = ? AND revoked_at IS NULL")
                .params(at, by, deviceId).update() == 1;
    }

    /** Gives an active device a new password hash; false if it is revoked or unknown. */
    boolean replacePassword(String deviceId, String passwordHash) {
        return jdbc.sql("UPDATE device SET password_hash = ? WHERE id = ? AND revoked_at IS NULL")
                .params(passwordHash, deviceId).update() == 1;
    }

    private static Device device(ResultSet rs, int row) throws SQLException {
        return new Device(rs.getString("id"), rs.getString("site_id"), rs.getString("mqtt_username"),
                rs.getString("pin_map_revision"), rs.getString("created_at"), rs.getLong("created_at_ms"),
                rs.getString("revoked_at"));
    }
}
