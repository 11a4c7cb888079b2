package kr.smartsenior.edge.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.Optional;

/** {@link RosterCache} in table {@code roster} of {@code kiosk.db}, one row per site. */
final class SqliteRosterCache implements RosterCache {

    private final LocalStore store;
    private final Clock clock;

    SqliteRosterCache(LocalStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public Optional<String> load(String siteId) {
        return store.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT json FROM roster WHERE site_id = ?")) {
                select.setString(1, siteId);
                try (ResultSet rows = select.executeQuery()) {
                    return rows.next() ? Optional.of(rows.getString(1)) : Optional.<String>empty();
                }
            }
        });
    }

    @Override
    public boolean save(String siteId, long version, String json) {
        long now = clock.millis();
        return store.write(connection -> {
            try (PreparedStatement upsert = connection.prepareStatement("""
                    INSERT INTO roster (site_id, version, json, saved_at) VALUES (?, ?, ?, ?)
                    ON CONFLICT (site_id) DO UPDATE SET version = excluded.version, json = excluded.json,
                        saved_at = excluded.saved_at
                    WHERE excluded.version > roster.version""")) {
                upsert.setString(1, siteId);
                upsert.setLong(2, version);
                upsert.setString(3, json);
                upsert.setLong(4, now);
                return upsert.executeUpdate() == 1;
            }
        });
    }
}
