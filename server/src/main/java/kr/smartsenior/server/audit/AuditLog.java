package kr.smartsenior.server.audit;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Who read which senior's personal data, when and from where (as Korea's Personal Information
 * Protection Act expects of systems holding health data). Rows are only ever added.
 */
@Component
public final class AuditLog {

    /** A staff member read a member's registration. */
    public static final String READ_MEMBER = "member.read";
    /** A staff member read a member's measurements. */
    public static final String READ_MEASUREMENTS = "member.measurements.read";

    /** A staff member listed a site's members (one entry, for the site). */
    public static final String READ_SITE_MEMBERS = "site.members.read";
    /** A staff member registered a senior (the registration as stored is shown back). */
    public static final String CREATE_MEMBER = "member.create";
    /** A staff member opened a senior's registration form on the dashboard (name, birth year, consent). */
    public static final String VIEW_MEMBER_FORM = "member.form.view";
    /** A staff member changed a member's registration. */
    public static final String UPDATE_MEMBER = "member.update";
    /** A staff member printed (downloaded) a member's card, which shows the name. */
    public static final String PRINT_CARD = "member.card.print";
    /** A staff member issued a member a new card, revoking the old one. */
    public static final String REISSUE_CARD = "member.card.reissue";

    /** An admin searched the audit log. */
    public static final String READ_AUDIT = "audit.read";
    /** A staff member opened a senior's page on the dashboard. */
    public static final String VIEW_MEMBER_PAGE = "member.page.view";
    /** A staff member opened a site's overview on the dashboard (names, grades and alerts of its seniors). */
    public static final String VIEW_SITE_OVERVIEW = "site.overview.view";

    /** A staff member checked a list of seniors for a site without storing it (dry run). */
    public static final String PREVIEW_MEMBER_IMPORT = "site.members.import.preview";
    /** A staff member imported a list of seniors into a site. */
    public static final String IMPORT_MEMBERS = "site.members.import";
    /** A staff member exported a site's results (names and measurements) as a file. */
    public static final String EXPORT_RESULTS = "site.results.export";
    /** An admin opened the district view (participation and change per site, no names). */
    public static final String VIEW_DISTRICT = "district.view";

    /**
     * Refused: a site or senior outside the account's sites (answered 404, as an unknown id), or an
     * endpoint the account's role or token may not use (403).
     */
    public static final String REFUSED = "access.refused";
    /** Refused: a state-changing request sent from another site's page (cross-site request forgery). */
    public static final String REFUSED_CROSS_SITE = "access.cross-site.refused";
    /** An admin made an API token (the secret is shown once, never stored). */
    public static final String CREATE_TOKEN = "token.create";
    /** An admin revoked an API token. */
    public static final String REVOKE_TOKEN = "token.revoke";
    /** An admin cleared an account's sign-in delays. */
    public static final String UNLOCK_ACCOUNT = "staff.unlock";
    /** A staff member recorded that a senior withdrew consent: their personal data was destroyed. */
    public static final String WITHDRAW_CONSENT = "member.withdraw";
    /** A staff member moved a senior to another of their sites. */
    public static final String MOVE_MEMBER = "member.move";
    /** A staff member printed the cards of every senior of a site (one entry per card, too). */
    public static final String PRINT_SITE_CARDS = "site.cards.print";
    /** An admin changed a site's name, address or opening hours. */
    public static final String UPDATE_SITE = "site.update";
    /** An admin closed or reopened a site. */
    public static final String CLOSE_SITE = "site.close";
    /** An admin created, changed, disabled, enabled or unlocked a staff account or set its password. */
    public static final String CHANGE_STAFF = "staff.change";
    /** An account changed its own password. */
    public static final String CHANGE_OWN_PASSWORD = "staff.password.change";
    /** An admin downloaded the audit log as a file. */
    public static final String EXPORT_AUDIT = "audit.export";
    /** A staff member was shown a member's phone and guardian contact (member page, form, alert inbox). */
    public static final String READ_MEMBER_CONTACTS = "member.contacts.read";
    /** A staff member opened the alert inbox (one entry per site whose alerts were listed). */
    public static final String VIEW_ALERT_INBOX = "alert.inbox.view";
    /** A staff member acknowledged an alert, set its follow-up day, resolved or reopened it. */
    public static final String HANDLE_ALERT = "alert.handle";
    /** An admin downloaded the district's quarterly report (PDF or Excel; counts only, no names). */
    public static final String EXPORT_DISTRICT_REPORT = "district.report.export";
    /** An admin created a site on the sites page (issue 17). */
    public static final String CREATE_SITE = "site.create";
    /** An admin entered a kiosk's enrollment code for a site on its devices page. */
    public static final String ENROLL_DEVICE = "device.enroll";
    /** An admin revoked a kiosk's identity on the devices page. */
    public static final String REVOKE_DEVICE = "device.revoke";
    /** An admin moved a kiosk to another site (its identity revoked here, enrolled anew there; decision 0039). */
    public static final String MOVE_DEVICE = "device.move";
    /** An admin pushed a site's remote configuration (and its kiosks' own settings) from the configuration page. */
    public static final String CHANGE_DEVICE_CONFIG = "device.config.change";

    /** An admin uploaded a signed kiosk release (no personal data; who and when). */
    public static final String UPLOAD_RELEASE = "update.release.upload";
    /** An admin started, paused, resumed or stopped an update campaign. */
    public static final String CHANGE_CAMPAIGN = "update.campaign.change";
    /** A kiosk fetched an update bundle or its signature with its own credentials (actor: the device id). */
    public static final String DOWNLOAD_BUNDLE = "update.bundle.download";
    /** Refused: an update bundle asked for without valid device credentials. */
    public static final String REFUSED_BUNDLE = "update.bundle.refused";

    /** The most entries one search returns. */
    public static final int MAX_SEARCH = 1000;

    private final JdbcClient jdbc;
    private final Clock clock;

    AuditLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void record(String actor, String action, String memberId, String siteId, String remoteAddr) {
        jdbc.sql("""
                INSERT INTO audit_log (id, at_ms, actor, action, member_id, site_id, remote_addr)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(UUID.randomUUID().toString(), clock.millis(), clip(actor, 64), action, clip(memberId, 16),
                        clip(siteId, 32), clip(remoteAddr, 64))
                .update();
    }

    /** One entry: who did what to whose data, when ({@code at}, UTC) and from which address. */
    public record Entry(String id, Instant at, String actor, String action, String memberId, String siteId,
            String remoteAddr) {
    }

    /**
     * Entries newest first, filtered by whichever of member, site and account are given (null: any),
     * from {@code fromMs} (inclusive) to {@code toMs} (exclusive), at most {@code limit}.
     */
    public List<Entry> search(String memberId, String siteId, String actor, Long fromMs, Long toMs, int limit) {
        return search(new Filter(memberId, siteId, actor, null, fromMs, toMs), 0, limit);
    }

    /** What the audit page filters by; null: any. {@code fromMs} inclusive, {@code toMs} exclusive. */
    record Filter(String memberId, String siteId, String actor, String action, Long fromMs, Long toMs) {
    }

    /** A page of entries, newest first. */
    List<Entry> search(Filter filter, int offset, int limit) {
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder(
                "SELECT id, at_ms, actor, action, member_id, site_id, remote_addr FROM audit_log WHERE 1 = 1");
        where(filter, sql, params);
        sql.append(" ORDER BY at_ms DESC, id LIMIT ").append(Math.max(1, Math.min(limit, MAX_SEARCH)))
                .append(" OFFSET ").append(Math.max(0, offset));
        return jdbc.sql(sql.toString()).params(params)
                .query((rs, n) -> new Entry(rs.getString("id"), Instant.ofEpochMilli(rs.getLong("at_ms")),
                        rs.getString("actor"), rs.getString("action"), rs.getString("member_id"),
                        rs.getString("site_id"), rs.getString("remote_addr")))
                .list();
    }

    /** How many entries match. */
    long count(Filter filter) {
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT COUNT(*) FROM audit_log WHERE 1 = 1");
        where(filter, sql, params);
        return jdbc.sql(sql.toString()).params(params).query(Long.class).single();
    }

    private static void where(Filter filter, StringBuilder sql, List<Object> params) {
        String memberId = filter.memberId();
        String siteId = filter.siteId();
        String actor = filter.actor();
        Long fromMs = filter.fromMs();
        Long toMs = filter.toMs();
        if (filter.action() != null) {
            sql.append(" AND action = ?");
            params.add(filter.action());
        }
        if (memberId != null) {
            sql.append(" AND member_id = ?");
            params.add(memberId);
        }
        if (siteId != null) {
            sql.append(" AND site_id = ?");
            params.add(siteId);
        }
        if (actor != null) {
            sql.append(" AND actor = ?");
            params.add(actor);
        }
        if (fromMs != null) {
            sql.append(" AND at_ms >= ?");
            params.add(fromMs);
        }
        if (toMs != null) {
            sql.append(" AND at_ms < ?");
            params.add(toMs);
        }
    }

    private static String clip(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
