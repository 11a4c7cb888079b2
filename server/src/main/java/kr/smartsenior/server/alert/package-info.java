/**
 * The alert inbox (decision 0031): the seniors staff should look at — fall risk (높음, 주의, 확인
 * 필요), a decline beyond measurement error (short-term and long-term), absence beyond
 * {@code SSC_ALERT_ABSENCE_DAYS}, an "unwell today" answer at the kiosk — and a site's fall-risk test
 * not yet validated against hand timing. Alerts are derived from the records ({@code AlertRules},
 * pure) by a background step ({@code AlertRefresher}, on new records through the durable derived-work
 * queue ({@code derived.WorkQueue}, decision 0037),
 * {@code screening.ScreeningRecorded}, {@code member.MembersChanged} and hourly) into the table
 * {@code alert}, one row per identity (member + kind + evidence); staff acknowledge, set a follow-up
 * day and resolve (table {@code alert_action}, audited) on {@code GET /}, the staff home. Public
 * surface: {@code AlertHandling} (how alerts stood at a moment: site, kind and times, no member or
 * note), for the district's quarterly report; otherwise the pages.
 */
package kr.smartsenior.server.alert;
