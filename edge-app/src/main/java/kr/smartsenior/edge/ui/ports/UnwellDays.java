package kr.smartsenior.edge.ui.ports;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The days a member told this kiosk they were unwell ("몸이 불편해요"): on such a day the kiosk offers
 * them neither a fitness test nor an exercise, on this visit or a later one. Keyed by member id and
 * the kiosk's local date only (no names). The kiosk keeps it in its local store so that a restart
 * does not forget it; {@link #inMemory()} is for simulations and tests. Called on the controller's
 * thread; must not block for long.
 */
public interface UnwellDays {

    /** Remembers that {@code memberId} is unwell on {@code day}. Repeats are harmless. */
    void remember(String memberId, LocalDate day);

    /** Whether {@code memberId} said they were unwell on {@code day}. */
    boolean unwellOn(String memberId, LocalDate day);

    /** Kept only while the program runs. */
    static UnwellDays inMemory() {
        Set<String> days = ConcurrentHashMap.newKeySet();
        return new UnwellDays() {
            @Override
            public void remember(String memberId, LocalDate day) {
                days.add(Objects.requireNonNull(memberId, "memberId") + "@" + day);
            }

            @Override
            public boolean unwellOn(String memberId, LocalDate day) {
                return days.contains(memberId + "@" + day);
            }
        };
    }
}
