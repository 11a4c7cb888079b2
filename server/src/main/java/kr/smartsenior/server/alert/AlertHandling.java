package kr.smartsenior.server.alert;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How alerts were handled, for the district's quarterly report: each alert raised before a moment,
 * with where it stood at that moment (its actions replayed up to then). No member, name or note:
 * the site, the kind and the times only.
 */
@Component
public final class AlertHandling {

    /** The kinds in the inbox's order, with their Korean names (code name to Korean). */
    public static final Map<String, String> KINDS;

    static {
        Map<String, String> kinds = new LinkedHashMap<>();
        for (AlertKind kind : AlertKind.values()) {
            kinds.put(kind.name(), kind.korean());
        }
        KINDS = java.util.Collections.unmodifiableMap(kinds);
    }

    /**
     * One alert as it stood at the moment asked about.
     *
     * @param siteId         the senior's site now (a site's own alert: that site), as the inbox lists it
     * @param kind           an {@link #KINDS} key
     * @param raisedAt       when its condition appeared (the result's time, the day absence began)
     * @param acknowledgedAt staff's first action on it (확인, follow-up day or 해결) before the moment, or null
     * @param resolvedAt     when it was resolved, if it stood resolved at the moment (else null; an action
     *                       after 해결 reopens it, as {@code AlertStore.act} does)
     * @param heldAtMoment   whether its condition still held at the moment (so an unresolved alert was
     *                       in the inbox then); taken from when the condition last ended
     */
    public record Fact(String siteId, String kind, Instant raisedAt, Instant acknowledgedAt, Instant resolvedAt,
            boolean heldAtMoment) {

        /** In the inbox, not resolved, at the moment. */
        public boolean openAtMoment() {
            return resolvedAt == null && heldAtMoment;
        }
    }

    private final JdbcClient jdbc;

    AlertHandling(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every alert raised before {@code moment}, as it stood then. */
    public List<Fact> asOf(Instant moment) {
        long at = moment.toEpochMilli();
        Map<String, List<Object[]>> actions = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT x.alert_id, x.action, x.at_ms FROM alert_action x JOIN alert a ON a.id = x.alert_id
                WHERE a.raised_at_ms < ? AND x.at_ms < ? ORDER BY x.alert_id, x.at_ms, x.id""")
                .params(at, at)
                .query(rs -> {
                    actions.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                            .add(new Object[] {rs.getString(2), rs.getLong(3)});
                });
        return jdbc.sql("""
                SELECT a.id, COALESCE(m.site_id, a.site_id), a.kind, a.raised_at_ms, a.active, a.updated_at_ms
                FROM alert a LEFT JOIN member m ON m.id = a.member_id WHERE a.raised_at_ms < ?""")
                .param(at)
                .query((rs, n) -> {
                    Instant acknowledged = null;
                    Instant resolved = null;
                    for (Object[] action : actions.getOrDefault(rs.getString(1), List.of())) {
                        Instant when = Instant.ofEpochMilli((Long) action[1]);
                        if (acknowledged == null) {
                            acknowledged = when;
                        }
                        resolved = switch (AlertStore.Action.valueOf((String) action[0])) {
                            case RESOLVE -> resolved == null ? when : resolved;
                            case REOPEN, ACKNOWLEDGE, FOLLOW_UP -> null;
                        };
                    }
                    boolean held = rs.getInt(5) == 1 || rs.getLong(6) >= at;
                    return new Fact(rs.getString(2), rs.getString(3), Instant.ofEpochMilli(rs.getLong(4)), acknowledged,
                            resolved, held);
                })
                .list();
    }
}
