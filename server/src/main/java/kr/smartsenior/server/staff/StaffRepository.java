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

    /**
     * An account as the admin API shows it (never the hash).
     *
     * @param fullName           the person's name, or null
     * @param disabled           cannot sign in (kept for the audit trail instead of deleted)
     * @param mustChangePassword an admin set the password; it must be changed at the next sign-in
     */
    record Account(String username, String role, List<String> siteIds, String createdAt, boolean locked,
            String fullName, boolean disabled, boolean mustChangePassword) {

        Account(String username, String role, List<String> siteIds, String createdAt, boolean locked) {
            this(username, role, siteIds, createdAt, locked, null, false, false);
        }
    }

    /** Whether an account may go on: {@code exists} false for an unknown name. */
    record State(boolean exists, boolean disabled, boolean mustChangePassword) {
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
        return jdbc.sql("""
                SELECT username, role, created_at, locked_until_ms, full_name, disabled, must_change_password
                FROM staff_account ORDER BY username""")
                .query((rs, n) -> new Account(rs.getString("username"), rs.getString("role"),
                        sites.getOrDefault(rs.getString("username"), List.of()), rs.getString("created_at"),
                        rs.getLong("locked_until_ms") > now, rs.getString("full_name"), rs.getInt("disabled") != 0,
                        rs.getInt("must_change_password") != 0))
                .list();
    }

    State state(String username) {
        return jdbc.sql("SELECT disabled, must_change_password FROM staff_account WHERE username = ?").param(username)
                .query((rs, n) -> new State(true, rs.getInt(1) != 0, rs.getInt(2) != 0))
                .optional().orElse(new State(false, false, false));
    }

    /** Changes the name, role and sites in one transaction; false when there is no such account. */
    boolean update(String username, String fullName, String role, List<String> siteIds, TransactionTemplate tx) {
        return Boolean.TRUE.equals(tx.execute(status -> {
            if (jdbc.sql("UPDATE staff_account SET full_name = ?, role = ? WHERE username = ?")
                    .params(fullName, role, username).update() == 0) {
                return false;
            }
            jdbc.sql("DELETE FROM staff_site WHERE username = ?").param(username).update();
            for (String siteId : new TreeSet<>(siteIds)) {
                jdbc.sql("INSERT INTO staff_site (username, site_id) VALUES (?, ?)").params(username, siteId).update();
            }
            return true;
        }));
    }

    boolean setFullName(String username, String fullName) {
        return jdbc.sql("UPDATE staff_account SET full_name = ? WHERE username = ?").params(fullName, username)
                .update() == 1;
    }

    boolean setDisabled(String username, boolean disabled) {
        return jdbc.sql("UPDATE staff_account SET disabled = ? WHERE username = ?").params(disabled ? 1 : 0, username)
                .update() == 1;
    }

    /** A new password hash; {@code mustChange}: set by an admin, to be changed at the next sign-in. */
    boolean setPassword(String username, String passwordHash, boolean mustChange) {
        return jdbc.sql("UPDATE staff_account SET password_hash = ?, must_change_password = ? WHERE username = ?")
                .params(passwordHash, mustChange ? 1 : 0, username).update() == 1;
    }

    /** The stored hash, to check the current password before a change. */
    Optional<String> passwordHash(String username) {
        return jdbc.sql("SELECT password_hash FROM staff_account WHERE username = ?").param(username)
                .query(String.class).optional();
    }
}
