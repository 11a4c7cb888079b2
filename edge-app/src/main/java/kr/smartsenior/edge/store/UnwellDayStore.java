package kr.smartsenior.edge.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.Objects;

/**
 * The days members told the kiosk they were unwell, in table {@code unwell_day} of {@code kiosk.db}:
 * one row per member id and local date, nothing else (no names). Only today matters to the screens,
 * so remembering a day also forgets the rows older than the day before it.
 */
public final class UnwellDayStore {

    private final LocalStore store;

    UnwellDayStore(LocalStore store) {
        this.store = store;
    }

    /** Remembers {@code memberId} as unwell on {@code day} (committed when this returns); repeats are harmless. */
    public void remember(String memberId, LocalDate day) {
        Objects.requireNonNull(memberId, "memberId");
        store.write(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO unwell_day (member_id, day) VALUES (?, ?) ON CONFLICT DO NOTHING");
                    PreparedStatement prune = connection.prepareStatement("DELETE FROM unwell_day WHERE day < ?")) {
                insert.setString(1, memberId);
                insert.setString(2, day.toString());
                insert.executeUpdate();
                prune.setString(1, day.minusDays(1).toString());
                return prune.executeUpdate();
            }
        });
    }

    /** Whether {@code memberId} was remembered as unwell on {@code day}. */
    public boolean unwellOn(String memberId, LocalDate day) {
        return store.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT 1 FROM unwell_day WHERE member_id = ? AND day = ?")) {
                select.setString(1, memberId);
                select.setString(2, day.toString());
                try (ResultSet rows = select.executeQuery()) {
                    return rows.next();
                }
            }
        });
    }
}
