package kr.smartsenior.server.alert;

import java.time.Instant;

/**
 * One alert condition that holds now, as derived from the records. Its identity is the member (or,
 * for a site's alert, the site), the kind and the evidence that raised it: a later result that
 * raises the same kind again is new evidence, so a new alert.
 *
 * @param memberId null for a site's alert
 * @param evidence what raised it, e.g. {@code CHAIR_STAND_30S@2026-11-01T01:00:00Z} (not shown to staff)
 * @param severity higher is more urgent (1-5)
 * @param raisedAt when the condition appeared (the result's time, the day absence began)
 * @param summary  what staff read, in Korean, without the senior's name
 */
record Condition(String memberId, String siteId, AlertKind kind, String evidence, int severity, Instant raisedAt,
        String summary) {

    /** member (or {@code site:<id>}) | kind | evidence */
    String identity() {
        String who = memberId == null ? "site:" + siteId : memberId;
        String text = who + "|" + kind.name() + "|" + evidence;
        return text.length() <= 300 ? text : text.substring(0, 300);
    }
}
