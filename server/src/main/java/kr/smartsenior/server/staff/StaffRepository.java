package kr.smartsenior.server.staff;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Staff and admin accounts in the {@code staff_account} table, with the sites a STAFF account is
 * assigned to ({@code staff_site}), as the account administration writes and lists them. Signing in
 * reads the same tables through {@code security.StaffAccounts}.
 */
@Component
final class StaffRepository {

    private final JdbcClient jdbc;
    private final Clock clock;

    StaffRepository(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** An account as the admin API shows it (never the hash). */
    record Account(String username, String role, List<String> siteIds, String createdAt, boolean locked) {
    }

    boolean exists(String username) {
        return jdbc.sql("SELECT COUNT(*) FROM staff_account WHERE username = ?").param(username)
                .query(Long.class).single() > 0;
    }

    /** Adds an account; false if the user name is taken (by another instance at the same moment, say). */
    boolean add(String username, String passwordHash, String role) {
        return jdbc.sql("""
                INSERT INTO staff_account (username, password_hash, role, created_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (username) DO NOTHING""")
                .params(username, passwordHash, role, DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(OffsetDateTime.now(clock)))
                .update() == 1;
    }

    /** Adds an account with its sites in one transaction; false if the user name is taken. */
    boolean add(String username, String passwordHash, String role, List<String> siteIds, TransactionTemplate tx) {
        return Boolean.TRUE.equals(tx.execute(status -> {
            if (!add(username, passwordHash, role)) {
                return false;
            }
            for (String siteId : new TreeSet<>(siteIds)) {
                jdbc.sql("INSERT INTO staff_site (username, site_id) VALUES (?, ?)").params(username, siteId).update();
            }
            return true;
        }));
    }

    Optional<Account> find(String username) {
        return all().stream().filter(a -> a.username().equals(username)).findFirst();
    }

    /** Every account, by user name. */
    List<Account> all() {
        Map<String, List<String>> sites = new TreeMap<>();
        jdbc.sql("SELECT username, site_id FROM staff_site ORDER BY site_id").query(rs -> {
            sites.computeIfAbsent(rs.getString(1), k -> new java.util.ArrayList<>()).add(rs.getString(2));
        });
        long now = clock.millis();
        return jdbc.sql("SELECT username, role, created_at, locked_until_ms FROM staff_account ORDER BY username")
                .query((rs, n) -> new Account(rs.getString("username"), rs.getString("role"),
                        sites.getOrDefault(rs.getString("username"), List.of()), rs.getString("created_at"),
                        rs.getLong("locked_until_ms") > now))
                .list();
    }
}
