package kr.smartsenior.server.alert;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The {@code alert} and {@code alert_action} tables (V40): the conditions that hold, one row per
 * identity, and what staff did about each. {@link #apply} makes a member's (or a site's) rows match
 * the conditions that hold now: a new identity is inserted as {@link Status#OPEN}, an existing one is
 * marked active again with its handling state untouched (a resolved alert stays resolved), and every
 * other row of that member (or site) is marked inactive.
 */
@Component
final class AlertStore {

    /** Where an alert stands in staff's hands. */
    enum Status {
        /** 새 알림: nobody has looked at it */
        OPEN("새 알림"),
        /** 확인함: someone has looked (with a note, perhaps a follow-up day) */
        ACKNOWLEDGED("확인함"),
        /** 해결됨: handled; stays so while the same evidence holds */
        RESOLVED("해결됨");

        private final String korean;

        Status(String korean) {
            this.korean = korean;
        }

        public String korean() {
            return korean;
        }
    }

    /** What staff did. */
    enum Action { ACKNOWLEDGE, FOLLOW_UP, RESOLVE, REOPEN }

    /** Which alerts a list shows. */
    enum Shown {
        /** not resolved (새 알림 and 확인함) */
        OPEN("처리 전 전체 (새 알림 + 확인함)"),
        NEW("새 알림"),
        ACKNOWLEDGED("확인함"),
        RESOLVED("해결됨");

        private final String korean;

        Shown(String korean) {
            this.korean = korean;
        }

        public String korean() {
            return korean;
        }
    }

    enum Order {
        SEVERITY("위험도 높은 순"), NEWEST("최근 순"), NAME("이름순");

        private final String korean;

        Order(String korean) {
            this.korean = korean;
        }

        public String korean() {
            return korean;
        }
    }

    /** An alert as the inbox lists it; {@code memberId} and {@code name} null for a site's alert. */
    record Row(String id, String memberId, String name, String siteId, AlertKind kind, int severity, Instant raisedAt,
            String summary, Status status, String note, LocalDate followUpOn, String handledBy, Instant handledAt) {
    }

    record Page(List<Row> rows, int total, int page, int pages, Map<AlertKind, Integer> openByKind) {
    }

    /** One entry of an alert's history. */
    record Entry(Action action, String note, LocalDate followUpOn, String actor, Instant at) {
    }

    /** A member's alert belongs to the member's site now (a move shows at once), a site's to the site. */
    private static final String JOIN = " LEFT JOIN member m ON m.id = a.member_id";
    private static final String SITE = "COALESCE(m.site_id, a.site_id)";

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;

    AlertStore(JdbcClient jdbc, TransactionTemplate transactions, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Makes the member's rows match these conditions (all of that member). */
    void applyMember(String memberId, List<Condition> conditions) {
        apply("member_id = ?", memberId, conditions);
    }

    /** Makes the site's own rows (no member) match these conditions. */
    void applySite(String siteId, List<Condition> conditions) {
        apply("member_id IS NULL AND site_id = ?", siteId, conditions);
    }

    private void apply(String whose, String key, List<Condition> conditions) {
        long now = clock.millis();
        transactions.executeWithoutResult(tx -> {
            List<String> identities = new ArrayList<>();
            for (Condition c : conditions) {
                identities.add(c.identity());
                jdbc.sql("""
                        INSERT INTO alert (id, identity, member_id, site_id, kind, evidence, severity, raised_at_ms,
                            summary, active, status, updated_at_ms)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1, 'OPEN', ?)
                        ON CONFLICT (identity) DO UPDATE SET active = 1, site_id = excluded.site_id,
                            severity = excluded.severity, summary = excluded.summary,
                            updated_at_ms = excluded.updated_at_ms""")
                        .params(UUID.randomUUID().toString(), c.identity(), c.memberId(), c.siteId(), c.kind().name(),
                                clip(c.evidence(), 200), c.severity(), c.raisedAt().toEpochMilli(), c.summary(), now)
                        .update();
            }
            List<Object> params = new ArrayList<>();
            params.add(now);
            params.add(key);
            params.addAll(identities);
            jdbc.sql("UPDATE alert SET active = 0, updated_at_ms = ? WHERE " + whose + " AND active = 1"
                    + (identities.isEmpty() ? "" : " AND identity NOT IN (" + "?, ".repeat(identities.size() - 1) + "?)"))
                    .params(params).update();
        });
    }

    /**
     * A page of the active alerts of these sites ({@code null}: every site), filtered by kind (null:
     * any) and what is shown, in this order; {@code openByKind} counts the open ones per kind.
     */
    Page page(Set<String> sites, String site, AlertKind kind, Shown shown, Order order, int page, int pageSize) {
        StringBuilder where = new StringBuilder(" WHERE a.active = 1");
        List<Object> params = new ArrayList<>();
        if (sites != null) {
            if (sites.isEmpty()) {
                return new Page(List.of(), 0, 1, 1, Map.of());
            }
            where.append(" AND ").append(SITE).append(" IN (").append("?, ".repeat(sites.size() - 1)).append("?)");
            params.addAll(sites);
        }
        if (site != null) {
            where.append(" AND ").append(SITE).append(" = ?");
            params.add(site);
        }
        Map<AlertKind, Integer> byKind = new LinkedHashMap<>();
        jdbc.sql("SELECT a.kind, COUNT(*) FROM alert a" + JOIN + where + " AND a.status <> 'RESOLVED' GROUP BY a.kind")
                .params(params)
                .query(rs -> {
                    byKind.put(AlertKind.valueOf(rs.getString(1)), rs.getInt(2));
                });
        if (kind != null) {
            where.append(" AND a.kind = ?");
            params.add(kind.name());
        }
        where.append(switch (shown) {
            case OPEN -> " AND a.status <> 'RESOLVED'";
            case NEW -> " AND a.status = 'OPEN'";
            case ACKNOWLEDGED -> " AND a.status = 'ACKNOWLEDGED'";
            case RESOLVED -> " AND a.status = 'RESOLVED'";
        });
        int total = jdbc.sql("SELECT COUNT(*) FROM alert a" + JOIN + where).params(params).query(Integer.class).single();
        int pages = Math.max(1, (total + pageSize - 1) / pageSize);
        int current = Math.max(1, Math.min(page, pages));
        String orderBy = switch (order) {
            case NEWEST -> " ORDER BY a.raised_at_ms DESC, a.severity DESC, a.id";
            case SEVERITY -> " ORDER BY a.severity DESC, a.raised_at_ms DESC, a.id";
            case NAME -> " ORDER BY CASE WHEN m.display_name IS NULL THEN 1 ELSE 0 END, m.display_name, a.member_id,"
                    + " a.severity DESC, a.id";
        };
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(pageSize);
        pageParams.add((current - 1) * pageSize);
        List<Row> rows = jdbc.sql("""
                SELECT a.id, a.member_id, m.display_name, COALESCE(m.site_id, a.site_id) AS site_id, a.kind, a.severity, a.raised_at_ms, a.summary,
                       a.status, a.note, a.follow_up_on, a.handled_by, a.handled_at_ms
                FROM alert a""" + JOIN + where + orderBy + " LIMIT ? OFFSET ?")
                .params(pageParams)
                .query((rs, n) -> {
                    long handledAt = rs.getLong("handled_at_ms");
                    boolean handled = !rs.wasNull();
                    String followUp = rs.getString("follow_up_on");
                    return new Row(rs.getString("id"), rs.getString("member_id"), rs.getString("display_name"),
                            rs.getString("site_id"), AlertKind.valueOf(rs.getString("kind")), rs.getInt("severity"),
                            Instant.ofEpochMilli(rs.getLong("raised_at_ms")), rs.getString("summary"),
                            Status.valueOf(rs.getString("status")), rs.getString("note"),
                            followUp == null ? null : LocalDate.parse(followUp), rs.getString("handled_by"),
                            handled ? Instant.ofEpochMilli(handledAt) : null);
                })
                .list();
        return new Page(rows, total, current, pages, byKind);
    }

    /** The site of an alert (to check access before acting), if there is such an alert. */
    Optional<String> siteOf(String alertId) {
        return jdbc.sql("SELECT " + SITE + " FROM alert a" + JOIN + " WHERE a.id = ?").param(alertId)
                .query(String.class).optional();
    }

    /** The member of an alert, if it is a member's. */
    Optional<String> memberOf(String alertId) {
        return jdbc.sql("SELECT member_id FROM alert WHERE id = ?").param(alertId).query(String.class).optional();
    }

    /**
     * Records an action and applies it: ACKNOWLEDGE and FOLLOW_UP make the alert 확인함 (keeping an
     * earlier note or day unless a new one is given), RESOLVE 해결됨, REOPEN 새 알림 again.
     */
    void act(String alertId, Action action, String note, LocalDate followUpOn, String actor) {
        long now = clock.millis();
        Status status = switch (action) {
            case ACKNOWLEDGE, FOLLOW_UP -> Status.ACKNOWLEDGED;
            case RESOLVE -> Status.RESOLVED;
            case REOPEN -> Status.OPEN;
        };
        transactions.executeWithoutResult(tx -> {
            jdbc.sql("""
                    INSERT INTO alert_action (id, alert_id, action, note, follow_up_on, actor, at_ms)
                    VALUES (?, ?, ?, ?, ?, ?, ?)""")
                    .params(UUID.randomUUID().toString(), alertId, action.name(), note,
                            followUpOn == null ? null : followUpOn.toString(), actor, now)
                    .update();
            jdbc.sql("""
                    UPDATE alert SET status = ?, note = COALESCE(?, note), follow_up_on = COALESCE(?, follow_up_on),
                        handled_by = ?, handled_at_ms = ?
                    WHERE id = ?""")
                    .params(status.name(), note, followUpOn == null ? null : followUpOn.toString(), actor, now, alertId)
                    .update();
        });
    }

    /** An alert's history, oldest first. */
    List<Entry> history(String alertId) {
        return jdbc.sql("SELECT action, note, follow_up_on, actor, at_ms FROM alert_action WHERE alert_id = ? ORDER BY at_ms, id")
                .param(alertId)
                .query((rs, n) -> new Entry(Action.valueOf(rs.getString("action")), rs.getString("note"),
                        rs.getString("follow_up_on") == null ? null : LocalDate.parse(rs.getString("follow_up_on")),
                        rs.getString("actor"), Instant.ofEpochMilli(rs.getLong("at_ms"))))
                .list();
    }

    /** The active alerts of these members, for a site's overview (kind and summary, most severe first). */
    Map<String, List<Row>> activeOf(Collection<String> memberIds) {
        Map<String, List<Row>> byMember = new LinkedHashMap<>();
        if (memberIds.isEmpty()) {
            return byMember;
        }
        jdbc.sql("SELECT id, member_id, site_id, kind, severity, raised_at_ms, summary, status FROM alert"
                        + " WHERE active = 1 AND status <> 'RESOLVED' AND member_id IN ("
                        + "?, ".repeat(memberIds.size() - 1) + "?) ORDER BY severity DESC, raised_at_ms DESC")
                .params(new ArrayList<>(memberIds))
                .query(rs -> {
                    byMember.computeIfAbsent(rs.getString("member_id"), k -> new ArrayList<>())
                            .add(new Row(rs.getString("id"), rs.getString("member_id"), null, rs.getString("site_id"),
                                    AlertKind.valueOf(rs.getString("kind")), rs.getInt("severity"),
                                    Instant.ofEpochMilli(rs.getLong("raised_at_ms")), rs.getString("summary"),
                                    Status.valueOf(rs.getString("status")), null, null, null, null));
                });
        return byMember;
    }

    /** The fall-risk tests the site's kiosks have measured (any record of them at the site). */
    Set<String> measuredFallTests(String siteId) {
        Set<String> measured = new java.util.TreeSet<>();
        for (String code : List.of("TIMED_UP_AND_GO", "ONE_LEG_STANCE", "CHAIR_STAND_30S")) {
            if (jdbc.sql("SELECT 1 FROM measurement WHERE site_id = ? AND code = ? LIMIT 1").params(siteId, code)
                    .query(Integer.class).optional().isPresent()) {
                measured.add(code);
            }
        }
        return measured;
    }

    private static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
