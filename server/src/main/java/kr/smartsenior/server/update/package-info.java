/**
 * Kiosk updates as campaigns (issue 17, decision 0040): signed releases uploaded by an admin
 * ({@code Releases}: the signature is checked against the district's update key on upload, the bundle kept
 * as a file under the data directory), campaigns over waves and/or sites with an optional canary
 * ({@code Campaigns}, whose rules are {@code CampaignPlan}), a retained command per device on its
 * {@code update} topic, the kiosks' progress from their {@code update-status} topics, the bundle
 * download for devices ({@code GET /updates/bundles/{version}/bundle}, the device's broker credentials
 * as HTTP Basic, audited), the admin API ({@code /api/updates/**}) and pages ({@code /admin/updates}).
 * Public: nothing; the feature is reached over HTTP and MQTT only.
 */
package kr.smartsenior.server.update;
